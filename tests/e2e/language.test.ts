import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vi as viCatalogue } from "~/i18n/vi";
import { en as enCatalogue } from "~/i18n/en";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Vietnamese UI strings that differ from their English version, without placeholders. */
const VIETNAMESE_ONLY = Object.entries(viCatalogue)
  .filter(([key, text]) => !text.includes("{") && text !== enCatalogue[key as keyof typeof enCatalogue])
  .map(([, text]) => text);

/**
 * The page's text without data that stays Vietnamese in both languages: the unit's names, and the audit
 * log's changes column (what people typed; its field labels and coded values are checked in both languages
 * against every row of the demo by tests/integration/demo/demo-data.test.ts).
 */
async function visibleText(page: Page): Promise<string> {
  // Read in one task, so the page cannot change between the two reads.
  const { typed, text } = await page.evaluate(() => ({
    typed: [...document.querySelectorAll<HTMLElement>(".audit-table > tbody > tr > td:last-child")].map((cell) => cell.innerText),
    text: document.body.innerText,
  }));
  return [...typed, "UBND xã Mường Sai", "huyện Sông Mã", "tỉnh Sơn La"].reduce((t, data) => t.replaceAll(data, ""), text);
}

async function switchLanguage(page: Page, buttonName: string) {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/language") || r.request().method() === "GET"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  await page.waitForLoadState("networkidle");
}

describe("languages", () => {
  it("Vietnamese by default; the switch changes every visible string and is remembered", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Bộ phận Một cửa UBND xã Mường Sai");

    await switchLanguage(page, "Switch to English");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("One-stop desk of UBND xã Mường Sai");
    expect(new URL(page.url()).pathname).toBe("/");

    await page.goto("/login");
    const loginText = await visibleText(page);
    expect(VIETNAMESE_ONLY.filter((s) => loginText.includes(s)), "Vietnamese UI text left on /login").toEqual([]);
    await logIn(page, "quantri");
    const pages = ["/", "/staff", "/staff/users", "/staff/users/new", "/staff/account", "/staff/audit-log"];
    for (const path of pages) {
      await page.goto(path);
      expect(await page.getAttribute("html", "lang"), path).toBe("en");
      const text = await visibleText(page);
      const leftovers = VIETNAMESE_ONLY.filter((s) => text.includes(s));
      const where = text.split("\n").filter((line) => leftovers.some((s) => line.includes(s))).slice(0, 5);
      expect(leftovers, `Vietnamese UI text left on ${path}, in: ${where.join(" | ")}`).toEqual([]);
    }
    expect(await page.title()).toBe("Audit log · UBND xã Mường Sai");

    await switchLanguage(page, "Chuyển sang tiếng Việt");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("vi");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Nhật ký thay đổi");
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the switch works without JavaScript (a plain form post and redirect)", async () => {
    const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/feedback");
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Switch to English" }).click()]);
    await page.waitForLoadState("load");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(new URL(page.url()).pathname).toBe("/feedback");
    const text = await visibleText(page);
    expect(VIETNAMESE_ONLY.filter((s) => text.includes(s)), "Vietnamese UI text left on /feedback").toEqual([]);
    await context.close();
  });

  it("dates and numbers follow the language", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/audit-log");
    const firstTime = await page.locator("tbody tr td").first().innerText();
    expect(firstTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("error pages are translated", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [404], language: "en" });
    const response = await page.goto("/khong-co-trang-nay");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    // The tab says so too (it was empty).
    expect(await page.title()).toMatch(/^Page not found/);
    // A record that does not exist: the error page's title, not the record page's.
    await logIn(page, "chatluong");
    await page.goto("/staff/documents/QT-99");
    expect(await page.title()).toMatch(/^Page not found/);
    expectNoPageErrors(errors);
    await page.context().close();
  });
});
