import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, DEMO_PASSWORD, expectNoPageErrors, hydrated, launchBrowser, logIn, openPage } from "./browser";
import { expectFitsWindow, expectInsideWindowWidth, VIEWPORTS } from "./layout";

/** The desk's everyday screens, as issue 16 found them in Chromium. */

const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** WCAG contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const nextStepOf = (page: Page) => page.locator("[data-next-step]").getAttribute("data-next-step");

async function doNextStep(page: Page, button: string, op: string) {
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("done") === op),
    page.locator("[data-next-step]").getByRole("button", { name: button, exact: true }).click(),
  ]);
}


const labelOfFocused = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.innerText.trim() ?? "");

/** The birth registration's intake, filled and sent with the keyboard only; answers the new dossier's code. */
async function receiveByKeyboard(page: Page, name: string): Promise<string> {
  await page.goto("/staff/dossiers/new?procedure=1.001193");
  await hydrated(page);
  await page.getByLabel("Thủ tục hành chính").focus();
  await page.keyboard.press("Tab");
  expect(await labelOfFocused(page)).toBe("Họ và tên");
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  expect(await labelOfFocused(page)).toBe("Số điện thoại");
  await page.keyboard.type("0912 345 678");
  await page.keyboard.press("Tab");
  expect(await labelOfFocused(page)).toBe("Số định danh cá nhân (không bắt buộc)");
  await page.keyboard.press("Tab");
  expect(await labelOfFocused(page)).toBe("Địa chỉ");
  await page.keyboard.type("Bản Na Pheo, xã Mường Sai");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("documents");
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
  expect(await labelOfFocused(page)).toBe("Địa chỉ");
  // Enter in a field receives the dossier (not the due-date preview).
  await Promise.all([page.waitForURL(/\/staff\/dossiers\/[^/?]+\?received=1/, { timeout: 5_000 }), page.keyboard.press("Enter")]);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
}

/** The same intake with the mouse, for tests about what comes after it. */
async function receiveBySaveButton(page: Page, name: string): Promise<string> {
  await page.goto("/staff/dossiers/new?procedure=1.001193");
  await hydrated(page);
  await page.getByLabel("Họ và tên").fill(name);
  await page.getByLabel("Số điện thoại", { exact: true }).fill("0912 345 678");
  await page.getByLabel("Địa chỉ").fill("Bản Hốc, xã Mường Sai");
  await page.locator('input[name="documents"]').first().check();
  await Promise.all([
    page.waitForURL(/\/staff\/dossiers\/[^/?]+\?received=1/),
    page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click(),
  ]);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
}

describe("the desk's everyday screens", () => {
  it("after a wrong password, the first click on 'Đăng nhập' signs in (the error stays, the button does not move)", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel("Tên đăng nhập").fill("motcua");
    await page.getByLabel("Mật khẩu").fill("not-the-password");
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    const error = page.locator(".form-errors");
    await expect.poll(() => error.innerText()).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");

    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    const button = page.getByRole("button", { name: "Đăng nhập", exact: true });
    const before = await button.boundingBox();
    // Leaving the field is what the mousedown on the button does first.
    await page.getByLabel("Mật khẩu").evaluate((input: HTMLInputElement) => input.blur());
    expect(await error.innerText()).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(await button.boundingBox()).toEqual(before);

    await page.getByLabel("Mật khẩu").focus();
    await Promise.all([page.waitForURL((url) => url.pathname === "/staff", { timeout: 4_000 }), button.click()]);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the focus ring on the red header has at least 3:1 contrast", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto("/");
    await hydrated(page);
    const title = page.locator(".site-header a.site-title");
    // Keyboard focus (focus-visible): the skip link first, then the site title.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await title.evaluate((el) => getComputedStyle(el).outlineColor);
    const header = await page.locator(".site-header").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(contrast(ring, header), `${ring} on ${header}`).toBeGreaterThanOrEqual(3);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the feedback form's token is made in each browser, not in the publicly cached page", async () => {
    const html = await (await fetch(`${baseURL()}/feedback`)).text();
    expect(html).toMatch(/<input type="hidden" name="formToken" value=""\/>/);
    const tokens: string[] = [];
    for (let visitor = 0; visitor < 2; visitor++) {
      const { page, errors } = await openPage(browser);
      await page.goto("/feedback");
      await hydrated(page);
      const token = page.locator('input[name="formToken"]');
      await expect.poll(() => token.inputValue()).toMatch(/^[0-9a-f]{32}$/);
      tokens.push(await token.inputValue());
      expectNoPageErrors(errors);
      await page.context().close();
    }
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it("one sidebar item is lit: the intake, not also the register it sits under", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "motcua");
    await page.goto("/staff/dossiers/new");
    await expect.poll(() => page.locator(".staff-nav a.active").allInnerTexts()).toEqual(["Tiếp nhận hồ sơ"]);
    expect(await page.locator('.staff-nav a[aria-current="page"]').count()).toBe(1);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the intake fits 1,280 and 1,366 × 768 px windows, its save button inside", async () => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize(VIEWPORTS.desktop);
    await logIn(page, "motcua");
    await page.goto("/staff/dossiers/new");
    await expectFitsWindow(page);
    await page.goto("/staff/dossiers/new?procedure=1.001193");
    await hydrated(page);
    await shot(page, "intake-1280");
    await expectFitsWindow(page);
    await expectInsideWindowWidth(page, 'button[value="save"]');
    await page.setViewportSize(VIEWPORTS.officeLaptop);
    await shot(page, "intake-1366");
    await expectFitsWindow(page);
    await expectInsideWindowWidth(page, 'button[value="save"]');
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the intake works by keyboard alone: Tab walks it in reading order, Enter receives the dossier", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await logIn(page, "motcua");
    await receiveByKeyboard(page, "Vàng Thị Mai");
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the dossier page leads with its next step; other actions behind 'Thao tác khác', refusals apart", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await page.setViewportSize(VIEWPORTS.desktop);
    await logIn(page, "motcua");
    await receiveBySaveButton(page, "Lường Văn Tiến");
    await expect.poll(() => nextStepOf(page)).toBe("assign");
    const actions = page.locator(".dossier-actions");
    const primaryButtons = actions.locator("button.button:not(.button--secondary):not(.button--danger)");
    expect(await primaryButtons.count()).toBe(1);
    expect(await actions.locator("details.more-actions").evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await actions.getByRole("button", { name: "Từ chối giải quyết" }).isVisible()).toBe(false);
    await expectFitsWindow(page);
    await shot(page, "dossier-received");
    await actions.locator("details.more-actions > summary").click();
    const refuse = actions.locator(".danger-zone").getByRole("button", { name: "Từ chối giải quyết" });
    expect(await refuse.isVisible()).toBe(true);
    expect(await refuse.getAttribute("class")).toContain("button--danger");
    await shot(page, "dossier-more-actions");

    await doNextStep(page, "Phân công xử lý", "assign");
    await expect.poll(() => nextStepOf(page)).toBe("mark_result_ready");
    await doNextStep(page, "Đã có kết quả", "mark_result_ready");
    await expect.poll(() => nextStepOf(page)).toBe("return_result");
    await doNextStep(page, "Trả kết quả cho công dân", "return_result");
    await expect.poll(() => page.locator("[data-next-step]").count()).toBe(0);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("after 'Số điện thoại không khớp' on the rating, the first click on the button sends it", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400] });
    await logIn(page, "motcua");
    const code = await receiveBySaveButton(page, "Quàng Văn Dũng");
    for (const [button, op] of [["Phân công xử lý", "assign"], ["Đã có kết quả", "mark_result_ready"], ["Trả kết quả cho công dân", "return_result"]] as const) {
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get("done") === op),
        page.getByRole("button", { name: button, exact: true }).click(),
      ]);
    }
    await expect.poll(() => page.locator("dl.facts .badge").first().innerText()).toBe("Đã trả kết quả");

    const citizen = await openPage(browser, { allowedStatuses: [400] });
    await citizen.page.setViewportSize(VIEWPORTS.desktop);
    await citizen.page.goto(`/feedback/rate?code=${encodeURIComponent(code)}`);
    await hydrated(citizen.page);
    const phone = citizen.page.getByLabel("4 chữ số cuối số điện thoại đã đăng ký");
    await citizen.page.getByLabel("Hài lòng", { exact: true }).check();
    await phone.fill("0000");
    await citizen.page.getByRole("button", { name: "Gửi đánh giá" }).click();
    const phoneField = citizen.page.locator(".field", { has: phone });
    await expect.poll(() => phoneField.locator(".field-errors").innerText()).toBe("Số điện thoại không khớp với hồ sơ.");
    await citizen.page.getByLabel("Hài lòng", { exact: true }).check();
    await phone.fill("5678");
    await Promise.all([
      citizen.page.waitForURL(/thanks=1/, { timeout: 4_000 }),
      citizen.page.getByRole("button", { name: "Gửi đánh giá" }).click(),
    ]);
    expectNoPageErrors(errors);
    expectNoPageErrors(citizen.errors);
    await page.context().close();
    await citizen.page.context().close();
  });
});
