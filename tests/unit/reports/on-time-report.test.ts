import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import {
  buildOnTimeReport,
  footerLine,
  formatRate,
  LATE_COLUMNS,
  onTimeReportTitle,
  periodLabel,
  REPORT_TITLE,
  SECTION,
  type FigureRow,
  type LateDossierRow,
  type OnTimeReportData,
} from "#reports/on-time-report";
import { qrDarkRuns, qrMatrix } from "#reports/qr";
import { toBuffer } from "#reports/toolkit";

import { pageCount, pdfInfo, pdfPages, squashSpaces } from "../../setup/pdf-text";

const ISSUED_AT = new Date("2026-11-25T03:00:00Z"); // 10:00 in Hà Nội
const CODE = "K7QM-3XPD-9HWT";
const URL = `https://motcua.example.vn/verify/${CODE}`;
const UNIT = "UBND xã Mường Sai";

function row(received: number, late = 0, online = Math.round(received * 0.1)): FigureRow {
  const resolved = received;
  const early = Math.round(resolved * 0.16);
  const onTime = resolved - early - late;
  const judged = early + onTime + late;
  return {
    received,
    receivedOnline: online,
    resolved,
    early,
    onTime,
    late,
    onTimeRate: judged === 0 ? null : (early + onTime) / judged,
    onlineRate: received === 0 ? null : online / received,
  };
}

const NAMES = ["Lò Văn Hùng", "Cầm Thị Pằng", "Quàng Văn Minh", "Đinh Thị Ánh", "Tòng Văn Sơn"];

function lateDossiers(count: number): LateDossierRow[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `000.31.14.H53-2510${String((i % 28) + 1).padStart(2, "0")}-${String(i + 1).padStart(4, "0")}`,
    applicantName: NAMES[i % NAMES.length]!,
    procedure: i % 2 === 0 ? "Đăng ký khai sinh" : "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
    receivedDate: "2025-10-01",
    dueDate: "2025-10-06",
    finishedDate: i % 7 === 6 ? null : "2025-10-08",
    daysLate: i % 7 === 6 ? 86 : 2,
    supplementCount: i === 3 ? 2 : 0,
    apologyReason: i % 5 === 4 ? null : "Hồ sơ phải xác minh thêm tại cơ quan có liên quan",
    newAppointmentAt: i % 5 === 4 ? null : "2025-10-09T10:00:00.000Z",
  }));
}

const SCORECARD: NonNullable<OnTimeReportData["serviceIndex"]> = {
  version: "Bộ chỉ số chỉ đạo, điều hành (Quyết định số 766/QĐ-TTg)",
  total: 61.5,
  maxTotal: 100,
  measuredMaxTotal: 90,
  groups: [
    {
      code: "1",
      name: "Công khai, minh bạch",
      points: 11.5,
      maxPoints: 18,
      indicators: [
        { code: "1.1", name: "Thủ tục được công khai đầy đủ", value: 0.9167, points: 5.5, maxPoints: 6, notMeasured: null },
        { code: "1.2", name: "Hồ sơ đồng bộ lên Cổng", value: null, points: null, maxPoints: 6, notMeasured: "Không đo được: số liệu do Cổng nắm giữ." },
        { code: "1.3", name: "Kết quả xử lý phản ánh công khai đúng hạn", value: 1, points: 6, maxPoints: 6, notMeasured: null },
      ],
    },
    { code: "2", name: "Tiến độ giải quyết", points: 20, maxPoints: 20, indicators: [{ code: "2.1", name: "Hồ sơ đúng hạn", value: 1, points: 20, maxPoints: 20, notMeasured: null }] },
  ],
  months: [
    { label: "T1/2021", total: 60, measuredMaxTotal: 90 },
    { label: "T2/2021", total: 62.25, measuredMaxTotal: 90 },
  ],
};

/** The commune's 2021 as the demo seed has it: 4,492 received, all on time. */
function data2021(overrides: Partial<OnTimeReportData> = {}): OnTimeReportData {
  const fields = [
    { label: "Hộ tịch", ...row(1612) },
    { label: "Chứng thực", ...row(2410) },
    { label: "Đất đai – Xây dựng", ...row(150) },
    { label: "Lao động – Thương binh và Xã hội", ...row(290) },
    { label: "Lĩnh vực khác", ...row(30) },
  ];
  const totals = row(4492, 0, 481);
  return {
    unit: { name: UNIT },
    period: { from: "2021-01-01", to: "2021-12-31" },
    judgement: { status: "past", measuredTo: "2021-12-31", judgedAt: "2021-12-31T17:00:00.000Z" },
    variant: "public",
    issuedAt: ISSUED_AT,
    issuedBy: "Công khai",
    verification: { code: CODE, url: URL },
    totals: {
      ...totals,
      early: 723,
      onTime: 3769,
      openLateAtEnd: 0,
      openNotDue: 0,
      refused: 0,
      withdrawn: 0,
      transfers: 232,
      eTransfers: 86,
      eTransferRate: 86 / 232,
      overdueNow: 0,
    },
    satisfaction: { rated: 1097, satisfied: 1097, rate: 1 },
    complaints: { received: 0, answered: 0, answeredOnTime: 0 },
    byField: fields,
    byProcedure: Array.from({ length: 45 }, (_, i) => ({
      code: `1.00${String(1000 + i)}`,
      name: i === 0 ? "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền cấp" : `Thủ tục số ${i + 1}`,
      ...row(Math.max(1, 400 - i * 9)),
    })),
    byChannel: [
      { label: "Trực tiếp", ...row(3900, 0, 0) },
      { label: "Bưu chính công ích", ...row(111, 0, 0) },
      { label: "Trực tuyến một phần", ...row(300, 0, 300) },
      { label: "Trực tuyến toàn trình", ...row(181, 0, 181) },
    ],
    chart: {
      grain: "month",
      buckets: Array.from({ length: 12 }, (_, i) => ({ label: `T${i + 1}/2021`, received: 370 + i, resolved: 368 + i, late: 0, onTimeRate: 1 })),
    },
    serviceIndex: SCORECARD,
    ...overrides,
  };
}

const render = async (data: OnTimeReportData) => toBuffer(buildOnTimeReport(data));
/** The words of the pages in reading order, any run of spaces and line breaks as one space. */
const text = (pages: string[]) => pages.join("\n").replace(/\s+/g, " ");

/** Every content stream, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // not a Flate stream (fonts are, images are not used)
    }
  }
  return streams;
}

describe("formatRate", () => {
  it.each([
    [1, "100%"],
    [0, "0%"],
    [0.8, "80%"],
    [0.10707925, "10,7%"],
    [0.3706896, "37,1%"],
    // Two late dossiers in 4,789: never rounded up to a perfect score.
    [4787 / 4789, "99,95%"],
    [0.99999, "99,99%"],
    [0.00001, "0,01%"],
    [null, "—"],
  ])("%s → %s", (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe("periodLabel", () => {
  it.each([
    [{ from: "2021-01-01", to: "2021-12-31" }, "Năm 2021"],
    [{ from: "2025-04-01", to: "2025-06-30" }, "Quý 2 năm 2025"],
    [{ from: "2024-02-01", to: "2024-02-29" }, "Tháng 2 năm 2024"],
    [{ from: "2026-01-01", to: "2026-11-25" }, "Từ ngày 01/01/2026 đến ngày 25/11/2026"],
    [{ from: "2025-02-01", to: "2025-04-30" }, "Từ ngày 01/02/2025 đến ngày 30/04/2025"],
    [{ from: "2021-01-01", to: "2022-12-31" }, "Từ ngày 01/01/2021 đến ngày 31/12/2022"],
  ])("%j → %s", (period, expected) => {
    expect(periodLabel(period)).toBe(expected);
  });

  it("titles the issue with it", () => {
    expect(onTimeReportTitle({ from: "2021-01-01", to: "2021-12-31" })).toBe("Báo cáo kết quả giải quyết TTHC – Năm 2021");
  });
});

describe("buildOnTimeReport, public version", () => {
  it("states the commune's 2021 figures", async () => {
    const pdf = await render(data2021());
    const all = text(pdfPages(pdf));
    expect(all).toContain(REPORT_TITLE);
    expect(all).toContain(UNIT);
    expect(all).toContain("Kỳ báo cáo: Năm 2021");
    expect(all).toContain("Từ ngày 01/01/2021 đến ngày 31/12/2021");
    expect(all).toContain("Bản công khai (chỉ số liệu tổng hợp)");
    expect(all).toContain("Phát hành lúc: 25/11/2026 10:00");
    expect(all).toContain(`Trong kỳ báo cáo, ${UNIT} tiếp nhận 4.492 hồ sơ, trong đó 481 hồ sơ trực tuyến (10,7%).`);
    expect(all).toContain("Đã giải quyết 4.492 hồ sơ: trước hạn 723, đúng hạn 3.769, trễ hạn 0; tỷ lệ giải quyết đúng hạn 100%");
    expect(all).toContain("Cuối kỳ còn 0 hồ sơ đang giải quyết chưa đến hạn và không có hồ sơ trễ hạn chưa giải quyết xong");
    expect(all).toContain("Số liệu tính đến: hết ngày 31/12/2021");
    expect(all).toContain("Liên thông 232 lượt, trong đó 86 lượt điện tử (37,1%).");
    expect(all).toContain("1.097 hài lòng (100%)");
    expect(all).toContain("Không có khiếu nại trong kỳ.");
    expect(all).toContain("4.492 4.492 100% 0 Hồ sơ tiếp nhận"); // the first row of key figures
    for (const heading of [SECTION.summary, SECTION.byField, SECTION.byProcedure, SECTION.byChannel, SECTION.overTime.month]) {
      expect(all).toContain(heading);
    }
    expect(all).not.toContain(SECTION.late);
    expect(all).toContain("danh sách hồ sơ trễ hạn có trong bản dành cho cán bộ và thanh tra");
  });

  it("prints the tables by field, procedure and channel with their totals", async () => {
    const all = text(pdfPages(await render(data2021())));
    expect(all).toMatch(/Hộ tịch 1\.612 161 1\.612 258 1\.354 0 100%/);
    expect(all).toMatch(/Tổng cộng 4\.492 481 4\.492 723 3\.769 0 100%/);
    expect(all).toMatch(/1\.001000 Chứng thực bản sao từ bản chính giấy tờ, văn/);
    expect(all).toMatch(/Trực tuyến toàn trình 181 4% 181 0 100%/);
    expect(all).toMatch(/Tổng cộng 4\.492 100% 4\.492 0 100%/);
    expect(all).toMatch(/T12\/2021 381 379 0 100%/);
  });

  it("repeats the procedure table's header on each page it spans", async () => {
    const pages = pdfPages(await render(data2021()));
    const procedurePages = pages.filter((page) => /1\.00\d{4}\s+Thủ tục số/.test(page));
    expect(procedurePages.length).toBeGreaterThanOrEqual(2);
    for (const page of procedurePages) expect(page).toMatch(/Mã TTHC\s+Tên thủ tục\s+Tiếp/);
  });

  it("puts the verification code on every page and the QR code of its link on page 1", async () => {
    const pdf = await render(data2021());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBe(pageCount(pdf));
    pages.forEach((page, index) => {
      expect(squashSpaces(page)).toContain(`${footerLine({ code: CODE, url: URL })} Trang ${index + 1} / ${pages.length}`);
    });
    expect(squashSpaces(pages[0]!)).toContain(`Mã xác minh: ${CODE}`);

    // drawQrCode: a white square, then one rectangle per run of dark modules, filled black; no image.
    const runs = qrDarkRuns(qrMatrix(URL)).length;
    const qrBlocks = contentStreams(pdf)
      .map((stream) => /78 78 re\n\/DeviceRGB cs\n1 1 1 scn\nf\n((?:[\d.]+ [\d.]+ [\d.]+ [\d.]+ re\n)+)\/DeviceRGB cs\n0 0 0 scn\nf/.exec(stream))
      .filter((match) => match !== null);
    expect(qrBlocks).toHaveLength(1);
    expect(qrBlocks[0]![1]!.trim().split("\n")).toHaveLength(runs);
    expect(pdf.toString("latin1")).not.toContain("/Subtype /Image");
  });

  it("records who and what in the document information", async () => {
    const info = pdfInfo(await render(data2021()));
    expect(info.Title).toBe(`${REPORT_TITLE} – Năm 2021`);
    expect(info.Author).toBe(UNIT);
    expect(info.Keywords).toBe(`mã xác minh ${CODE}`);
    expect(info.CreationDate).toMatch(/^2026-11-25T(03:00:00Z|10:00:00\+07)/);
  });

  it("never carries a list of dossiers", () => {
    expect(() => buildOnTimeReport(data2021({ lateDossiers: lateDossiers(1) }))).toThrow(/aggregate figures only/);
  });

  it("charts a long period by year, and says a period still running is judged at the moment of issue", async () => {
    const all = text(
      pdfPages(
        await render(
          data2021({
            period: { from: "2021-01-01", to: "2026-12-31" },
            judgement: { status: "current", measuredTo: "2026-11-25", judgedAt: ISSUED_AT.toISOString() },
            chart: { grain: "year", buckets: ["2021", "2022"].map((label) => ({ label, received: 4492, resolved: 4490, late: 2, onTimeRate: 0.9995 })) },
          }),
        ),
      ),
    );
    expect(all).toContain(SECTION.overTime.year);
    expect(all).toContain("Số liệu tính đến: 25/11/2026 10:00 (kỳ chưa kết thúc");
    expect(all).toContain("Tại thời điểm đánh giá còn 0 hồ sơ đang giải quyết chưa đến hạn");
    expect(all).toMatch(/2022 4\.492 4\.490 2 99,95%/);
  });

  it("uses the same words for the same numbers in the boxes and the statement", async () => {
    const data = data2021({
      totals: { ...data2021().totals, late: 4, openLateAtEnd: 3, openNotDue: 22, overdueNow: 2 },
    });
    const all = text(pdfPages(await render(data)));
    // The boxes: late 4 (3 still open), overdue and not yet resolved 2.
    expect(all).toContain("trong đó 3 chưa giải quyết");
    expect(all).toContain("Hồ sơ đang quá hạn");
    // The statement says the same: 1 finished late, 3 late and still open, of which 2 overdue.
    expect(all).toContain("trễ hạn 1; tỷ lệ giải quyết đúng hạn");
    expect(all).toContain("tổng 4 hồ sơ trễ hạn");
    expect(all).toContain("22 hồ sơ đang giải quyết chưa đến hạn và 3 hồ sơ trễ hạn chưa giải quyết xong, trong đó 2 hồ sơ đang quá hạn");
    expect(all).not.toContain("khi phát hành");
  });

  it("prints a period not begun with dashes, never 0%", async () => {
    const empty = { received: 0, receivedOnline: 0, resolved: 0, early: 0, onTime: 0, late: 0, onTimeRate: null, onlineRate: null };
    const data = data2021({
      period: { from: "2027-01-01", to: "2027-12-31" },
      judgement: { status: "future", measuredTo: null, judgedAt: null },
      totals: { ...empty, openLateAtEnd: 0, openNotDue: 0, refused: 0, withdrawn: 0, transfers: 0, eTransfers: 0, eTransferRate: null, overdueNow: 0 },
      satisfaction: { rated: 0, satisfied: 0, rate: null },
      byField: [],
      byProcedure: [],
      byChannel: [],
      chart: { grain: "month", buckets: [] },
      serviceIndex: { ...SCORECARD, total: null, measuredMaxTotal: 0, months: [], groups: SCORECARD.groups.map((g) => ({ ...g, points: null, indicators: g.indicators.map((i) => ({ ...i, value: null, points: null })) })) },
    });
    const all = text(pdfPages(await render(data)));
    expect(all).toContain("Số liệu tính đến: kỳ báo cáo chưa bắt đầu");
    expect(all).toContain("Kỳ báo cáo chưa bắt đầu");
    expect(all).not.toMatch(/\b0%/);
    expect(all).toContain("Tổng điểm: — (chưa có số liệu để đánh giá)");
  });

  it("prints the service index page: groups, indicators, points, what is not measured and why", async () => {
    const all = text(pdfPages(await render(data2021())));
    expect(all).toContain(SECTION.serviceIndex);
    expect(all).toContain("Tổng điểm: 61,5 / 90 điểm của các chỉ số đo được (tối đa của bộ chỉ số: 100 điểm).");
    expect(all).toMatch(/1 CÔNG KHAI, MINH BẠCH 11,5 18/);
    expect(all).toMatch(/1\.1 Thủ tục được công khai đầy đủ 91,7% 5,5 6/);
    expect(all).toContain("1.2 Hồ sơ đồng bộ lên Cổng không đo — 6 Không đo được: số liệu do Cổng nắm giữ.");
    expect(all).toMatch(/T2\/2021 62,25 90/);
  });
});

describe("buildOnTimeReport, full and inspectors' versions", () => {
  const late = lateDossiers(120);
  const header = /STT\s+Mã hồ sơ \/ Người nộp\s+Thủ tục\s+Ngày nhận\s+Hẹn trả\s+Hoàn/;

  it("lists every late dossier with its apology slip, the header repeated on each page", async () => {
    const pdf = await render(data2021({ variant: "full", issuedBy: "Lò Thị Hoa", lateDossiers: late }));
    const pages = pdfPages(pdf);
    const all = text(pages);
    expect(all).toContain("NỘI BỘ");
    expect(all).toContain(SECTION.late);
    expect(all).toContain("120 hồ sơ trễ hạn");
    const listPages = pages.filter((page) => /000\.31\.14\.H53-2510\d\d-\d{4}/.test(page));
    expect(listPages.length).toBeGreaterThanOrEqual(3);
    for (const page of listPages) expect(page).toMatch(header);
    for (const dossier of late) expect(all).toContain(dossier.code);
    expect(all).toContain("Lò Văn Hùng");
    expect(all).toMatch(/1 000\.31\.14\.H53-251001-0001 Đăng ký khai sinh 01\/10\/2025 06\/10\/2025 08\/10\/2025 2 Hồ sơ phải xác minh thêm tại/);
    expect(all).toContain("Hẹn lại: 09/10/2025");
    expect(all).toContain("Chưa có phiếu xin lỗi");
    expect(all).toContain("Chưa xong");
    expect(all).toContain("* Hồ sơ yêu cầu bổ sung quá một lần được tính là trễ hạn");
    expect(LATE_COLUMNS.map((c) => c.header)).toContain("Phiếu xin lỗi: lý do, ngày hẹn lại");
  });

  it("masks applicants' names for inspectors", async () => {
    const pdf = await render(data2021({ variant: "masked", issuedBy: "Lường Văn Sơn", lateDossiers: late }));
    const all = text(pdfPages(pdf));
    expect(all).toContain("BẢN CHO THANH TRA");
    expect(all).toContain("Bản đầy đủ cho thanh tra, đã che thông tin cá nhân");
    expect(all).toContain("Họ tên người nộp hồ sơ được che một phần");
    for (const name of NAMES) expect(all).not.toContain(name);
    for (const masked of ["L*** V*** H***", "C*** T*** P***", "Đ*** T*** Á***"]) expect(all).toContain(masked);
    for (const dossier of late) expect(all).toContain(dossier.code);
    // The inspector's own name is no citizen's: it is printed as the reader.
    expect(all).toContain("Người tải: Lường Văn Sơn");
  });

  it("says so when nothing was late", async () => {
    const all = text(pdfPages(await render(data2021({ variant: "full", lateDossiers: [] }))));
    expect(all).toContain("Không có hồ sơ trễ hạn trong kỳ báo cáo.");
  });
});
