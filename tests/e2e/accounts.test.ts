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

describe("user administration", () => {
  it("an admin adds a user, bad input is shown beside the field, and the audit log records it", async () => {
    const admin = await openPage(browser, { allowedStatuses: [400] });
    await logIn(admin.page, "quantri");
    await admin.page.goto("/staff/users/new");

    // A taken username and a short password: errors beside the fields, nothing stored.
    await admin.page.getByLabel("Tên đăng nhập").fill("motcua");
    await admin.page.getByLabel("Họ và tên").fill("Lò Văn Bình");
    await admin.page.getByLabel("Công chức một cửa").check();
    await admin.page.getByLabel("Mật khẩu ban đầu").fill("short");
    await admin.page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const passwordField = admin.page.locator(".field", { has: admin.page.getByLabel("Mật khẩu ban đầu") });
    await expect
      .poll(() => passwordField.locator(".field-errors").innerText())
      .toBe("Mật khẩu phải có ít nhất 10 ký tự.");

    await admin.page.getByLabel("Mật khẩu ban đầu").fill("mat-khau-tam-thoi");
    await admin.page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect
      .poll(() => admin.page.getByRole("alert").allInnerTexts())
      .toContain("Tên đăng nhập này đã có người dùng.");
    expect(new URL(admin.page.url()).pathname).toBe("/staff/users/new");

    await admin.page.getByLabel("Tên đăng nhập").fill("lvbinh");
    await admin.page.getByLabel("Mật khẩu ban đầu").fill("mat-khau-tam-thoi");
    await Promise.all([
      admin.page.waitForURL(/\/staff\/users\/\d+\?created=1/),
      admin.page.getByRole("button", { name: "Tạo tài khoản" }).click(),
    ]);
    await expect.poll(() => admin.page.getByRole("status").innerText()).toBe("Đã tạo tài khoản lvbinh.");
    const userId = new URL(admin.page.url()).pathname.split("/").at(-1)!;

    // The new user must change the temporary password first.
    const newcomer = await openPage(browser, { allowedStatuses: [400] });
    await logIn(newcomer.page, "lvbinh", "mat-khau-tam-thoi");
    expect(new URL(newcomer.page.url()).pathname).toBe("/staff/account");
    await newcomer.page.getByLabel("Mật khẩu hiện tại").fill("mat-khau-tam-thoi");
    await newcomer.page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-rieng-cua-binh");
    await newcomer.page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-rieng-cua-binh");
    await Promise.all([
      newcomer.page.waitForURL(/changed=1/),
      newcomer.page.getByRole("button", { name: "Đổi mật khẩu" }).click(),
    ]);
    await newcomer.page.goto("/staff");
    expect(new URL(newcomer.page.url()).pathname).toBe("/staff");

    // Disabling the account ends the newcomer's session.
    await admin.page.goto(`/staff/users/${userId}`);
    await admin.page.getByLabel("Khoá tài khoản (không thể đăng nhập)").check();
    await Promise.all([
      admin.page.waitForURL(/saved=1/),
      admin.page.getByRole("button", { name: "Lưu thay đổi" }).click(),
    ]);
    await newcomer.page.goto("/staff");
    expect(new URL(newcomer.page.url()).pathname).toBe("/login");

    // The quality lead sees the changes in the audit log.
    const lead = await openPage(browser);
    await logIn(lead.page, "chatluong");
    await lead.page.goto("/staff/audit-log?entityType=user");
    const rows = await lead.page.locator("tbody tr").allInnerTexts();
    const forUser = rows.filter((r) => r.includes(`Tài khoản #${userId}`));
    expect(forUser.map((r) => r.split("\t")[3])).toEqual(["Cập nhật", "Đổi mật khẩu", "Tạo mới"]);
    expect(forUser[0]).toContain("Hoàng Thị Mai");

    for (const p of [admin, newcomer, lead]) {
      expectNoPageErrors(p.errors);
      await p.page.context().close();
    }
  });

  it("an admin cannot lock themselves out", async () => {
    const admin = await openPage(browser, { allowedStatuses: [400] });
    await logIn(admin.page, "quantri");
    await admin.page.goto("/staff/users");
    await admin.page.getByRole("link", { name: "quantri" }).click();
    await admin.page.getByLabel("Khoá tài khoản (không thể đăng nhập)").check();
    await admin.page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect
      .poll(() => admin.page.getByRole("alert").allInnerTexts())
      .toContain("Bạn không thể tự khoá tài khoản hay bỏ vai trò quản trị của chính mình.");
    await admin.page.goto("/staff");
    expect(new URL(admin.page.url()).pathname).toBe("/staff");
    expectNoPageErrors(admin.errors);
    await admin.page.context().close();
  });
});
