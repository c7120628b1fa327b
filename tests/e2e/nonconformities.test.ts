import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("nonconformities", () => {
  it("goes from a citizen's feedback to closure, with the verification by someone other than the doer", async () => {
    // A citizen reports a problem.
    const citizen = await openPage(browser);
    await citizen.page.goto("/feedback");
    await citizen.page.getByLabel("Phản ánh", { exact: false }).first().check();
    await citizen.page.getByLabel("Tiêu đề").fill("Niêm yết thủ tục không đầy đủ");
    await citizen.page.getByLabel("Nội dung", { exact: true }).fill("Bảng niêm yết tại bộ phận một cửa thiếu lệ phí chứng thực.");
    await citizen.page.getByLabel(/Tôi đồng ý/).check();
    await citizen.page.getByRole("button", { name: "Gửi", exact: true }).click();
    await citizen.page.waitForURL(/\?sent=1/);
    const feedbackCode = (await citizen.page.locator(".tracking-code").innerText()).trim();

    const lead = await openPage(browser, { allowedStatuses: [400, 409] });
    await logIn(lead.page, "chatluong");
    await lead.page.goto(`/staff/feedback/${feedbackCode}`);
    await Promise.all([
      lead.page.waitForURL(/\/staff\/feedback\/.+\?done=raise_nc/),
      lead.page.getByRole("button", { name: "Tạo sự không phù hợp từ mục này" }).click(),
    ]);
    await lead.page.getByRole("link", { name: /Sự không phù hợp liên quan: NC-\d{4}-\d{3}/ }).click();
    await lead.page.waitForURL(/\/staff\/nonconformities\/NC-\d{4}-\d{3}$/);
    const ncUrl = new URL(lead.page.url()).pathname;
    await expect.poll(() => lead.page.locator("main").innerText()).toContain(feedbackCode);

    const step = async (button: string, op: string) => {
      await Promise.all([
        lead.page.waitForURL((u) => u.searchParams.get("done") === op),
        lead.page.getByRole("button", { name: button, exact: true }).click(),
      ]);
    };
    await lead.page.getByLabel("Khắc phục tức thời đã làm").fill("Bổ sung ngay mức lệ phí chứng thực vào bảng niêm yết.");
    await step("Ghi nhận khắc phục tức thời", "record_correction");
    await lead.page.getByLabel("Phân tích (mỗi dòng một bước hoặc một nguyên nhân)").fill(
      "Vì sao thiếu? Bảng in từ danh mục cũ.\nVì sao dùng danh mục cũ? Không có ai rà soát khi danh mục thay đổi.",
    );
    await lead.page.getByLabel("Nguyên nhân gốc rễ").fill("Chưa phân công rà soát niêm yết khi danh mục thủ tục thay đổi");
    await step("Ghi nhận phân tích nguyên nhân", "analyse_cause");
    // A plan without actions is not offered, and refused if asked for.
    expect(await lead.page.getByRole("button", { name: "Chốt kế hoạch hành động khắc phục" }).count()).toBe(0);
    const refused = await lead.page.request.post(ncUrl, { form: { op: "plan_actions" }, headers: { Origin: baseURL() } });
    expect(refused.status()).toBe(409);
    // An action without an owner or a due date is refused.
    const incomplete = await lead.page.request.post(ncUrl, { form: { op: "add_action", description: "x" }, headers: { Origin: baseURL() } });
    expect(incomplete.status()).toBe(400);
    await lead.page.locator("#action-description").fill("Giao công chức một cửa rà soát bảng niêm yết mỗi khi danh mục thay đổi");
    await lead.page.getByLabel("Người thực hiện").selectOption({ label: "Cầm Văn Thắng" });
    await lead.page.getByLabel("Hạn hoàn thành").fill("2099-12-31");
    await step("Thêm hành động", "add_action");
    await step("Chốt kế hoạch hành động khắc phục", "plan_actions");

    // The owner records it as done.
    const officer = await openPage(browser);
    await logIn(officer.page, "motcua");
    await officer.page.goto(ncUrl);
    await officer.page.getByPlaceholder("Bằng chứng hoàn thành").fill("Quy định rà soát niêm yết, ban hành kèm QT-07 lần 2");
    await Promise.all([
      officer.page.waitForURL((u) => u.searchParams.get("done") === "action_done"),
      officer.page.getByRole("button", { name: "Đã hoàn thành" }).click(),
    ]);

    // Closing before verification is not offered; the quality lead verifies and closes.
    await lead.page.goto(ncUrl);
    expect(await lead.page.getByRole("button", { name: "Đóng sự không phù hợp" }).count()).toBe(0);
    await step("Xác nhận đã thực hiện xong", "complete_actions");
    await lead.page.getByLabel("Hành động đã có hiệu lực (vấn đề không lặp lại)").check();
    await lead.page.getByLabel("Nhận xét kiểm tra").fill("Kiểm tra bảng niêm yết ngày 30/11: đầy đủ.");
    await step("Kiểm tra hiệu lực", "verify");
    await step("Đóng sự không phù hợp", "close");
    await expect.poll(() => lead.page.locator("dl.facts dd").first().innerText()).toContain("Đã đóng");

    const pdf = await lead.page.request.get(`${ncUrl}/request.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    for (const p of [citizen, lead, officer]) {
      expectNoPageErrors(p.errors);
      await p.page.context().close();
    }
  });
});
