import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "#db/seed/demo";
import { pdfPages } from "../setup/pdf-text";
import { baseURL, DEMO_PASSWORD, expectNoPageErrors, hydrated, launchBrowser, logIn, openPage } from "./browser";
import { parseCsv } from "./csv";
import { expectFitsWindow, expectInsideWindowWidth, VIEWPORTS } from "./layout";

/*
 * Issue 14, many communes: the province's quality office (sonla, province_officer) compares the
 * communes for a period chosen with the dashboard's picker; each row reads as that commune's own
 * dashboard for the same period; no page the officer can reach shows a citizen's personal data.
 */

const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


async function shot(page: Page, name: string, fullPage = true) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The figures the comparison shows in a row, by the dashboard figure each column repeats. */
const COMPARED = {
  received: "received",
  onTimeRate: "on_time_rate",
  overdueNow: "overdue_now",
  onlineRate: "online_rate",
  eTransferRate: "e_transfer_rate",
  satisfactionRate: "satisfaction_rate",
} as const;
const COLUMNS = ["rank", "code", "name", "received", "judged", "onTimeRate", "overdueNow", "onlineRate", "eTransferRate", "satisfactionRate", "complaints", "serviceIndexTotal"];

interface Row {
  code: string;
  cells: Record<string, string>;
  href: string;
}

async function comparisonRows(page: Page): Promise<Row[]> {
  const rows = page.locator("main table tbody tr");
  const out: Row[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const texts = (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
    out.push({
      code: (await row.getAttribute("data-unit"))!,
      cells: Object.fromEntries(COLUMNS.map((c, j) => [c, texts[j]!])),
      href: (await row.locator("a", { hasText: "Xem bảng theo dõi" }).getAttribute("href"))!,
    });
  }
  return out;
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .kpi__value`).innerText();
const judgement = (page: Page) => page.locator("main [data-judgement]").getAttribute("data-judgement");

/** Each row's figures equal its commune's dashboard opened from the row's link (the same period). */
async function expectRowsMatchDashboards(page: Page, rows: Row[]) {
  const status = await judgement(page);
  for (const row of rows) {
    await page.goto(row.href);
    expect(await judgement(page), `${row.code}: the same judgement line`).toBe(status);
    const judgedOn = await page.locator('[data-figure="on_time_rate"] .kpi__detail').innerText();
    for (const [column, key] of Object.entries(COMPARED)) {
      expect(await figure(page, key), `${row.code}: ${column}`).toBe(row.cells[column]);
    }
    expect(judgedOn, `${row.code}: judged`).toContain(`trên ${row.cells.judged} hồ sơ`);
  }
}

describe("the province's comparison of communes", () => {
  it("the province officer picks a period and each commune's row reads as its own dashboard", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "sonla");
    await page.getByRole("link", { name: "Các xã trong tỉnh" }).first().click();
    await page.waitForURL((url) => url.pathname === "/staff/province");
    // By default the running year: partial figures, judged now.
    expect(await judgement(page)).toBe("current");
    expect((await comparisonRows(page)).map((r) => r.code).length).toBe(3);

    // The picker (with JavaScript): the year 2024.
    await hydrated(page);
    await page.getByLabel("Kỳ báo cáo").selectOption("year");
    await page.getByLabel("Năm", { exact: true }).fill("2024");
    await Promise.all([page.waitForURL(/period=year&year=2024/), page.getByRole("button", { name: "Xem", exact: true }).click()]);
    await expect.poll(() => judgement(page)).toBe("past");
    const past = await comparisonRows(page);
    expect(past).toHaveLength(3);
    expect(past.map((r) => r.cells.rank)).toEqual(["1", "2", "3"]);
    for (const row of past) {
      expect(Number(row.cells.received!.replace(/\./g, "")), `${row.code} received in 2024`).toBeGreaterThan(0);
      expect(row.cells.onTimeRate).toMatch(/%$/);
      expect(row.href).toMatch(/^\/staff\/dashboard\?period=year&year=2024&unit=\d+$/);
    }
    await expectRowsMatchDashboards(page, past);

    // The current month (partial) and a future quarter ("not yet": nothing judged, nothing overdue).
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    await page.goto(`/staff/province?period=month&year=${year}&month=${month}`);
    expect(await judgement(page)).toBe("current");
    await expectRowsMatchDashboards(page, await comparisonRows(page));
    await page.goto(`/staff/province?period=quarter&year=${year + 1}&quarter=1`);
    expect(await judgement(page)).toBe("future");
    const future = await comparisonRows(page);
    for (const row of future) {
      expect([row.cells.received, row.cells.onTimeRate, row.cells.overdueNow], row.code).toEqual(["0", "—", "—"]);
    }
    await expectRowsMatchDashboards(page, future);
    expectNoPageErrors(errors);
  });

  it("the picker works without JavaScript, and a bad period is refused beside its field in words", async () => {
    const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Tên đăng nhập").fill("sonla");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Đăng nhập" }).click()]);
    await page.goto("/staff/province");
    await page.getByLabel("Kỳ báo cáo").selectOption("quarter");
    await page.getByLabel("Năm", { exact: true }).fill("2025");
    await page.getByLabel("Quý", { exact: true }).selectOption("3");
    await Promise.all([page.waitForURL(/period=quarter/), page.getByRole("button", { name: "Xem", exact: true }).click()]);
    const url = new URL(page.url());
    expect([url.searchParams.get("year"), url.searchParams.get("quarter")]).toEqual(["2025", "3"]);
    expect(await page.locator("main [role=status]").first().innerText()).toContain("01/07/2025");
    expect(await page.locator("main table tbody tr").count()).toBe(3);

    // A range that ends before it begins, and a month that does not exist: a translated error, not a 500.
    const response = await page.goto("/staff/province?period=custom&from=2025-05-01&to=2025-04-01");
    expect(response?.status()).toBe(200);
    const toField = page.locator(".field", { has: page.getByLabel("Đến ngày") });
    expect(await toField.locator(".field-errors").innerText()).toBe("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
    expect(await page.locator("main table tbody tr").count()).toBe(3);
    const badMonth = await page.goto("/staff/province?period=month&year=2025&month=13");
    expect(badMonth?.status()).toBe(200);
    const monthField = page.locator(".field", { has: page.getByLabel("Tháng", { exact: true }) });
    expect((await monthField.locator(".field-errors").innerText()).trim()).not.toBe("");
    expect(await monthField.locator(".field-errors").innerText()).not.toMatch(/error\.|invalid/i);
    await context.close();
  });

  it("never shows the province officer a citizen's name or phone number", { timeout: 300_000 }, async () => {
    // What the desk knows of the applicants: the register as the commune's officer exports it.
    const officer = await openPage(browser);
    await logIn(officer.page, "motcua");
    const csv = await officer.page.request.get("/staff/dossiers/export.csv", { timeout: 120_000 });
    expect(csv.status()).toBe(200);
    const staffNames = new Set(DEMO_USERS.map((u) => u.displayName.normalize("NFC")));
    const names = new Set<string>();
    const phones = new Set<string>();
    for (const row of parseCsv((await csv.text()).replace(/^\uFEFF/, "")).slice(1)) {
      const name = row[3]?.normalize("NFC").trim();
      // "***": erased by retention; a citizen who shares a staff member's name cannot be told apart.
      if (name && name !== "***" && !staffNames.has(name)) names.add(name);
      for (const phone of (row[4] ?? "").replace(/[\s.]/g, "").match(/0\d{9}/g) ?? []) phones.add(phone);
    }
    expect(names.size).toBeGreaterThan(100);
    expect(phones.size).toBeGreaterThan(1000);
    const leaks = (text: string) => {
      const t = text.normalize("NFC");
      return [...[...names].filter((n) => t.includes(n)), ...[...t.matchAll(/(?<!\d)0\d{9}(?!\d)/g)].map((m) => m[0]).filter((p) => phones.has(p))];
    };

    // Every page and download the province officer can reach from the comparison (bounded walk).
    const { page, errors } = await openPage(browser);
    await logIn(page, "sonla");
    const origin = new URL(baseURL()).origin;
    const queue = ["/staff/province?period=year&year=2024", "/staff/province", "/staff"];
    const seen = new Set(queue);
    const visited: string[] = [];
    const problems: string[] = [];
    while (queue.length > 0 && visited.length < 60) {
      const where = queue.shift()!;
      visited.push(where);
      const download = /\.csv(\?|$)|\.pdf(\?|$)|\/export\//.test(where);
      const response = download ? await page.request.get(where) : await page.goto(where);
      const status = response?.status() ?? 0;
      if (status !== 200) {
        problems.push(`${where}: ${status}`);
        continue;
      }
      const body = download ? await response!.body() : null;
      const text = body
        ? (response!.headers()["content-type"] ?? "").startsWith("application/pdf")
          ? pdfPages(body).join("\n")
          : body.toString("utf8")
        : `${await response!.text()}\n${await page.locator("body").innerText()}`;
      const found = leaks(text);
      if (found.length) problems.push(`${where} shows ${found.slice(0, 3).join(", ")}`);
      if (download) continue;
      const hrefs = await page.$$eval("main a[href]", (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== origin || !/^\/(staff|reports)\//.test(`${url.pathname}/`) || url.pathname === "/logout") continue;
        const path = `${url.pathname}${url.search}`;
        if (seen.has(path)) continue;
        seen.add(path);
        queue.push(path);
      }
    }
    expect(problems).toEqual([]);
    expect(visited.length).toBeGreaterThan(15);
    expect(visited.some((v) => v.startsWith("/staff/dashboard?"))).toBe(true);
    expect(visited.some((v) => v.startsWith("/staff/province/export.csv"))).toBe(true);
    expect(visited.some((v) => v.startsWith("/reports/on-time.pdf"))).toBe(true);
    // The register and a dossier's page are closed to the province officer.
    const { page: denied } = await openPage(browser, { allowedStatuses: [403] });
    await logIn(denied, "sonla");
    for (const path of ["/staff/dossiers", "/staff/dossiers/export.csv", "/staff/feedback"]) {
      expect((await denied.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    }
    expectNoPageErrors(errors);
    expectNoPageErrors(officer.errors);
  });

  it.each([
    ["office laptop", VIEWPORTS.officeLaptop],
    ["phone", VIEWPORTS.phone],
  ])("fits the %s window", async (name, viewport) => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize(viewport);
    await logIn(page, "sonla");
    await page.goto("/staff/province?period=year&year=2024");
    await expectFitsWindow(page);
    await shot(page, `province-${viewport.width}x${viewport.height}`);
    // The table scrolls inside its own box on a phone; the picker and the heading stay inside the window.
    const box = await page.locator("main form").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 1);
    // Each commune's figures and its dashboard link are read without scrolling the table sideways
    // (on a phone each row is a card).
    await expectInsideWindowWidth(page, 'main table tbody tr:last-child [data-label="Điểm Bộ chỉ số (QĐ 766)"]');
    await expectInsideWindowWidth(page, "main table tbody tr:last-child a");
    // On the office laptop every column, the dashboard links included, shows without scrolling the table.
    const table = await page.locator("main .table-scroll").evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(table.scroll, "the comparison table needs no sideways scrolling").toBeLessThanOrEqual(table.client + 1);
    await page.goto(`/staff/dashboard?period=year&year=2024&unit=${new URL((await page.locator("main table tbody tr a").first().getAttribute("href"))!, baseURL()).searchParams.get("unit")}`);
    await expectFitsWindow(page);
    await shot(page, `province-dashboard-${viewport.width}x${viewport.height}`, false);
    expect(name).toBeTruthy();
    expectNoPageErrors(errors);
  });
});
