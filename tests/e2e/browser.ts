import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function baseURL(): string {
  return inject("baseURL");
}

/**
 * A fresh browser context (own cookies) whose page fails the test on a page error or a
 * console error, except for responses the test expects (`allowedStatuses`).
 */
export async function openPage(
  browser: Browser,
  options: { allowedStatuses?: number[]; language?: "vi" | "en"; baseURL?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const origin = options.baseURL ?? baseURL();
  const context = await browser.newContext({ baseURL: origin });
  if (options.language) {
    await context.addCookies([{ name: "lang", value: encodeURIComponent(btoa(JSON.stringify(options.language))), url: origin }]);
  }
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = new Set(options.allowedStatuses ?? []);
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    const status = /status of (\d{3})/.exec(text)?.[1];
    if (status && allowed.has(Number(status))) return;
    errors.push(`console: ${text}`);
  });
  return { page, errors };
}

export function expectNoPageErrors(errors: string[]) {
  expect(errors).toEqual([]);
}

export const DEMO_PASSWORD = "motcua-demo-2026";

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: /Đăng nhập|Sign in/ }).click(),
  ]);
  // The address changes before React commits the new page (navigations run in a transition):
  // wait for the signed-in layout itself.
  await page.getByRole("button", { name: /Đăng xuất|Sign out/ }).waitFor();
}

/** Waits until React has hydrated the page (clicks then reach its handlers, not a bare form post). */
export async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => "__remixRouter" in window);
}
