import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

/*
 * The same built app on PostgreSQL (tests/setup/e2e-server.ts starts it with a fresh database and the
 * demo): sign in, receive a dossier, read the dashboard. The other e2e tests run on SQLite; the
 * integration suite runs every model and loader on both engines.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pgBaseURL = () => inject("pgBaseURL");

describe("on PostgreSQL", () => {
  it("reports its database as healthy", async () => {
    const response = await fetch(`${pgBaseURL()}/healthz`);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("an officer signs in and receives a dossier; the register lists it", async () => {
    const { page, errors } = await openPage(browser, { baseURL: pgBaseURL() });
    await logIn(page, "motcua");
    await page.goto("/staff/dossiers/new");
    await Promise.all([page.waitForURL(/procedure=1\.001193/), page.getByLabel("Thủ tục hành chính").selectOption("1.001193")]);
    await page.getByLabel("Họ và tên").fill("Quàng Thị Xuân");
    await page.getByLabel("Số điện thoại", { exact: true }).fill("0912 345 679");
    await page.getByLabel("Địa chỉ").fill("Bản Nà Sài, xã Mường Sai");
    await page.locator('input[name="documents"]').first().check();
    await expect.poll(() => page.locator(".due-preview__date").innerText()).toMatch(/^Hẹn trả: \d{2}\/\d{2}\/\d{4} 17:00$/);
    await Promise.all([page.waitForURL(/\/staff\/dossiers\/[^/]+\?received=1/), page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click()]);
    const code = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    expect(code).toMatch(/^000\.31\.14\.H53-\d{6}-\d{4}$/);
    await expect.poll(() => page.locator("dl.facts .badge").first().innerText()).toBe("Đã tiếp nhận");

    await page.goto(`/staff/dossiers?q=${encodeURIComponent(code.slice(-11).toLowerCase())}`);
    expect(await page.locator("tbody").innerText()).toContain(code);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the quality lead reads the dashboard: 2021 as the commune reported it", async () => {
    const { page, errors } = await openPage(browser, { baseURL: pgBaseURL() });
    await logIn(page, "chatluong");
    await page.goto("/staff/dashboard?period=year&year=2021");
    const figure = (key: string) => page.locator(`[data-figure="${key}"] .kpi__value`).innerText();
    expect(await figure("received")).toBe("4.492");
    expect(await figure("resolved")).toBe("4.492");
    expect(await figure("on_time_rate")).toBe("100%");
    expect(await page.locator("#chart-volume-figure table tbody tr").count()).toBe(12);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the metrics API agrees", async () => {
    const response = await fetch(`${pgBaseURL()}/api/v1/metrics/on-time?year=2021`);
    expect(await response.json()).toMatchObject({ received: 4492, resolved: 4492, late: 0, onTimeRate: 1 });
  });
});
