import { describe, expect, it } from "vitest";

import {
  buildCorrectiveActionRequest,
  NONE,
  REQUEST_TITLE,
  SECTION,
  type CorrectiveActionRequestData,
} from "#reports/corrective-action-request";
import { toBuffer } from "#reports/toolkit";

import { pageCount, pdfInfo, pdfPages, squashSpaces } from "../../setup/pdf-text";

const ISSUED_AT = new Date("2026-05-02T02:30:00Z"); // 09:30 in Hà Nội
const DOSSIER = "000.31.14.H53-260305-0001";
const TABLE_HEADER = /Vòng\s+Hành động\s+Người thực hiện\s+Hạn\s+Trạng thái\s+Bằng chứng hoàn thành/;
const ACTION_MARK = /HĐ-\d{3}/g;

type Action = CorrectiveActionRequestData["actions"][number];

function actions(count: number): Action[] {
  return Array.from({ length: count }, (_, index) => {
    const done = index % 2 === 1;
    return {
      round: index < count / 2 ? 1 : 2,
      description: `Rà soát bước tiếp nhận HĐ-${String(index + 1).padStart(3, "0")}`,
      owner: "Cầm Văn Thắng",
      dueDate: "2026-04-15",
      statusLabel: done ? "Hoàn thành" : "Đang thực hiện",
      evidence: done ? "Biên bản họp giao ban" : null,
      doneBy: done ? "Lò Thị Hoa" : null,
      doneAt: done ? "2026-04-10T03:00:00.000Z" : null,
    };
  });
}

function full(overrides: Partial<CorrectiveActionRequestData["nc"]> = {}, extra: Partial<CorrectiveActionRequestData> = {}) {
  return {
    unit: { name: "UBND xã Mường Sai" },
    nc: {
      code: "NC-2026-007",
      title: "Hồ sơ trễ hạn: Đăng ký khai sinh",
      sourceLabel: "Hồ sơ trễ hạn",
      process: "1.001193",
      isoClause: "8.5.1",
      gradeLabel: "Nhẹ",
      stateLabel: "Đã kiểm tra hiệu lực",
      // 01:00 on 10 March in Hà Nội, still 9 March in UTC.
      foundAt: new Date("2026-03-09T18:00:00Z"),
      foundBy: "Tòng Thị Lan",
      repeat: true,
      description: `Hồ sơ trễ hạn (${DOSSIER}). Thủ tục: Đăng ký khai sinh.`,
      evidence: "Phiếu kiểm soát quá trình; phiếu xin lỗi và hẹn lại.",
      correction: "Trả kết quả cho ông Lò Văn Pằng ngay trong ngày 11/03.",
      mergedIntoCode: null,
      ...overrides,
    },
    cause: {
      methodLabel: "5 lần tại sao",
      lines: ["Vì sao trễ? Hồ sơ chờ xác minh ở bản.", "  ", "Vì sao chờ xác minh? Chưa phân công người đi xác minh."],
      rootCause: "Quy trình chưa quy định người xác minh và thời hạn xác minh.",
    },
    actions: actions(2),
    verification: { by: "Quàng Văn Minh", at: "2026-05-01T03:00:00.000Z", note: "Ba tháng sau không còn hồ sơ trễ vì xác minh." },
    links: [
      { kindLabel: "Hồ sơ", reference: DOSSIER, reason: "Hồ sơ trễ hạn" },
      { kindLabel: "Phản ánh, khiếu nại", reference: "ABCD-EFGH-JKMN", reason: null },
    ],
    signatures: { preparedBy: "Lò Thị Hoa", approvedBy: null },
    issuedAt: ISSUED_AT,
    ...extra,
  } satisfies CorrectiveActionRequestData;
}

/** Nothing done yet: no evidence, correction, cause, action, verification or link. */
function bare(): CorrectiveActionRequestData {
  return full(
    { evidence: null, correction: null, repeat: false, foundBy: null, stateLabel: "Mới phát hiện" },
    {
      cause: { methodLabel: null, lines: [], rootCause: null },
      actions: [],
      verification: { by: null, at: null, note: null },
      links: [],
      signatures: { preparedBy: null, approvedBy: null },
    },
  );
}

const render = (data: CorrectiveActionRequestData) => toBuffer(buildCorrectiveActionRequest(data));

const PAGE_HEADER = "UBND xã Mường Sai NC-2026-007 – Phiếu yêu cầu hành động khắc phục";
const PAGE_FOOTER = /^NC-2026-007 – Bản in ngày 02\/05\/2026 09:30 Trang (\d+) \/ (\d+)$/;

const pageLines = (page: string) =>
  page
    .split("\n")
    .map((line) => squashSpaces(line).trim())
    .filter((line) => line !== "");

/** The body of all pages, one trimmed line each, without blank lines; each page's header and footer checked and left out. */
function lines(pages: readonly string[]): string[] {
  return pages.flatMap((page, index) => {
    const all = pageLines(page);
    expect(all[0]).toBe(PAGE_HEADER);
    expect(all.at(-1)).toMatch(PAGE_FOOTER);
    expect(PAGE_FOOTER.exec(all.at(-1) ?? "")?.slice(1)).toEqual([String(index + 1), String(pages.length)]);
    return all.slice(1, -1);
  });
}

describe("buildCorrectiveActionRequest", () => {
  it("extracts its Vietnamese text exactly and in order", async () => {
    const text = lines(pdfPages(await render(full()), "layout"));
    const expected = [
      REQUEST_TITLE,
      "Số: NC-2026-007",
      "Hồ sơ trễ hạn: Đăng ký khai sinh",
      "Mã: NC-2026-007",
      "Nguồn: Hồ sơ trễ hạn",
      "Quá trình/thủ tục: 1.001193",
      "Điều khoản ISO 9001: 8.5.1",
      "Mức độ: Nhẹ",
      "Ngày phát hiện: 10/03/2026",
      "Người phát hiện: Tòng Thị Lan",
      "Trạng thái: Đã kiểm tra hiệu lực",
      "Lặp lại trong 12 tháng: Có",
      "1. Mô tả sự không phù hợp",
      `Hồ sơ trễ hạn (${DOSSIER}). Thủ tục: Đăng ký khai sinh.`,
      "2. Bằng chứng",
      "Phiếu kiểm soát quá trình; phiếu xin lỗi và hẹn lại.",
      "3. Khắc phục tức thời",
      "Trả kết quả cho ông Lò Văn Pằng ngay trong ngày 11/03.",
      "4. Phân tích nguyên nhân",
      "Phương pháp: 5 lần tại sao",
      "1. Vì sao trễ? Hồ sơ chờ xác minh ở bản.",
      "2. Vì sao chờ xác minh? Chưa phân công người đi xác minh.",
      "Nguyên nhân gốc rễ: Quy trình chưa quy định người xác minh và thời hạn xác minh.",
      "5. Hành động khắc phục",
      "Vòng Hành động Người thực hiện Hạn Trạng thái Bằng chứng hoàn thành",
      "1 Rà soát bước tiếp nhận HĐ-001 Cầm Văn Thắng 15/04/2026 Đang thực hiện —",
      "2 Rà soát bước tiếp nhận HĐ-002 Cầm Văn Thắng 15/04/2026 Hoàn thành Biên bản họp giao ban",
      "(Lò Thị Hoa, 10/04/2026)",
      "6. Kiểm tra hiệu lực",
      "Người kiểm tra: Quàng Văn Minh",
      "Ngày kiểm tra: 01/05/2026",
      "Nhận xét: Ba tháng sau không còn hồ sơ trễ vì xác minh.",
      "7. Hồ sơ, phản ánh liên quan",
      `• Hồ sơ ${DOSSIER} — Hồ sơ trễ hạn`,
      "• Phản ánh, khiếu nại ABCD-EFGH-JKMN",
      "NGƯỜI LẬP PHIẾU LÃNH ĐẠO PHÊ DUYỆT",
      "(Ký và ghi rõ họ tên) (Ký, ghi rõ họ tên)",
      "Lò Thị Hoa",
    ];
    expect(text).toEqual(expected);
  });

  it("is A4 with the issue time as its creation date, so the same data gives the same bytes", async () => {
    const first = await render(full());
    const second = await render(full());
    expect(first.equals(second)).toBe(true);
    expect(pageCount(first)).toBe(pdfPages(first).length);
    const info = pdfInfo(first);
    expect(info["Page size"]).toMatch(/595\.28 x 841\.89/);
    expect(info.CreationDate).toMatch(/^2026-05-02T(02:30:00Z|09:30:00\+07)/);
    expect(info.Title).toBe("Phiếu yêu cầu hành động khắc phục – NC-2026-007");
    expect(info.Author).toBe("UBND xã Mường Sai");
    expect(info.Subject).toBe("Hồ sơ trễ hạn: Đăng ký khai sinh");
  });

  it("prints the repeat line only for a repeat", async () => {
    const repeat = squashSpaces(pdfPages(await render(full({ repeat: true })))[0] ?? "");
    const once = squashSpaces(pdfPages(await render(full({ repeat: false })))[0] ?? "");
    expect(repeat).toContain("Lặp lại trong 12 tháng: Có");
    expect(once).not.toContain("Lặp lại");
    expect(once).toContain("Trạng thái: Đã kiểm tra hiệu lực");
  });

  it("says when it was merged into another", async () => {
    const page = squashSpaces(pdfPages(await render(full({ mergedIntoCode: "NC-2026-003" })))[0] ?? "");
    expect(page).toContain("Đã gộp vào: NC-2026-003");
    expect(squashSpaces(pdfPages(await render(full()))[0] ?? "")).not.toContain("Đã gộp vào");
  });

  it("prints a dash under every section with nothing in it yet, and for the unknown finder", async () => {
    const text = lines(pdfPages(await render(bare())));
    const after = (heading: string) => text[text.indexOf(heading) + 1];
    for (const heading of [SECTION.evidence, SECTION.correction, SECTION.cause, SECTION.actions, SECTION.verification, SECTION.links]) {
      expect(text, heading).toContain(heading);
      expect(after(heading), heading).toBe(NONE);
    }
    expect(after(SECTION.description)).toBe(`Hồ sơ trễ hạn (${DOSSIER}). Thủ tục: Đăng ký khai sinh.`);
    expect(text).toContain("Người phát hiện: —");
    expect(text).toContain("Trạng thái: Mới phát hiện");
    expect(text.join("\n")).not.toMatch(/Vòng|Phương pháp|Người kiểm tra|Lò Thị Hoa|Lặp lại/);
    // Blank signature spaces for hand-written names.
    expect(text).toContain("NGƯỜI LẬP PHIẾU LÃNH ĐẠO PHÊ DUYỆT");
  });

  it("prints dashes for the parts of an analysis or a verification that are missing", async () => {
    const text = lines(
      pdfPages(
        await render(
          full({}, { cause: { methodLabel: "5 lần tại sao", lines: [], rootCause: " " }, verification: { by: "Quàng Văn Minh", at: null, note: null } }),
        ),
      ),
    );
    expect(text).toContain("Phương pháp: 5 lần tại sao");
    expect(text).toContain("Nguyên nhân gốc rễ: —");
    expect(text).toContain("Người kiểm tra: Quàng Văn Minh");
    expect(text).toContain("Ngày kiểm tra: —");
    expect(text).toContain("Nhận xét: —");
  });

  it("breaks a table of 50 actions across pages, repeating its header row on each", async () => {
    const pdf = await render(full({}, { actions: actions(50) }));
    const pages = pdfPages(pdf);
    expect(pageCount(pdf)).toBe(pages.length);
    const covered = pages.filter((page) => /HĐ-\d{3}/.test(page));
    expect(covered.length).toBeGreaterThanOrEqual(2);
    for (const page of covered) expect(page).toMatch(TABLE_HEADER);
    expect(pages.filter((page) => TABLE_HEADER.test(page))).toHaveLength(covered.length);
    // Every action once, in order, none lost at a page break.
    expect(pages.join("\n").match(ACTION_MARK)).toEqual(Array.from({ length: 50 }, (_, i) => `HĐ-${String(i + 1).padStart(3, "0")}`));
    const text = squashSpaces(pages.join("\n"));
    expect(text).toContain("2 Rà soát bước tiếp nhận HĐ-050 Cầm Văn Thắng 15/04/2026 Hoàn thành Biên bản họp giao ban");
    // What follows the table comes after its last row, and every page is numbered.
    expect(text.indexOf(SECTION.verification)).toBeGreaterThan(text.indexOf("HĐ-050"));
    pages.forEach((page, index) => expect(page).toContain(`Trang ${index + 1} / ${pages.length}`));
  });

  it("prints who completed an action and when even without evidence", async () => {
    const [action] = actions(1);
    if (!action) throw new Error("no action");
    const text = lines(
      pdfPages(await render(full({}, { actions: [{ ...action, statusLabel: "Hoàn thành", doneBy: "Lò Thị Hoa", doneAt: "2026-04-10", evidence: null }] }))),
    );
    const row = text.indexOf("1 Rà soát bước tiếp nhận HĐ-001 Cầm Văn Thắng 15/04/2026 Hoàn thành — (Lò Thị Hoa,");
    expect(row).toBeGreaterThan(0);
    expect(text[row + 1]).toBe("10/04/2026)");
  });
});
