import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoPageErrors, hydrated, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .kpi__value`).innerText();
/** The numbers of a chart's table (textContent: the table sits in a closed disclosure). */
const cell = (page: Page, chart: string, row: number, column: number) =>
  page.locator(`#${chart}-figure table tbody tr`).nth(row).locator("th, td").nth(column).textContent();


describe("the quality dashboard", () => {
  it("shows 2021 as the commune reported it, server-rendered, and a bar opens exactly its records", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");

    // The HTML itself carries the figures and the charts' SVG (no empty boxes before JavaScript).
    const html = await (await page.request.get("/staff/dashboard?period=year&year=2021")).text();
    expect(html.match(/<svg[^>]*class="recharts-surface"/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(html).toContain(">4.492<");

    await page.goto("/staff/dashboard?period=year&year=2021");
    expect(await figure(page, "received")).toBe("4.492");
    expect(await figure(page, "resolved")).toBe("4.492");
    expect(await figure(page, "on_time_rate")).toBe("100%");
    await expect.poll(() => page.locator('[data-figure="on_time_rate"] .badge').innerText()).toBe("Đạt");
    expect(await page.locator("#chart-volume-figure table tbody tr").count()).toBe(12);

    // March's received bar: the same number as the table, and the register lists exactly those.
    expect(await cell(page, "chart-volume", 2, 0)).toBe("03/2021");
    const march = (await cell(page, "chart-volume", 2, 1))!;
    const tableLink = page.locator("#chart-volume-figure table tbody tr").nth(2).locator("td").first().locator("a");
    expect(await tableLink.getAttribute("href")).toBe("/staff/dossiers?from=2021-03-01&to=2021-03-31");
    await hydrated(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/staff/dossiers" && url.search === "?from=2021-03-01&to=2021-03-31"),
      page.locator("#chart-volume-figure .recharts-bar").first().locator(".recharts-bar-rectangle").nth(2).click(),
    ]);
    await expect.poll(() => page.locator("p[role=status]", { hasText: "hồ sơ" }).innerText()).toBe(`${march} hồ sơ`);

    // A field's bar (horizontal chart): received in the year in that field.
    await page.goto("/staff/dashboard?period=year&year=2021");
    const fieldName = (await cell(page, "chart-fields", 0, 0))!;
    const fieldCount = (await cell(page, "chart-fields", 0, 1))!;
    await hydrated(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/staff/dossiers" && url.searchParams.get("field") !== null),
      page.locator("#chart-fields-figure .recharts-bar").first().locator(".recharts-bar-rectangle").first().click(),
    ]);
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual(["2021-01-01", "2021-12-31"]);
    expect(await page.getByLabel("Lĩnh vực").locator("option:checked").innerText()).toBe(fieldName);
    await expect.poll(() => page.locator("p[role=status]", { hasText: "hồ sơ" }).innerText()).toBe(`${fieldCount} hồ sơ`);
    expectNoPageErrors(errors);
  });

  it("judges each month of a later year, and its late dossiers open from the figure", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/dashboard?period=year&year=2024");
    const late = Number((await page.locator('[data-figure="on_time_rate"] .kpi__detail').innerText()).match(/^([\d.]+) trễ hạn/)![1]!.replace(/\./g, ""));
    expect(late).toBeGreaterThan(0);
    await hydrated(page);
    await Promise.all([page.waitForURL(/outcome=late/), page.locator('[data-figure="on_time_rate"] .kpi__detail a').click()]);
    expect(new URL(page.url()).search).toBe("?outcome=late&judgedFrom=2024-01-01&judgedTo=2024-12-31");
    await expect.poll(() => page.locator("p[role=status]", { hasText: "hồ sơ" }).innerText()).toBe(`${new Intl.NumberFormat("vi-VN").format(late)} hồ sơ`);

    // The rate itself opens the dossiers it judged.
    await page.goBack();
    const judged = Number((await page.locator('[data-figure="on_time_rate"] .kpi__detail').innerText()).match(/trên ([\d.]+) hồ sơ/)![1]!.replace(/\./g, ""));
    await Promise.all([page.waitForURL(/outcome=judged/), page.locator('[data-figure="on_time_rate"] .kpi__link').click()]);
    await expect.poll(() => page.locator("p[role=status]", { hasText: "hồ sơ" }).innerText()).toBe(`${new Intl.NumberFormat("vi-VN").format(judged)} hồ sơ`);
    expectNoPageErrors(errors);
  });

  it("exports each table as CSV for Excel (UTF-8 with BOM)", async () => {
    const { page } = await openPage(browser);
    await logIn(page, "chatluong");
    const response = await page.request.get("/staff/dashboard/export/monthly?period=year&year=2021");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Tháng,Tiếp nhận,Đã giải quyết");
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(",")[1]), 0)).toBe(4492);
    expect((await page.request.get("/staff/dashboard/export/nope?period=year&year=2021")).status()).toBe(404);
  });

  it("shows an invalid period's error beside the field and falls back on a sensible period", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/dashboard?period=custom&year=2021&from=2021-05-01&to=2021-04-01");
    const toField = page.locator(".field", { has: page.getByLabel("Đến ngày") });
    expect(await toField.locator(".field-errors").innerText()).toBe("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
    expect(await figure(page, "received")).toBe("4.492");
    expectNoPageErrors(errors);
  });

  it("lets the inspector see the figures without links to records", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "thanhtra");
    await page.goto("/staff/dashboard?period=year&year=2021");
    expect(await figure(page, "received")).toBe("4.492");
    // The inspector may not open the register: no figure or table cell links to it (bars have no link either).
    expect(await page.locator('main a[href^="/staff/dossiers"]').evaluateAll((links) => links.map((l) => l.outerHTML))).toEqual([]);
    expectNoPageErrors(errors);
  });
});

describe("the public transparency page", () => {
  it("renders its charts and figures for a visitor without an account, with no personal data", async () => {
    const { page, errors } = await openPage(browser);
    const response = await page.request.get("/transparency?year=2021");
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<svg[^>]*class="recharts-surface"/);
    expect(html).toContain(">4.492<");
    expect(html).not.toMatch(/000\.31\.14\.H53-\d{6}-\d{4}/);

    await page.goto("/transparency?year=2021");
    expect(new URL(page.url()).pathname).toBe("/transparency");
    expect(await page.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(3);
    expect(await figure(page, "received")).toBe("4.492");
    expect(await figure(page, "on_time_rate")).toBe("100%");
    expect(await page.locator("#chart-on-time-figure table tbody tr").count()).toBe(12);
    await page.getByRole("link", { name: "Công khai kết quả", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/transparency" && url.search === "");
    await expect.poll(() => page.getByLabel("Năm", { exact: true }).inputValue()).toBe(String(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear()));
    expectNoPageErrors(errors);
  });
});
