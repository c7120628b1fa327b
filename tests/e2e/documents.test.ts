import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages } from "../setup/pdf-text";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("controlled documents", () => {
  it("a quality lead drafts a revision, a leader approves it, and the old one becomes obsolete", async () => {
    const lead = await openPage(browser, { allowedStatuses: [400, 409] });
    await logIn(lead.page, "chatluong");
    await lead.page.goto("/staff/documents");
    expect(await lead.page.locator("tbody").innerText()).toContain("QT-07");
    await lead.page.goto("/staff/documents/QT-07");
    expect(await lead.page.locator(".badge:not(.nav-badge)").first().innerText()).toBe("Đang hiệu lực");

    await lead.page.getByRole("link", { name: "Soạn lần ban hành mới" }).click();
    await lead.page.waitForURL(/\/draft$/);
    // No reason: refused beside the field.
    await lead.page.getByRole("button", { name: "Lưu dự thảo" }).click();
    const reasonField = lead.page.locator(".field", { has: lead.page.getByLabel("Lý do sửa đổi") });
    await expect.poll(() => reasonField.locator(".field-errors").innerText()).toBe("Trường này là bắt buộc.");
    await lead.page.getByLabel("Lý do sửa đổi").fill("Cập nhật theo Nghị định 118/2025/NĐ-CP");
    const body = lead.page.getByLabel("Nội dung (Markdown)");
    await body.fill(`${await body.inputValue()}\n\n## Bổ sung\n\nÁp dụng Phiếu kiểm soát Mẫu số 06 từ ngày 01/7/2025.\n\n<script>alert("x")</script>\n`);
    await Promise.all([lead.page.waitForURL(/done=draft/), lead.page.getByRole("button", { name: "Lưu dự thảo" }).click()]);
    await Promise.all([lead.page.waitForURL(/done=submit/), lead.page.getByRole("button", { name: "Trình phê duyệt" }).click()]);
    // Submitted: the submit button is gone, and the quality lead gets no approve button either.
    await expect.poll(() => lead.page.getByRole("button", { name: "Trình phê duyệt" }).count()).toBe(0);
    expect(await lead.page.getByRole("button", { name: "Phê duyệt", exact: true }).count()).toBe(0);

    // Only a leader may approve: a direct request from the quality lead is refused.
    const revisionId = await lead.page.locator('input[name="revisionId"]').first().inputValue();
    const refused = await lead.page.request.post("/staff/documents/QT-07", {
      form: { intent: "approve", revisionId },
      headers: { Origin: baseURL() },
    });
    expect(refused.status()).toBe(409);

    const leader = await openPage(browser);
    await logIn(leader.page, "lanhdao");
    await leader.page.goto("/staff/documents/QT-07");
    await leader.page.getByLabel("Ý kiến").last().fill("Đồng ý ban hành.");
    await Promise.all([leader.page.waitForURL(/done=approve/), leader.page.getByRole("button", { name: "Phê duyệt" }).click()]);
    // The page says what happened, not only "saved".
    expect(await leader.page.getByRole("status").first().innerText()).toContain("Đã phê duyệt phiên bản");
    await expect.poll(() => leader.page.locator(".document-header .badge").innerText()).toBe("Đang hiệu lực");
    // The badge reads the same before and after (the old revision was in force too): wait for the approver.
    await expect.poll(() => leader.page.locator(".document-header").innerText()).toContain("Quàng Văn Minh");
    const article = leader.page.locator("article.document-body");
    expect(await article.innerText()).toContain('<script>alert("x")</script>');
    expect(await article.locator("script").count()).toBe(0);
    const history = await leader.page.locator("section", { hasText: "Lịch sử sửa đổi" }).locator("tbody tr").allInnerTexts();
    expect(history[0]).toContain("Đang hiệu lực");
    expect(history[1]).toContain("Hết hiệu lực");

    // The old revision stays readable, clearly obsolete on screen and on paper.
    await leader.page.goto("/staff/documents/QT-07?rev=1");
    expect(await leader.page.locator(".banner--obsolete").innerText()).toContain("Lần ban hành này đã hết hiệu lực");
    const oldPdf = await leader.page.request.get("/staff/documents/QT-07/revisions/1.pdf");
    expect(oldPdf.headers()["content-type"]).toBe("application/pdf");
    const pages = pdfPages(await oldPdf.body(), "plain");
    expect(pages.every((p) => p.includes("HẾT HIỆU LỰC"))).toBe(true);
    const newPdf = await leader.page.request.get("/staff/documents/QT-07/revisions/2.pdf");
    expect(pdfPages(await newPdf.body(), "plain").join(" ")).toContain("BẢN KIỂM SOÁT");

    // The diff shows what changed, rendered (a heading, not "## …"); the untouched last line
    // of revision 1 is not shown as changed (the final newline is kept on saving).
    await leader.page.goto("/staff/documents/QT-07/compare?a=1&b=2");
    const rendered = leader.page.locator(".diff-rendered");
    expect(await rendered.locator("ins.diff-block--added h2").first().innerText()).toBe("Bổ sung");
    expect(await rendered.innerText()).not.toContain("## ");
    expect(await rendered.locator("del").count()).toBe(0);
    expect(await leader.page.locator(".diff-source del").count()).toBe(0);

    // The audit log (the administrator's page) reads as fields with their values in words, not JSON.
    const admin = await openPage(browser);
    await logIn(admin.page, "quantri");
    await admin.page.goto("/staff/audit-log?entityType=document_revision");
    const firstRow = admin.page.locator(".audit-table tbody tr").first();
    const firstChanges = firstRow.locator(".change-list > tbody > tr");
    expect(await firstChanges.locator("th").allInnerTexts()).toContain("Trạng thái");
    expect(await firstRow.innerText()).toContain("Đang hiệu lực");
    expect(await firstRow.locator(".change-list").innerText()).not.toContain("effective");
    expect(await firstRow.innerText()).not.toContain('"state"');
    await admin.page.context().close();

    // Reading confirmation: the leader confirms; the list of who has not shrinks.
    await leader.page.goto("/staff/documents/QT-07");
    await Promise.all([
      leader.page.waitForURL(/done=acknowledge/),
      leader.page.getByRole("button", { name: "Tôi đã đọc và hiểu lần ban hành này" }).click(),
    ]);
    await expect.poll(() => leader.page.locator(".ack-missing").innerText()).not.toContain("Quàng Văn Minh");
    expect(await leader.page.locator(".ack-missing").innerText()).toContain("Cầm Văn Thắng");

    // An approved (now effective) revision cannot be edited.
    const edit = await lead.page.request.post("/staff/documents/QT-07", {
      form: { intent: "submit", revisionId },
      headers: { Origin: baseURL() },
    });
    expect(edit.status()).toBe(409);

    for (const p of [lead, leader]) {
      expectNoPageErrors(p.errors);
      await p.page.context().close();
    }
  });

  it("objectives show target, live actual and met / not met", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/objectives?year=2021");
    const rows = await page.locator("tbody tr").allInnerTexts();
    const onTime = rows.find((r) => r.includes("đúng hạn") && r.includes("giải quyết"));
    expect(onTime).toContain("100%");
    expect(onTime).toContain("Đạt");
    // Satisfaction is measured from the demo's ratings of dossiers returned in 2021.
    expect(rows.find((r) => r.includes("hài lòng"))).toMatch(/\d+(,\d)?%/);
    expectNoPageErrors(errors);
    await page.context().close();
  });
});

describe("uploading a controlled document", () => {
  it("refuses a file whose front matter is invalid, naming the field, and imports a valid one", async () => {
    const { writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const bad = join(tmpdir(), "hd-99-sai.md");
    const good = join(tmpdir(), "hd-99-dung.md");
    const front = (type: string) =>
      `---\ncode: HD-99\ntitle: Hướng dẫn niêm yết thủ tục\ntype: ${type}\nrevision: 1\neffective_date: 2026-11-25\nowner_role: officer\napprover_role: leader\nreview_interval_months: 12\niso_clauses: ["7.5"]\nrelated: []\n---\n\n# Hướng dẫn niêm yết\n\nNiêm yết đầy đủ thủ tục và lệ phí.\n`;
    writeFileSync(bad, front("memo"));
    writeFileSync(good, front("work_instruction"));
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await logIn(page, "chatluong");
    await page.goto("/staff/documents");
    await page.getByLabel("Tải lên tệp Markdown (tài liệu mới hoặc bản sửa đổi)").setInputFiles(bad);
    await page.getByRole("button", { name: "Tải lên", exact: true }).click();
    await expect.poll(() => page.locator("#upload-errors").innerText()).toContain("type: Giá trị không hợp lệ.");
    expect(await page.locator("tbody").innerText()).not.toContain("HD-99");
    await page.getByLabel("Tải lên tệp Markdown (tài liệu mới hoặc bản sửa đổi)").setInputFiles(good);
    await Promise.all([page.waitForURL(/\/staff\/documents\/HD-99\?imported=created/), page.getByRole("button", { name: "Tải lên", exact: true }).click()]);
    await expect.poll(() => page.locator("main > h1").innerText()).toContain("Hướng dẫn niêm yết thủ tục");
    expectNoPageErrors(errors);
    await page.context().close();
  });
});

describe("inspectors", () => {
  it("read the document register and a document, with nothing to change", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [403] });
    await logIn(page, "thanhtra");
    await page.goto("/staff/documents");
    expect(await page.locator("tbody").innerText()).toContain("QT-01");
    await page.goto("/staff/documents/QT-01");
    expect(await page.locator("article.document-body").innerText()).toContain("Kiểm soát thông tin dạng văn bản");
    expect(await page.getByRole("link", { name: "Soạn lần ban hành mới" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Tôi đã đọc và hiểu lần ban hành này" }).count()).toBe(0);
    const revisionId = await page.evaluate(() => document.querySelector("form input[name=revisionId]")?.getAttribute("value") ?? "1");
    const forbidden = await page.request.post("/staff/documents/QT-01", {
      form: { intent: "acknowledge", revisionId },
      headers: { Origin: (await import("./browser")).baseURL() },
    });
    expect(forbidden.status()).toBe(403);
    expectNoPageErrors(errors);
    await page.context().close();
  });
});
