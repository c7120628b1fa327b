import { inflateSync } from "node:zlib";

import { beforeAll, describe, expect, it } from "vitest";

import { ruleSetByCode } from "~/domain/dossiers/rule-sets";
import {
  buildApologySlip,
  buildControlSlip,
  buildReceiptSlip,
  buildRefusalSlip,
  buildSupplementSlip,
  formatSlipTime,
  type DossierSlipData,
  type HandoverStep,
  type SlipDataWith,
  type SlipPart,
} from "#reports/dossier-slips";
import { qrDarkRuns, qrMatrix, type QrRun } from "#reports/qr";
import { toBuffer, toWebStream, type ReportDocument } from "#reports/toolkit";

import { pageCount, pdfInfo, pdfPages, squashSpaces } from "../../setup/pdf-text";

const CODE = "000.31.14.H53-240509-0003";
const LOOKUP_URL = `https://motcua.example.vn/lookup?code=${CODE}`;
const RECEIVED_AT = "09 giờ 15 phút, ngày 09/05/2024";
const DUE_AT = "17 giờ 00 phút, ngày 10/05/2024";
const APOLOGY_2018 = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
const APOLOGY_2025 = "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT";

const STEP_RESULTS = ["early", "on_time", "late", null] as const;

function steps(count: number): HandoverStep[] {
  return Array.from({ length: count }, (_, index) => ({
    agency: index % 2 === 0 ? "Bộ phận Tiếp nhận và Trả kết quả" : "Công chức Tư pháp - Hộ tịch",
    handedAt: new Date(Date.UTC(2024, 4, 9, 2 + (index % 8), 30)),
    // An odd step is a paper transfer: the other side's receipt is not recorded.
    receivedAt: index % 2 === 0 ? new Date(Date.UTC(2024, 4, 9, 2 + (index % 8), 35)) : null,
    from: "Cầm Văn Thắng",
    to: index % 2 === 0 ? "Lò Thị Hoa" : null,
    result: STEP_RESULTS[index % STEP_RESULTS.length] ?? null,
    note: `Bước ${String(index + 1).padStart(2, "0")}`,
  }));
}

function fixture(overrides: Partial<DossierSlipData> = {}): SlipDataWith<SlipPart> {
  return {
    ruleSet: ruleSetByCode("nd61-2018"),
    unit: {
      name: "UBND xã Mường Sai",
      districtName: "huyện Sông Mã",
      provinceName: "tỉnh Sơn La",
      address: "Bản Nà Sài, xã Mường Sai, huyện Sông Mã, tỉnh Sơn La",
      phone: "0212 3870 123",
    },
    dossier: {
      code: CODE,
      procedureName: "Đăng ký khai sinh",
      processingDays: 1,
      applicantName: "Lò Văn Hùng",
      applicantAddress: "Bản Nà Sài, xã Mường Sai",
      applicantPhone: "0912 345 678",
      // 09/05/2024 09:15 and 10/05/2024 17:00 in Asia/Ho_Chi_Minh.
      receivedAt: new Date("2024-05-09T02:15:00Z"),
      dueAt: new Date("2024-05-10T10:00:00Z"),
      appointmentAt: null,
      documents: [
        { name: "Tờ khai đăng ký khai sinh", copy: "original", count: 1 },
        { name: "Giấy chứng sinh", copy: "original", count: 1 },
        { name: "Căn cước công dân của người đi đăng ký", copy: "copy", count: 2 },
        { name: "Giấy chứng nhận kết hôn của cha mẹ" },
      ],
    },
    officerName: "Cầm Văn Thắng",
    leaderName: "Quàng Văn Minh",
    lookupUrl: LOOKUP_URL,
    issuedAt: new Date("2024-05-09T02:20:00Z"),
    stop: { cause: "withdrawn", reason: "Ông/bà đề nghị rút hồ sơ", at: new Date("2024-05-10T03:00:00Z") },
    supplement: {
      missingItems: [
        "Giấy chứng sinh do cơ sở y tế cấp (bản chính)",
        "Văn bản ủy quyền có chứng thực",
        "  giấy chứng sinh do cơ sở y tế cấp   (bản chính) ",
      ],
      reason: "Tờ khai ghi nơi sinh tại Bệnh viện Đa khoa Sông Mã nhưng chưa nộp giấy tờ chứng minh.",
      requestedAt: new Date("2024-05-09T02:20:00Z"),
    },
    refusal: {
      reason:
        "Cha, mẹ của trẻ cư trú tại xã Chiềng Khương; việc đăng ký thuộc thẩm quyền của UBND xã Chiềng Khương.",
      at: new Date("2024-05-09T02:25:00Z"),
    },
    apology: {
      reason: "Phải xác minh nơi cư trú của người mẹ tại tỉnh Điện Biên.",
      issuedAt: new Date("2024-05-10T08:00:00Z"),
      newAppointmentAt: new Date("2024-05-14T10:00:00Z"),
    },
    steps: steps(3),
    ...overrides,
  };
}

const RULE_SET_2025 = ruleSetByCode("nd118-2025");

async function plain(report: ReportDocument): Promise<string> {
  return squashSpaces(pdfPages(await toBuffer(report), "plain").join("\n"));
}

/** All of the text on one line, as a reader would quote it: wrapped lines joined with a space. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every `x y w h re` operator in the (deflated) content streams. */
function drawnRectangles(pdf: Buffer): Rect[] {
  const rects: Rect[] = [];
  let position = 0;
  for (;;) {
    const start = pdf.indexOf("stream\n", position, "latin1");
    if (start < 0) break;
    position = start + "stream\n".length;
    if (pdf.toString("latin1", start - 3, start) === "end") continue;
    const end = pdf.indexOf("\nendstream", position, "latin1");
    let content: string;
    try {
      content = inflateSync(pdf.subarray(position, end)).toString("latin1");
    } catch {
      continue;
    }
    position = end;
    if (!content.includes(" Tf") && !content.includes(" re")) continue;
    for (const match of content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)) {
      rects.push({
        x: Number(match[1]),
        y: Number(match[2]),
        width: Number(match[3]),
        height: Number(match[4]),
      });
    }
  }
  return rects;
}

/** Turns the QR code's module rectangles back into runs of dark modules, in the QR matrix's grid. */
function drawnQrRuns(rects: readonly Rect[]): { moduleSize: number; runs: QrRun[] } {
  // Module rectangles are the only ones a module high; table fills and the quiet zone are far taller.
  const modules = rects.filter((rect) => rect.height > 0 && rect.height < 3);
  const moduleSize = modules[0]?.height ?? 0;
  const left = Math.min(...modules.map((rect) => rect.x));
  const top = Math.min(...modules.map((rect) => rect.y));
  const runs = modules.map((rect) => ({
    row: Math.round((rect.y - top) / moduleSize),
    column: Math.round((rect.x - left) / moduleSize),
    length: Math.round(rect.width / moduleSize),
  }));
  return { moduleSize, runs };
}

function sortRuns(runs: readonly QrRun[]): QrRun[] {
  return [...runs].sort((a, b) => a.row - b.row || a.column - b.column);
}

describe("formatSlipTime", () => {
  it("writes the time as the forms do, in Asia/Ho_Chi_Minh", () => {
    expect(formatSlipTime(new Date("2024-05-09T02:15:00Z"))).toBe(RECEIVED_AT);
    // 18:30 UTC is already the next morning in Viet Nam.
    expect(formatSlipTime(new Date("2024-05-09T18:30:00Z"))).toBe("01 giờ 30 phút, ngày 10/05/2024");
  });
});

describe("buildReceiptSlip (Mẫu số 01)", () => {
  let pdf: Buffer;
  let text: string;
  let layout: string[];

  beforeAll(async () => {
    pdf = await toBuffer(buildReceiptSlip(fixture()));
    text = squashSpaces(pdfPages(pdf, "plain").join("\n"));
    layout = pdfPages(pdf);
  });

  it("is one A5 portrait page, dated issuedAt", () => {
    const info = pdfInfo(pdf);
    expect(pageCount(pdf)).toBe(1);
    expect(info["Page size"]).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    expect(info.CreationDate).toMatch(/^2024-05-09T02:20:00/);
    expect(layout[0]).toContain("Trang 1 / 1");
  });

  it("heads the slip with the national name and motto beside the unit, the form number and the code", () => {
    for (const line of [
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND XÃ MƯỜNG SAI",
      "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
      "Mẫu số 01",
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      `Mã hồ sơ: ${CODE}`,
    ]) {
      expect(text).toContain(line);
    }
    expect(layout[0]).toMatch(/UBND XÃ MƯỜNG SAI\s+CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  });

  it("prints the applicant, the request and the times exactly", () => {
    const body = flat(text);
    for (const line of [
      "Bộ phận Tiếp nhận và Trả kết quả UBND xã Mường Sai đã tiếp nhận hồ sơ của: Ông/bà Lò Văn Hùng",
      "Địa chỉ: Bản Nà Sài, xã Mường Sai",
      "Số điện thoại: 0912 345 678",
      "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
      "Số lượng hồ sơ: 01 bộ",
      "Thời gian giải quyết hồ sơ theo quy định: 01 ngày làm việc",
      `Thời gian nhận hồ sơ: ${RECEIVED_AT}`,
      `Thời gian trả kết quả giải quyết hồ sơ: ${DUE_AT}`,
      "Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả UBND xã Mường Sai, Bản Nà Sài",
      "Vào Sổ theo dõi hồ sơ, Quyển số:",
    ]) {
      expect(body).toContain(line);
    }
  });

  it("lists the papers received with original/copy and count, a dash where unknown", () => {
    const page = layout[0] ?? "";
    expect(page).toMatch(/STT\s+Tên giấy tờ\s+Bản chính\/Bản sao\s+Số lượng/);
    expect(page).toMatch(/1\s+Tờ khai đăng ký khai sinh\s+Bản chính\s+01/);
    expect(page).toMatch(/2\s+Giấy chứng sinh\s+Bản chính\s+01/);
    expect(page).toMatch(/3\s+Căn cước công dân của người đi đăng ký\s+Bản sao\s+02/);
    expect(page).toMatch(/4\s+Giấy chứng nhận kết hôn của cha mẹ\s+—\s+—/);
  });

  it("carries a vector QR code of the lookup URL, with its caption", () => {
    const { moduleSize, runs } = drawnQrRuns(drawnRectangles(pdf));
    expect(moduleSize).toBeGreaterThan(0);
    expect(sortRuns(runs)).toEqual(sortRuns(qrDarkRuns(qrMatrix(LOOKUP_URL))));
    expect(sortRuns(runs)).not.toEqual(sortRuns(qrDarkRuns(qrMatrix(`${LOOKUP_URL}1`))));
    // Issue 17: the look-up address in words beside the QR code.
    expect(flat(text)).toContain("Quét mã hoặc vào motcua.example.vn/lookup,");
    expect(flat(text)).toContain("nhập mã hồ sơ để tra cứu");
  });

  it("has both signature captions and the officer's name under the officer's", () => {
    expect(text).toContain("NGƯỜI NỘP HỒ SƠ");
    expect(text).toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
    expect(text.match(/\(Ký và ghi rõ họ tên\)/g)).toHaveLength(2);

    const lines = (layout[0] ?? "").split("\n");
    const captionRow = lines.findIndex((line) => line.includes("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    const nameRow = lines.findIndex((line) => line.includes("Cầm Văn Thắng"));
    const captionLine = lines[captionRow] ?? "";
    expect(captionRow).toBeGreaterThan(0);
    expect(captionLine).toMatch(/NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
    expect(nameRow).toBeGreaterThan(captionRow + 1);
    // Under the right-hand (officer's) column, not the applicant's.
    expect(lines[nameRow]?.indexOf("Cầm Văn Thắng")).toBeGreaterThanOrEqual(
      captionLine.indexOf("NGƯỜI TIẾP NHẬN HỒ SƠ"),
    );
  });

  it("leaves the officer's name blank when unknown, and says 'Trong ngày' for a same-day procedure", async () => {
    const data = fixture({ officerName: null });
    const body = await plain(
      buildReceiptSlip({ ...data, dossier: { ...data.dossier, processingDays: 0, applicantPhone: null } }),
    );
    expect(body).not.toContain("Cầm Văn Thắng");
    expect(body).toContain("Thời gian giải quyết hồ sơ theo quy định: Trong ngày");
    expect(body).toContain("Số điện thoại: …………");
  });

  it("names the commune's public administrative service centre under Decree 118/2025", async () => {
    const body = await plain(buildReceiptSlip(fixture({ ruleSet: RULE_SET_2025 })));
    expect(body).toContain("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
    expect(body).toContain("Mẫu số 01");
    expect(body).toContain("Thông tư số 03/2025/TT-VPCP");
    expect(body).not.toContain("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
  });

  it("gives the same bytes for the same data, and streams for a route", async () => {
    const again = await toBuffer(buildReceiptSlip(fixture()));
    expect(again.equals(pdf)).toBe(true);

    const chunks: Uint8Array[] = [];
    const reader = toWebStream(buildReceiptSlip(fixture())).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
  });
});

describe("buildSupplementSlip (Mẫu số 02)", () => {
  let text: string;

  beforeAll(async () => {
    text = await plain(buildSupplementSlip(fixture()));
  });

  it("prints the heading, code, applicant, request and date", () => {
    for (const line of [
      "Mẫu số 02",
      "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
      `Mã hồ sơ: ${CODE}`,
      "Hồ sơ của: Ông/bà Lò Văn Hùng",
      "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
      "Mường Sai, ngày 09 tháng 05 năm 2024",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("lists every missing item once, numbered, with the reason", () => {
    const lines = text.split("\n");
    expect(lines).toContain("1. Giấy chứng sinh do cơ sở y tế cấp (bản chính)");
    expect(lines).toContain("2. Văn bản ủy quyền có chứng thực");
    expect(text).not.toMatch(/^3\. /m);
    expect(text.match(/giấy chứng sinh do cơ sở y tế cấp/gi)).toHaveLength(1);
    expect(flat(text)).toContain(
      "Lý do: Tờ khai ghi nơi sinh tại Bệnh viện Đa khoa Sông Mã nhưng chưa nộp giấy tờ chứng minh.",
    );
  });

  it("says whom to contact, and is signed by the officer", () => {
    expect(flat(text)).toContain(
      "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với công chức Cầm Văn Thắng, " +
        "Bộ phận Tiếp nhận và Trả kết quả UBND xã Mường Sai, số điện thoại 0212 3870 123 để được hướng dẫn./.",
    );
    expect(text).toContain("NGƯỜI HƯỚNG DẪN");
    expect(text).toContain("(Ký và ghi rõ họ tên)");
    expect(text).toContain("Cầm Văn Thắng");
  });

  it("refuses a request with nothing missing", () => {
    const data = fixture();
    expect(() =>
      buildSupplementSlip({ ...data, supplement: { ...data.supplement, missingItems: [" ", ""] } }),
    ).toThrow(RangeError);
  });
});

describe("buildRefusalSlip (Mẫu số 03)", () => {
  it("prints the heading, code, applicant, request, reason and signature", async () => {
    const text = flat(await plain(buildRefusalSlip(fixture())));
    for (const line of [
      "Mẫu số 03",
      "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
      `Mã hồ sơ: ${CODE}`,
      "tiếp nhận hồ sơ của: Ông/bà Lò Văn Hùng",
      "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
      "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
      "Cha, mẹ của trẻ cư trú tại xã Chiềng Khương; việc đăng ký thuộc thẩm quyền của UBND xã Chiềng Khương.",
      "Xin trân trọng thông báo!",
      "NGƯỜI TIẾP NHẬN HỒ SƠ",
      "(Ký và ghi rõ họ tên)",
      "Cầm Văn Thắng",
      "Mường Sai, ngày 09 tháng 05 năm 2024",
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe("buildApologySlip (Mẫu số 04)", () => {
  it("apologises, gives the reason and the new date, signed by the head of the unit", async () => {
    const text = flat(await plain(buildApologySlip(fixture())));
    for (const line of [
      "Mẫu số 04",
      APOLOGY_2018,
      `Mã hồ sơ: ${CODE}`,
      "Ngày 09/05/2024, UBND xã Mường Sai tiếp nhận giải quyết hồ sơ của ông/bà Lò Văn Hùng.",
      "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
      `Thời hẹn trả kết quả giải quyết hồ sơ: ${DUE_AT}`,
      "Tuy nhiên đến nay, UBND xã Mường Sai chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn.",
      "Lý do: Phải xác minh nơi cư trú của người mẹ tại tỉnh Điện Biên.",
      "Sự chậm trễ này đã gây phiền hà cho ông/bà. UBND xã Mường Sai xin lỗi ông/bà và sẽ trả kết quả " +
        "giải quyết hồ sơ cho ông/bà vào ngày 14 tháng 05 năm 2024.",
      "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
      "(Ký, ghi rõ họ tên, đóng dấu)",
      "Quàng Văn Minh",
      "Mường Sai, ngày 10 tháng 05 năm 2024",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain(APOLOGY_2025);
  });

  it("is headed as a request to extend the time under Circular 03/2025", async () => {
    const text = flat(await plain(buildApologySlip(fixture({ ruleSet: RULE_SET_2025 }))));
    expect(text).toContain(APOLOGY_2025);
    expect(text).not.toContain(APOLOGY_2018);
  });

  it("breaks the 2025 title between words, never inside one (\"GIA / HẠN\")", async () => {
    const lines = (await plain(buildApologySlip(fixture({ ruleSet: RULE_SET_2025 })))).split("\n").map((l) => l.trim());
    const at = lines.indexOf("PHIẾU XIN LỖI VÀ ĐỀ NGHỊ");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe("GIA HẠN THỜI GIAN GIẢI QUYẾT");
  });

  it("refuses a new appointment that is not after the original one", () => {
    const data = fixture();
    expect(() =>
      buildApologySlip({ ...data, apology: { ...data.apology, newAppointmentAt: data.dossier.dueAt } }),
    ).toThrow(RangeError);
  });
});

describe("buildControlSlip", () => {
  const HEADER_ROW = /TÊN CƠ\s+THỜI GIAN GIAO,\s+NGƯỜI GIAO \/\s+KẾT QUẢ\s+GHI CHÚ/;

  it("prints the dossier, then one row per hand-over with time, names and result", async () => {
    const pdf = await toBuffer(buildControlSlip(fixture()));
    const text = flat(pdfPages(pdf, "plain").join("\n"));
    const page = pdfPages(pdf)[0] ?? "";
    for (const line of [
      "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
      `Mã hồ sơ: ${CODE}`,
      "Kèm theo hồ sơ của: Ông/bà Lò Văn Hùng",
      "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
      `Thời gian nhận hồ sơ: ${RECEIVED_AT}`,
      `Thời gian hẹn trả kết quả: ${DUE_AT}`,
      "(Trước hạn / Đúng hạn / Quá hạn)",
    ]) {
      expect(text).toContain(line);
    }
    expect(page).toMatch(HEADER_ROW);
    // Each row: the hand-over time and the receipt time, the giver and the receiver, the result.
    const raw = flat(pdfPages(pdf, "raw").join("\n"));
    expect(raw).toContain(
      "Bộ phận Tiếp nhận và Trả kết quả Giao: 09 giờ 30 phút, ngày 09/05/2024 Nhận: 09 giờ 35 phút, ngày 09/05/2024 Giao: Cầm Văn Thắng Nhận: Lò Thị Hoa Trước hạn Bước 01",
    );
    expect(raw).toContain("Công chức Tư pháp - Hộ tịch Giao: 10 giờ 30 phút, ngày 09/05/2024 Nhận: ………… Giao: Cầm Văn Thắng Nhận: ………… Đúng hạn Bước 02");
    expect(raw).not.toContain("—");
  });

  it("repeats the table header on every page when 40 hand-overs span several", async () => {
    const pdf = await toBuffer(buildControlSlip(fixture({ steps: steps(40) })));
    const pages = pdfPages(pdf);
    const count = pageCount(pdf);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(pages).toHaveLength(count);
    pages.forEach((page, index) => {
      expect(page).toMatch(HEADER_ROW);
      expect(page).toContain(`Trang ${index + 1} / ${count}`);
    });
    // The title block only opens the first page: later pages show the header because it repeats.
    expect(pages.slice(1).join("\n")).not.toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    const order = pages.join("\n").match(/Bước \d{2}/g) ?? [];
    expect(order).toEqual(steps(40).map((step) => step.note));
  });

  it("numbers the form by the rule set: Mẫu số 05 (Circular 01/2018), Mẫu số 06 (Circular 03/2025)", async () => {
    const old = await plain(buildControlSlip(fixture()));
    expect(old).toContain("Mẫu số 05");
    expect(old).not.toContain("Mẫu số 06");
    expect(old).toContain("Thông tư số 01/2018/TT-VPCP");

    const current = await plain(buildControlSlip(fixture({ ruleSet: RULE_SET_2025 })));
    expect(current).toContain("Mẫu số 06");
    expect(current).not.toContain("Mẫu số 05");
    expect(current).toContain("Thông tư số 03/2025/TT-VPCP");
  });
});

describe("buildStopNotice (Mẫu số 05, Circular 03/2025)", () => {
  it("prints the notice with the applicant, the dossier, the reason and the head's signature", async () => {
    const { buildStopNotice } = await import("#reports/dossier-slips");
    const text = flat(await plain(buildStopNotice(fixture({ ruleSet: RULE_SET_2025 }))));
    for (const line of [
      "Mẫu số 05",
      "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ",
      `Mã hồ sơ: ${CODE}`,
      "Kính gửi: Ông/bà Lò Văn Hùng",
      "Theo đề nghị rút hồ sơ của ông/bà, UBND xã Mường Sai thông báo dừng giải quyết hồ sơ nêu trên.",
      "Lý do: Ông/bà đề nghị rút hồ sơ",
      "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
      "Quàng Văn Minh",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("does not exist under Circular 01/2018", async () => {
    const { buildStopNotice } = await import("#reports/dossier-slips");
    expect(() => buildStopNotice(fixture())).toThrow(RangeError);
  });
});
