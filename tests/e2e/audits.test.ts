import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages } from "../setup/pdf-text";
import { expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
const CODE = /Mã xác minh: ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/;

async function saveEach(page: Page, rows: string, choose: (index: number) => { value: string; note?: string }) {
  const count = await page.locator(rows).count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const row = page.locator(rows).nth(i);
    const { value, note } = choose(i);
    await row.locator("select").first().selectOption(value);
    if (note) await row.locator("textarea, input[type=text]").first().fill(note);
    await row.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.locator(rows).nth(i).locator("strong").count()).toBe(1);
  }
}

describe("an internal audit from plan to verified report", () => {
  let auditUrl = "";

  it("the auditor is refused on her own field, then plans, performs and drafts the audit", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [409] });
    await logIn(page, "danhgia");
    await page.goto("/staff/audits");
    await page.getByRole("link", { name: "Lập kế hoạch đánh giá nội bộ" }).click();
    await page.waitForURL(/\/staff\/audits\/new$/);
    await page.getByLabel(/^QT-07 –/).check();
    await page.getByLabel("Đất đai – Xây dựng", { exact: true }).check();
    await page.getByLabel("Hộ tịch", { exact: true }).check();
    await page.getByLabel(/^CL-01 –/).check();
    await page.getByLabel("Số hồ sơ mỗi lĩnh vực").fill("5");
    await page.getByRole("button", { name: "Lập kế hoạch" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain(
      "Tòng Thị Lan không được đánh giá công việc của chính mình: Hộ tịch thuộc phạm vi cuộc đánh giá.",
    );

    await page.getByLabel("Hộ tịch", { exact: true }).uncheck();
    await Promise.all([page.waitForURL(/\/staff\/audits\/DGNB-\d{4}-\d{2}/), page.getByRole("button", { name: "Lập kế hoạch" }).click()]);
    auditUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.locator("main").innerText()).toContain("Đã lập kế hoạch");

    // The plan can still change before the sample is drawn.
    await page.getByRole("link", { name: "Sửa kế hoạch" }).click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByLabel("Số hồ sơ mỗi lĩnh vực").inputValue()).toBe("5");
    await page.getByLabel("Tên cuộc đánh giá").fill("Đánh giá nội bộ Bộ phận Một cửa – lĩnh vực đất đai");
    await Promise.all([page.waitForURL(/done=replanned/), page.getByRole("button", { name: "Lưu kế hoạch" }).click()]);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain("Đánh giá nội bộ Bộ phận Một cửa – lĩnh vực đất đai");

    await page.getByRole("button", { name: "Chọn mẫu hồ sơ" }).click();
    await expect.poll(() => page.locator("tr[id^=sample-]").count()).toBe(5);
    expect(await page.locator("main").innerText()).toMatch(/Hạt giống [0-9a-f]{16}/);
    await page.getByRole("button", { name: "Bắt đầu đánh giá" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Đang đánh giá");

    await saveEach(page, "li.checklist__question", (i) =>
      i === 0 ? { value: "nonconformity", note: "Bảng niêm yết phí tại quầy chưa cập nhật quyết định mới." } : { value: "conform" },
    );
    await expect.poll(() => page.locator("li.checklist__question").first().innerText()).toMatch(/NC-\d{4}-\d{3}/);
    await saveEach(page, "tr[id^=sample-]", () => ({ value: "conform" }));

    await page.getByLabel("Kết luận", { exact: true }).fill("Hệ thống được duy trì; cần khắc phục việc niêm yết phí.");
    await page.getByLabel("Mức độ đáp ứng chuẩn mực").selectOption("largely");
    await page.getByRole("button", { name: "Lưu kết luận" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Lập dự thảo báo cáo" }).count()).toBe(1);
    await page.getByRole("button", { name: "Lập dự thảo báo cáo" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Đã dự thảo báo cáo");

    const draft = await page.request.get(`${auditUrl}/report.pdf`);
    expect(draft.status()).toBe(200);
    const draftText = words(await draft.body());
    expect(draftText).toContain("DỰ THẢO");
    expect(draftText).not.toMatch(CODE);
    expectNoPageErrors(errors);
  });

  it("an inspector cannot read the draft", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [404] });
    await logIn(page, "thanhtra");
    expect((await page.request.get(`${auditUrl}/report.pdf`)).status()).toBe(404);
    expectNoPageErrors(errors);
  });

  it("the leader approves the report", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "lanhdao");
    await page.goto(auditUrl);
    await page.getByLabel("Ý kiến phê duyệt (nếu có)").fill("Đồng ý.");
    await page.getByRole("button", { name: "Phê duyệt báo cáo" }).click();
    // Approval renders and stores the report PDF before the page answers: seconds on a busy machine.
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain("Đã phê duyệt");
    expect(await page.getByRole("link", { name: "Tải báo cáo đánh giá (PDF)" }).count()).toBe(1);
    expectNoPageErrors(errors);
  });

  it("an inspector downloads the approved report from the programme and verifies it", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "thanhtra");
    await page.goto("/staff/audits");
    const link = page.locator(`a[href="${auditUrl}/report.pdf"]`);
    expect(await link.count()).toBe(1);
    const response = await page.request.get(`${auditUrl}/report.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    const text = words(pdf);
    expect(text).toContain("BÁO CÁO ĐÁNH GIÁ NỘI BỘ");
    expect(text).toContain("Quàng Văn Minh");
    expect(text).toMatch(/NC-\d{4}-\d{3}/);
    const code = CODE.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(response.headers()["x-verification-code"]).toBe(code);
    const sha256 = createHash("sha256").update(pdf).digest("hex");

    // Stored once: a second download is the same file.
    const again = await (await page.request.get(`${auditUrl}/report.pdf`)).body();
    expect(createHash("sha256").update(again).digest("hex")).toBe(sha256);

    await page.goto(`/verify/${code}`);
    await expect.poll(() => page.getByTestId("sha256").innerText()).toBe(sha256);
    const record = await page.locator("main").innerText();
    expect(record).toContain("Báo cáo đánh giá nội bộ");
    expect(record).toContain("Quàng Văn Minh");

    await page.goto("/verify");
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({ name: "bao-cao-danh-gia.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const result = page.getByTestId("verify-result");
    await expect.poll(() => result.innerText()).toContain("Tệp trùng khớp với văn bản đã phát hành.");
    expect(await result.innerText()).toContain(code!);
    expectNoPageErrors(errors);
  });
});
