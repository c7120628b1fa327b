import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectNoPageErrors, hydrated, launchBrowser, logIn, openPage } from "./browser";
import { expectFitsWindow, VIEWPORTS } from "./layout";

/*
 * The citizen's own pages on a 390 px phone and a 1280 px desktop (issue 16): the one-box look-up
 * (either code, any case), the feedback tracking page with its deadline and answer date, a dossier
 * waiting for a supplement and a rated one, /transparency's charts and /procedures' rows.
 */

let browser: Browser;
const codes = { supplement: "", rated: "", openItem: "", answeredItem: "" };
const PHONE = "0912 345 678";
const MISSING = ["Bản sao giấy tờ chứng minh nơi cư trú", "Giấy ủy quyền có chứng thực"];

async function intake(page: Page, applicant: string): Promise<string> {
  await page.goto("/staff/dossiers/new");
  await Promise.all([page.waitForURL(/procedure=1\.001193/), page.getByLabel("Thủ tục hành chính").selectOption("1.001193")]);
  await page.getByLabel("Họ và tên").fill(applicant);
  await page.getByLabel("Số điện thoại", { exact: true }).fill(PHONE);
  await page.getByLabel("Địa chỉ").fill("Bản Nà Sài, xã Mường Sai");
  await page.locator('input[name="documents"]').first().check();
  await Promise.all([page.waitForURL(/\/staff\/dossiers\/[^/]+\?received=1/), page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click()]);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
}

/** A desk step posted as its form would post it (the desk's page layout is not under test here). */
async function step(page: Page, code: string, form: Record<string, string>) {
  const response = await page.request.post(`/staff/dossiers/${encodeURIComponent(code)}`, { form, headers: { Origin: baseURL() }, maxRedirects: 0 });
  expect(response.status(), `${form.op} on ${code}`).toBe(302);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await openPage(browser);
  await logIn(page, "motcua");

  codes.supplement = await intake(page, "Cầm Văn Bổ");
  const handler = await page.locator('select[name="handlerUserId"] option:not([value=""])').first().getAttribute("value");
  await step(page, codes.supplement, { op: "assign", handlerUserId: handler! });
  await step(page, codes.supplement, { op: "request_supplement", missingItems: MISSING.join("\n"), reason: "Hồ sơ còn thiếu giấy tờ theo quy định" });

  codes.rated = await intake(page, "Lò Thị Đánh");
  await step(page, codes.rated, { op: "assign", handlerUserId: handler! });
  await step(page, codes.rated, { op: "mark_result_ready" });
  await step(page, codes.rated, { op: "return_result" });
  const rating = await page.request.post("/feedback/rate", {
    form: { code: codes.rated, phoneLast4: "5678", rating: "satisfied" },
    headers: { Origin: baseURL() },
    maxRedirects: 0,
  });
  expect(rating.status()).toBe(302);

  // The demo's one answered item, from the officer's inbox.
  await page.goto("/staff/feedback?state=answered");
  codes.answeredItem = (await page.locator("tbody tr a").first().innerText()).trim();
  await page.context().close();

  const citizen = await openPage(browser);
  await citizen.page.goto("/feedback");
  await citizen.page.getByLabel("Phản ánh", { exact: false }).first().check();
  await citizen.page.getByLabel("Tiêu đề").fill("Chờ lâu ở quầy chứng thực");
  await citizen.page.getByLabel("Nội dung", { exact: true }).fill("Sáng thứ hai phải chờ hơn một giờ.");
  await citizen.page.getByLabel(/Tôi đồng ý/).check();
  await Promise.all([citizen.page.waitForURL(/\/feedback\/[A-Z0-9-]+\?sent=1/), citizen.page.getByRole("button", { name: "Gửi", exact: true }).click()]);
  codes.openItem = (await citizen.page.locator(".tracking-code").innerText()).trim();
  expectNoPageErrors(citizen.errors);
  await citizen.page.context().close();
  for (const [name, code] of Object.entries(codes)) expect(code, name).not.toBe("");
});

afterAll(async () => {
  await browser?.close();
});

async function visit(viewport: { width: number; height: number }) {
  const opened = await openPage(browser);
  await opened.page.setViewportSize(viewport);
  return opened;
}

async function lookUp(page: Page, typed: string) {
  await page.goto("/lookup");
  await page.getByLabel("Mã hồ sơ hoặc mã theo dõi").fill(typed);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/lookup" || url.searchParams.has("code")),
    page.getByRole("button", { name: "Tra cứu" }).click(),
  ]);
}

const DATE = /\d{2}\/\d{2}\/\d{4}/;

describe.each([
  ["phone", VIEWPORTS.phone],
  ["desktop", VIEWPORTS.desktop],
] as const)("the citizen's pages on a %s", (_name, viewport) => {
  it("/lookup takes a tracking code in lower case, without dashes, and opens the item with its answer deadline", async () => {
    const { page, errors } = await visit(viewport);
    await lookUp(page, codes.openItem.replace(/-/g, "").toLowerCase());
    await page.waitForURL(`**/feedback/${codes.openItem}`);
    // The address changes before React commits the page (navigations run in a transition).
    const facts = page.locator("main > dl.facts");
    await expect.poll(() => facts.locator("dt", { hasText: "Hạn trả lời" }).count()).toBe(1);
    expect(await page.getByTestId("citizen-deadline").innerText()).toMatch(DATE);
    expect(await page.getByTestId("answered-at").count()).toBe(0);
    await expectFitsWindow(page);
    // The page the citizen lands on after sending: code and address to keep, on one screen's width.
    await page.goto(`/feedback/${codes.openItem}?sent=1`);
    expect((await page.locator(".tracking-code").innerText()).trim()).toBe(codes.openItem);
    await expectFitsWindow(page);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("an answered item gives its answer date and fits the window", async () => {
    const { page, errors } = await visit(viewport);
    await page.goto(`/feedback/${codes.answeredItem}`);
    expect(await page.locator("main > dl.facts dt", { hasText: "Ngày trả lời" }).count()).toBe(1);
    expect(await page.getByTestId("answered-at").innerText()).toMatch(DATE);
    await expectFitsWindow(page);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("a dossier waiting for a supplement, looked up in lower case: clock stopped since, papers to bring", async () => {
    const { page, errors } = await visit(viewport);
    await lookUp(page, codes.supplement.toLowerCase());
    await expect.poll(() => page.locator("#result-title").innerText()).toBe(codes.supplement);
    expect(await page.getByTestId("clock-stopped").innerText()).toMatch(new RegExp(`^Đang tạm dừng từ ${DATE.source}`));
    expect(await page.locator("#supplement-title").innerText()).toBe("Giấy tờ cần bổ sung");
    expect(await page.getByTestId("missing-items").locator("li").allInnerTexts()).toEqual(MISSING);
    expect(await page.locator("main").innerText()).not.toContain("Cầm Văn Bổ");
    await expectFitsWindow(page);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("a rated dossier says so and offers no rating", async () => {
    const { page, errors } = await visit(viewport);
    await lookUp(page, codes.rated);
    await expect.poll(() => page.getByTestId("rated").innerText()).toBe("Đã đánh giá");
    expect(await page.getByRole("link", { name: "Đánh giá mức độ hài lòng" }).count()).toBe(0);
    await expectFitsWindow(page);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("/transparency: each monthly chart fits its card and shows all twelve months", async () => {
    const { page, errors } = await visit(viewport);
    await page.goto("/transparency");
    await expectFitsWindow(page);
    // Every month's label inside the card, and the drawing no wider than the card (read in one go:
    // the browser redraws the chart once it has measured the card).
    const layout = () =>
      page.locator("#chart-on-time-figure").evaluate((figure) => {
        const card = figure.getBoundingClientRect();
        const svg = figure.querySelector("svg.recharts-surface")!.getBoundingClientRect();
        const ticks = [...figure.querySelectorAll(".recharts-xAxis .chart-tick")].map((tick) => {
          const box = tick.getBoundingClientRect();
          return `${tick.textContent}${box.left >= card.left && box.right <= card.right ? "" : " outside"}`;
        });
        return { svgInside: svg.right <= card.right + 0.5, ticks };
      });
    await expect.poll(layout).toEqual({
      svgInside: true,
      ticks: Array.from({ length: 12 }, (_, i) => expect.stringMatching(new RegExp(`^${String(i + 1).padStart(2, "0")}/\\d{2}$`))),
    });
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("the staff dashboard's charts, the same components, fit their cards and a bar still opens its month", async () => {
    const { page, errors } = await visit(viewport);
    await logIn(page, "chatluong");
    await page.goto("/staff/dashboard?period=year&year=2021");
    await hydrated(page);
    await expectFitsWindow(page);
    const widths = () =>
      page.locator(".chart-figure:has(svg.recharts-surface)").evaluateAll((figures) =>
        figures.map((f) => f.querySelector("svg.recharts-surface")!.getBoundingClientRect().right <= f.getBoundingClientRect().right + 0.5),
      );
    await expect.poll(async () => (await widths()).filter((inside) => !inside).length).toBe(0);
    expect((await widths()).length).toBeGreaterThanOrEqual(4);
    // The bar is drawn at the measured width: a click on March opens March.
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/staff/dossiers" && url.search === "?from=2021-03-01&to=2021-03-31"),
      page.locator("#chart-volume-figure .recharts-bar").first().locator(".recharts-bar-rectangle").nth(2).click(),
    ]);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("/procedures: the procedure's name has the row's width; the page is not a 9,600 px column", async () => {
    const { page, errors } = await visit(viewport);
    await page.goto("/procedures");
    await expectFitsWindow(page);
    const name = (await page.locator("tbody tr td.card-table__title").first().boundingBox())!;
    expect(name.width).toBeGreaterThan(viewport.width < 600 ? 300 : 200);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9000);
    expectNoPageErrors(errors);
    await page.context().close();
  });

  it("/feedback: the four kinds' radios are the same size", async () => {
    const { page, errors } = await visit(viewport);
    await page.goto("/feedback");
    const sizes = await page.locator('input[type="radio"][name="kind"]').evaluateAll((inputs) =>
      inputs.map((i) => {
        const box = i.getBoundingClientRect();
        return `${Math.round(box.width)}x${Math.round(box.height)}`;
      }),
    );
    expect(sizes).toHaveLength(4);
    expect(new Set(sizes).size, sizes.join(", ")).toBe(1);
    await expectFitsWindow(page);
    expectNoPageErrors(errors);
    await page.context().close();
  });
});
