import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EXPECTED_NAV: Record<string, string[]> = {
  chatluong: ["Trang làm việc", "Bảng theo dõi chất lượng", "Sổ theo dõi hồ sơ", "Phản ánh, khiếu nại", "Sự không phù hợp", "Tài liệu ISO", "Văn bản bên ngoài", "Đánh giá nội bộ", "Danh mục câu hỏi đánh giá", "Xem xét của lãnh đạo", "Cổng thanh tra", "Mục tiêu chất lượng", "Việc cần làm", "Rủi ro và cơ hội", "Năng lực, đào tạo", "Thủ tục hành chính", "Lịch làm việc", "Bộ quy định một cửa", "Nhật ký thay đổi", "Dữ liệu cá nhân", "Hộp thư đi", "Tài khoản của tôi"],
  motcua: ["Trang làm việc", "Bảng theo dõi chất lượng", "Tiếp nhận hồ sơ", "Sổ theo dõi hồ sơ", "Phản ánh, khiếu nại", "Sự không phù hợp", "Tài liệu ISO", "Việc cần làm", "Rủi ro và cơ hội", "Thủ tục hành chính", "Lịch làm việc", "Tài khoản của tôi"],
  lanhdao: ["Trang làm việc", "Bảng theo dõi chất lượng", "Sổ theo dõi hồ sơ", "Phản ánh, khiếu nại", "Sự không phù hợp", "Tài liệu ISO", "Văn bản bên ngoài", "Đánh giá nội bộ", "Xem xét của lãnh đạo", "Cổng thanh tra", "Mục tiêu chất lượng", "Việc cần làm", "Rủi ro và cơ hội", "Năng lực, đào tạo", "Thủ tục hành chính", "Lịch làm việc", "Bộ quy định một cửa", "Tài khoản của tôi"],
  danhgia: ["Trang làm việc", "Bảng theo dõi chất lượng", "Sổ theo dõi hồ sơ", "Sự không phù hợp", "Tài liệu ISO", "Văn bản bên ngoài", "Đánh giá nội bộ", "Danh mục câu hỏi đánh giá", "Xem xét của lãnh đạo", "Cổng thanh tra", "Mục tiêu chất lượng", "Việc cần làm", "Rủi ro và cơ hội", "Năng lực, đào tạo", "Bộ quy định một cửa", "Tài khoản của tôi"],
  thanhtra: ["Trang làm việc", "Bảng theo dõi chất lượng", "Sự không phù hợp", "Tài liệu ISO", "Đánh giá nội bộ", "Xem xét của lãnh đạo", "Cổng thanh tra", "Mục tiêu chất lượng", "Rủi ro và cơ hội", "Năng lực, đào tạo", "Tài khoản của tôi"],
  quantri: ["Trang làm việc", "Nhật ký thay đổi", "Tài khoản", "Đơn vị", "Kết nối cổng dịch vụ công", "Tác vụ nền", "Hộp thư đi", "Tài khoản của tôi"],
};

describe("signing in", () => {
  for (const [username, nav] of Object.entries(EXPECTED_NAV)) {
    it(`${username} sees the navigation of their role`, async () => {
      const { page, errors } = await openPage(browser);
      await logIn(page, username);
      expect(new URL(page.url()).pathname).toBe("/staff");
      // Each link's own label (its first text node), without the waiting-work badge after it.
      const items = await page
        .getByRole("navigation", { name: "Điều hướng cán bộ" })
        .getByRole("link")
        .evaluateAll((links) => links.map((link) => (link.firstChild?.textContent ?? "").trim()));
      expect(items).toEqual(nav);
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL(/\/login/);
      await page.goto("/staff");
      expect(new URL(page.url()).pathname).toBe("/login");
      expectNoPageErrors(errors);
      await page.context().close();
    });
  }

  it("a wrong password shows an error and no session", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await page.goto("/login");
    await page.getByLabel("Tên đăng nhập").fill("motcua");
    await page.getByLabel("Mật khẩu").fill("not-the-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect
      .poll(() => page.getByRole("alert").allInnerTexts())
      .toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto("/staff");
    expect(new URL(page.url()).pathname).toBe("/login");
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("an anonymous visitor is sent to login and brought back after it", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto("/staff/audit-log?entityType=user");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("Tên đăng nhập").fill("chatluong");
    await page.getByLabel("Mật khẩu").fill("motcua-demo-2026");
    await Promise.all([
      page.waitForURL(/\/staff\/audit-log/),
      page.getByRole("button", { name: "Đăng nhập" }).click(),
    ]);
    expect(new URL(page.url()).search).toBe("?entityType=user");
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("a role without access gets a translated 403 page", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [403] });
    await logIn(page, "motcua");
    const response = await page.goto("/staff/users");
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Không có quyền truy cập");
    expectNoPageErrors(errors);
    await page.context().close();
  });
});
