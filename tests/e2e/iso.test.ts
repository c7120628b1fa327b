import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages } from "../setup/pdf-text";
import { expectNoPageErrors, hydrated, launchBrowser, logIn, openPage } from "./browser";

/*
 * Issue 18 in the browser: a risk recorded with its treatment and reviewed shows on the heat map and in
 * the management review's inputs (page and PDF); the demo's lapsed training shows in the matrix and the
 * audit team refuses that auditor by name; /staff/actions lists every kind of action for its owner.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
const TITLE = `Máy chủ dịch vụ công tỉnh quá tải ngày cuối hạn (e2e ${Date.now().toString(36)})`;

function inDays(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("the risk register and the management review inputs", () => {
  it("the quality lead records a risk with a treatment, reviews it; the heat map, the review inputs and their PDF show it", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/risks/new");
    await page.getByLabel("Tên rủi ro/cơ hội").fill(TITLE);
    await page.getByLabel("Quá trình (mã tài liệu)").fill("QT-07");
    await page.getByLabel("Mô tả", { exact: true }).fill("Cổng dịch vụ công tỉnh chậm, không nộp được hồ sơ trong ngày cuối hạn.");
    await page.getByLabel("Nguyên nhân").fill("Nhiều xã cùng nộp báo cáo, hồ sơ cuối tháng.");
    await page.getByLabel("Hậu quả").fill("Hồ sơ trực tuyến tiếp nhận chậm, trễ hạn.");
    await page.getByLabel("Khả năng xảy ra (1–5)").fill("4");
    await page.getByLabel("Mức ảnh hưởng (1–5)").fill("5");
    await page.getByLabel("Ngày xem xét lại").fill(inDays(30));
    await page.getByLabel("Biện pháp xử lý đầu tiên").fill("Tiếp nhận trước hạn hai ngày làm việc; báo Sở Khoa học và Công nghệ khi cổng chậm");
    await page.getByLabel("Hạn thực hiện biện pháp").fill(inDays(7));
    await Promise.all([page.waitForURL(/\/staff\/risks\/RR-\d{4}-\d{2}$/), page.getByRole("button", { name: "Ghi nhận rủi ro hoặc cơ hội" }).click()]);
    const code = new URL(page.url()).pathname.split("/").at(-1)!;

    await page.getByLabel("Bằng chứng", { exact: true }).fill("Thông báo lịch tiếp nhận trước hạn");
    await Promise.all([page.waitForURL(/done=/), page.getByRole("button", { name: "Ghi nhận hoàn thành" }).click()]);
    // The secondary forms are folded; the review is not due yet, so its fold is closed too.
    expect(await page.locator("details.form-fold").evaluateAll((folds) => folds.map((f) => (f as HTMLDetailsElement).open))).toEqual([false, false]);
    await page.locator("details.form-fold > summary", { hasText: "Ghi nhận xem xét" }).click();
    const review = page.getByRole("form", { name: "Ghi nhận xem xét" });
    await review.getByLabel("Khả năng xảy ra (1–5)").fill("2");
    await review.getByLabel("Mức ảnh hưởng (1–5)").fill("5");
    await review.getByLabel("Nhận xét").fill("Tiếp nhận trước hạn: không còn hồ sơ trễ vì cổng chậm.");
    await review.getByLabel("Ngày xem xét tiếp theo").fill(inDays(90));
    await Promise.all([page.waitForURL(/done=review/), review.getByRole("button", { name: "Ghi nhận xem xét" }).click()]);
    await expect.poll(() => page.getByTestId("reviews").count()).toBe(1);
    const reviews = await page.getByTestId("reviews").innerText();
    expect(reviews).toContain("4×5 = 20");
    expect(reviews).toContain("2×5 = 10");
    expect(reviews).toContain("Có hiệu lực");

    await page.goto("/staff/risks");
    const heat = (await page.locator("table", { has: page.locator("caption", { hasText: "Số rủi ro đang mở theo khả năng xảy ra" }) }).textContent()) ?? "";
    expect(heat).toMatch(/Khả năng 2, ảnh hưởng 5, mức 10: [1-9]\d* rủi ro/);
    expect(await page.locator("main").innerText()).toContain(TITLE);

    // A management review of this year: its inputs are computed from the register.
    await page.goto("/staff/management-reviews/new");
    await page.getByLabel("Địa điểm").fill("Phòng họp UBND xã Mường Sai");
    await page.getByLabel("Thành phần tham dự").fill("Quàng Văn Minh\nLò Thị Hoa");
    await Promise.all([page.waitForURL(/\/staff\/management-reviews\/XXLD-\d{4}-\d{2}$/), page.getByRole("button", { name: "Lưu kế hoạch" }).click()]);
    const reviewCode = new URL(page.url()).pathname.split("/").at(-1)!;
    // The address changes before React commits the new page: wait for the inputs' section itself.
    await page.getByRole("heading", { name: "9. Hiệu lực của các hành động giải quyết rủi ro và cơ hội" }).waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("9. Hiệu lực của các hành động giải quyết rủi ro và cơ hội");
    expect(main).toMatch(/Rủi ro: \d+ đang theo dõi/);
    expect(main).toMatch(/Cơ hội: \d+ đang theo dõi/);
    const row = page.locator("tr", { hasText: code });
    expect(await row.first().innerText()).toMatch(/20\s+10 \(Cao\)\s+Có hiệu lực/);
    expect(main).toContain("10. Năng lực và đào tạo");
    expect(main).toContain("11. Các cơ hội cải tiến");

    const response = await page.request.get(`/staff/management-reviews/${reviewCode}/input.pdf`);
    expect(response.status()).toBe(200);
    const text = words(Buffer.from(await response.body()));
    expect(text).toContain("9. Hiệu lực của các hành động giải quyết rủi ro và cơ hội");
    expect(text).toMatch(new RegExp(`${code} .*Rủi ro \\d{2}/\\d{2}/\\d{4} 20 10 Có hiệu lực`));
    expect(text).toContain("10. Năng lực và đào tạo");
    expect(text).toContain("Lò Thị Hoa NL-DGNB: Đánh giá viên nội bộ TCVN ISO 9001:2015 Thiếu");
    expectNoPageErrors(errors);
  });
});

describe("competence", () => {
  it("shows the lapsed auditor training in the matrix, and the audit team refuses that auditor by name", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [409] });
    await logIn(page, "danhgia");
    await page.goto("/staff/competence");
    const matrix = page.getByTestId("matrix");
    const header = await matrix.locator("thead").innerText();
    expect(header).toContain("NL-DGNB");
    const rowOf = (name: string) => matrix.locator("tbody tr", { hasText: name }).first();
    expect(await rowOf("Lò Thị Hoa").innerText()).toContain("Thiếu");
    expect(await rowOf("Cầm Văn Thắng").innerText()).toContain("Sắp hết hạn");
    expect(await rowOf("Tòng Thị Lan").innerText()).toContain("Đạt");

    await page.goto("/staff/audits/new");
    await page.getByLabel(/^QT-07 –/).check();
    await page.getByLabel("Đất đai – Xây dựng", { exact: true }).check();
    await page.getByLabel(/^Lò Thị Hoa/).check();
    await page.getByLabel(/^CL-01 –/).check();
    await page.getByRole("button", { name: "Lập kế hoạch" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Lò Thị Hoa chưa có năng lực đánh giá viên nội bộ còn hiệu lực.");
    expect(new URL(page.url()).pathname).toBe("/staff/audits/new");
    expectNoPageErrors(errors);
  });
});

describe("the desk's assignment warns about the handler's competence", () => {
  it("names the chosen handler lacking the field's competence, not one who holds it, and does not block the assignment", async () => {
    // The leader is trained in civil status (recorded by the quality lead, from the folded form).
    const lead = await openPage(browser);
    await logIn(lead.page, "chatluong");
    await lead.page.goto("/staff/competence");
    // Opened and filled only once React owns the page: changing the DOM mid-hydration aborts it (React #345).
    await hydrated(lead.page);
    await lead.page.locator("details.form-fold > summary", { hasText: "Thêm hồ sơ đào tạo" }).click();
    const record = lead.page.getByRole("form", { name: "Thêm hồ sơ đào tạo" });
    await record.getByLabel("Cán bộ").selectOption({ label: "Quàng Văn Minh" });
    await record.getByLabel("Năng lực").selectOption({ label: "NL-HT · Nghiệp vụ hộ tịch" });
    await record.getByLabel("Khóa học").fill("Bồi dưỡng nghiệp vụ hộ tịch");
    await record.getByLabel("Đơn vị đào tạo").fill("Sở Tư pháp tỉnh Sơn La");
    await record.getByLabel("Từ ngày").fill(inDays(-30));
    await record.getByLabel("Đến ngày").fill(inDays(-28));
    await Promise.all([lead.page.waitForURL(/saved=record/), record.getByRole("button", { name: "Thêm hồ sơ đào tạo" }).click()]);
    expectNoPageErrors(lead.errors);

    // The desk officer receives a birth registration (civil status) and assigns it.
    const { page, errors } = await openPage(browser);
    await logIn(page, "motcua");
    await page.goto("/staff/dossiers/new");
    await hydrated(page);
    await Promise.all([page.waitForURL(/procedure=1\.001193/), page.getByLabel("Thủ tục hành chính").selectOption("1.001193")]);
    await page.getByLabel("Họ và tên").fill("Lò Văn Pản");
    await page.getByLabel("Số điện thoại", { exact: true }).fill("0912 345 679");
    await page.getByLabel("Địa chỉ").fill("Bản Nà Sài, xã Mường Sai");
    await page.locator('input[name="documents"]').first().check();
    await Promise.all([page.waitForURL(/\/staff\/dossiers\/[^/]+\?received=1/), page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click()]);
    await hydrated(page);
    const url = page.url();
    const warning = page.getByTestId("assign-competence-warning");
    // Preselected: the officer himself, who lacks it; only he is named.
    await expect.poll(() => warning.innerText()).toBe(
      "Lưu ý: Cầm Văn Thắng chưa có năng lực cần cho hồ sơ lĩnh vực Hộ tịch: NL-HT – Nghiệp vụ hộ tịch. Vẫn có thể phân công.",
    );
    const handler = page.getByLabel("Người xử lý");
    expect(await handler.locator("option").allInnerTexts()).toContain("Quàng Văn Minh");
    expect(await handler.locator("option").allInnerTexts()).toContain("Cầm Văn Thắng (thiếu năng lực yêu cầu)");
    await handler.selectOption({ label: "Quàng Văn Minh" });
    await expect.poll(() => warning.innerText()).toBe("");
    await handler.selectOption({ label: "Lò Thị Hoa (thiếu năng lực yêu cầu)" });
    await expect.poll(() => warning.innerText()).toContain("Lò Thị Hoa chưa có năng lực");
    // Assigned all the same; the warning stays beside the handler.
    await handler.selectOption({ label: "Cầm Văn Thắng (thiếu năng lực yêu cầu)" });
    await Promise.all([page.waitForURL((u) => u.searchParams.get("done") === "assign"), page.getByRole("button", { name: "Phân công xử lý", exact: true }).click()]);
    await expect.poll(() => page.locator("dl.facts .badge").first().innerText()).toBe("Đang giải quyết");
    expect(await page.getByTestId("handler-competence-warning").innerText()).toBe("Lưu ý: Cầm Văn Thắng chưa có năng lực cần cho hồ sơ lĩnh vực Hộ tịch: NL-HT – Nghiệp vụ hộ tịch.");
    expectNoPageErrors(errors);

    // Without JavaScript (a reassignment, behind "Thao tác khác"): the warning names the preselected person, the select marks the others.
    const context = await browser.newContext({ baseURL: new URL(url).origin, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto(new URL(url).pathname);
    expect(await plain.getByTestId("assign-competence-warning").textContent()).toContain("Cầm Văn Thắng chưa có năng lực");
    expect(await plain.locator('select[name="handlerUserId"] option').allTextContents()).toContain("Quàng Văn Minh");
    await context.close();
  });
});

describe("one list of actions", () => {
  it("lists every kind of action the desk officer owes, overdue first", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "motcua");
    await page.goto("/staff/actions");
    const list = await page.locator("main").innerText();
    for (const kind of ["Hành động khắc phục", "Quyết định xem xét của lãnh đạo", "Biện pháp xử lý rủi ro", "Xem xét lại rủi ro", "Đào tạo cần tham dự", "Tài liệu cần đọc"]) {
      expect(list, kind).toContain(kind);
    }
    const rows = await page.getByTestId("actions").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.classList.contains("overdue")));
    const firstCurrent = rows.indexOf(false);
    expect(rows[0]).toBe(true);
    expect(rows.slice(firstCurrent === -1 ? rows.length : firstCurrent).includes(true)).toBe(false);
    expectNoPageErrors(errors);
  });
});
