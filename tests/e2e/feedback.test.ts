import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
const PHONE = { width: 375, height: 740 };
// A 1×1 PNG, and a text file pretending to be one.
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5d1b2a40000000049454e44ae426082", "hex");
const realImage = join(tmpdir(), "anh-hien-truong.png");
const fakeImage = join(tmpdir(), "gia-mao.png");

beforeAll(async () => {
  browser = await launchBrowser();
  writeFileSync(realImage, PNG);
  writeFileSync(fakeImage, "không phải ảnh");
});
afterAll(async () => {
  await browser?.close();
});

async function phonePage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: (await import("./browser")).baseURL(), viewport: PHONE, javaScriptEnabled: options.javaScriptEnabled ?? true });
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

async function fillCommon(page: Page, kind: string, subject: string) {
  await page.getByLabel(kind, { exact: false }).first().check();
  await page.getByLabel("Tiêu đề").fill(subject);
  await page.getByLabel("Nội dung", { exact: true }).fill(`${subject}: <b>không in đậm</b> và <script>alert(1)</script>`);
}

async function trackingCode(page: Page) {
  await page.waitForURL(/\/feedback\/[A-Z0-9-]+\?sent=1/);
  const code = (await page.locator(".tracking-code").innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  return code;
}

describe("citizens' feedback", () => {
  it("a citizen files each kind from a phone and follows it by code; a complaint is filed without JavaScript", async () => {
    const codes: Record<string, string> = {};

    const web = await phonePage();
    await web.page.goto("/feedback");
    await fillCommon(web.page, "Phản ánh", "Chờ lâu ở quầy chứng thực");
    // A disguised file is refused beside the field, and nothing is stored.
    await web.page.locator('input[type="file"]').setInputFiles([fakeImage]);
    await web.page.getByLabel(/Tôi đồng ý/).check();
    await web.page.getByRole("button", { name: "Gửi", exact: true }).click();
    await expect.poll(() => web.page.locator("#attachments-error").innerText()).toBe("Tệp đính kèm phải là ảnh (JPEG, PNG, WebP) hoặc PDF.");
    await web.page.locator('input[type="file"]').setInputFiles([realImage]);
    await web.page.getByLabel(/Tôi đồng ý/).check();
    await web.page.getByRole("button", { name: "Gửi", exact: true }).click();
    codes.feedback = await trackingCode(web.page);

    for (const [kind, subject] of [
      ["Kiến nghị", "Đề nghị rút ngắn thời hạn xác nhận tình trạng hôn nhân"],
      ["Khen ngợi", "Cán bộ một cửa tận tình"],
    ] as const) {
      await web.page.goto("/feedback");
      await fillCommon(web.page, kind, subject);
      await web.page.getByLabel(/Tôi đồng ý/).check();
      await web.page.getByRole("button", { name: "Gửi", exact: true }).click();
      codes[kind] = await trackingCode(web.page);
    }

    // A complaint from a phone with JavaScript off: identity is required, then it goes through.
    const noJs = await phonePage({ javaScriptEnabled: false });
    await noJs.page.goto("/feedback");
    await fillCommon(noJs.page, "Khiếu nại", "Khiếu nại việc từ chối chứng thực");
    await noJs.page.getByLabel(/Tôi đồng ý/).check();
    await noJs.page.getByRole("button", { name: "Gửi", exact: true }).click();
    await noJs.page.waitForLoadState();
    expect(await noJs.page.locator(".field-errors").allInnerTexts()).toContain(
      "Đơn khiếu nại phải ghi rõ họ tên, địa chỉ và số định danh cá nhân của người khiếu nại.",
    );
    await noJs.page.getByLabel("Khiếu nại", { exact: false }).first().check();
    await noJs.page.getByLabel("Họ và tên", { exact: true }).fill("Lường Thị Pằng");
    await noJs.page.getByLabel("Số điện thoại", { exact: true }).fill("0987111222");
    await noJs.page.getByLabel("Địa chỉ", { exact: true }).fill("Bản Co Sâu, xã Mường Sai");
    await noJs.page.getByLabel("Số định danh cá nhân").fill("014187000123");
    await noJs.page.getByLabel(/Tôi đồng ý/).check();
    await noJs.page.getByRole("button", { name: "Gửi", exact: true }).click();
    codes.complaint = await trackingCode(noJs.page);

    // The public status page shows the status, and the text only as text; never the complainant.
    await noJs.page.goto(`/feedback/${codes.complaint}`);
    const publicText = await noJs.page.locator("main").innerText();
    expect(publicText).toContain("Đã tiếp nhận");
    expect(publicText).not.toContain("Lường Thị Pằng");
    expect(publicText).not.toContain("0987111222");

    // Staff accept, assign, investigate, answer; the citizen sees the answer, replies, and it re-opens.
    const officer = await openPage(browser, { allowedStatuses: [400, 409] });
    await logIn(officer.page, "motcua");
    await officer.page.goto("/staff/feedback");
    const inbox = await officer.page.locator("tbody").innerText();
    for (const code of Object.values(codes)) expect(inbox).toContain(code);
    await officer.page.goto(`/staff/feedback/${codes.complaint}`);
    expect(await officer.page.locator("main").innerText()).toContain("Lường Thị Pằng");
    expect(await officer.page.locator("main").innerText()).toContain("<script>alert(1)</script>");
    const step = async (button: string, op: string) => {
      await Promise.all([
        officer.page.waitForURL((u) => u.searchParams.get("done") === op),
        officer.page.getByRole("button", { name: button, exact: true }).click(),
      ]);
    };
    await step("Thụ lý", "accept");
    await step("Giao người xử lý", "assign");
    await step("Bắt đầu xác minh", "investigate");
    await officer.page.getByLabel("Nội dung trả lời (công khai)").fill("UBND xã đã xem xét và chứng thực lại cho bà ngày 26/11.");
    await officer.page.getByLabel("Ghi chú").fill("Đã nhắc nhở công chức tư pháp.");
    await step("Trả lời công dân", "answer");
    const outbox = await officer.page.locator("section", { hasText: "Tin nhắn gửi công dân" }).innerText();
    expect(outbox).toContain("0987111222");
    expect(outbox).toContain("Chờ gửi");

    await noJs.page.goto(`/feedback/${codes.complaint}`);
    const answered = await noJs.page.locator("main").innerText();
    expect(answered).toContain("UBND xã đã xem xét và chứng thực lại");
    expect(answered).not.toContain("Đã nhắc nhở công chức tư pháp");
    await noJs.page.getByLabel("Nội dung", { exact: true }).fill("Tôi chưa nhận được bản chứng thực.");
    await noJs.page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await noJs.page.waitForURL(/replied=1/);
    expect(await noJs.page.locator("main").innerText()).toContain("Đang xác minh, xử lý");

    for (const p of [web, noJs]) {
      expect(p.errors).toEqual([]);
      await p.page.context().close();
    }
    expectNoPageErrors(officer.errors);
    await officer.page.context().close();
  });

  it("marks spam, kept but hidden from the inbox and the public", async () => {
    const web = await phonePage();
    await web.page.goto("/feedback");
    await fillCommon(web.page, "Phản ánh", "Quảng cáo bán hàng");
    await web.page.getByLabel(/Tôi đồng ý/).check();
    await web.page.getByRole("button", { name: "Gửi", exact: true }).click();
    const code = await trackingCode(web.page);

    const lead = await openPage(browser);
    await logIn(lead.page, "chatluong");
    await lead.page.goto(`/staff/feedback/${code}`);
    await Promise.all([lead.page.waitForURL(/done=hide/), lead.page.getByRole("button", { name: "Đánh dấu rác hoặc trùng" }).click()]);
    await lead.page.goto("/staff/feedback");
    expect(await lead.page.locator("main").innerText()).not.toContain(code);
    await lead.page.goto("/staff/feedback?hidden=1");
    expect(await lead.page.locator("main").innerText()).toContain(code);
    const hidden = await web.page.goto(`/feedback/${code}`);
    expect(hidden?.status()).toBe(404);
    await web.page.context().close();
    expectNoPageErrors(lead.errors);
    await lead.page.context().close();
  });
});
