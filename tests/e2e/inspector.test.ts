import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "#db/seed/demo";
import { pdfPages } from "../setup/pdf-text";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";
import { parseCsv } from "./csv";

/*
 * The inspector's whole reach: signed in as thanhtra, from the portal, every same-origin link of the
 * staff pages is followed breadth-first (a bounded number), PDFs and CSV exports downloaded, and no
 * applicant's name, phone or ID number may appear in any of them (in the HTML as sent, page data
 * included); every download must have left a row in the audit log.
 *
 * The audits and management-review pages are being built alongside: a 404 under those two prefixes
 * is tolerated, nowhere else.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MAX_PAGES = 150;
const MAX_DOWNLOADS = 60;
const MAY_BE_MISSING = ["/staff/audits/", "/staff/management-reviews/"];

const APPLICANT = { name: "Sồng A Chứ", phone: "0971234567", idNumber: "014099123456" };
const SENDER = { name: "Mè Thị Xuân", phone: "0388123456", idNumber: "014199765432" };
/** The demo history's ID numbers (db/seed/demo-history.ts): 0140, 8 or 9, seven digits. */
const DEMO_ID_NUMBER = /(?<!\d)0140[89]\d{7}(?!\d)/;
const PHONE_LIKE = /(?<!\d)0\d{9}(?!\d)/g;

interface Secrets {
  names: Set<string>;
  phones: Set<string>;
  idNumbers: Set<string>;
}

/** What of the citizens' data a text gives away. */
function leaks(text: string, secrets: Secrets): string[] {
  const normalised = text.normalize("NFC");
  const found = [...secrets.names].filter((name) => normalised.includes(name));
  for (const match of normalised.matchAll(PHONE_LIKE)) if (secrets.phones.has(match[0])) found.push(match[0]);
  for (const id of secrets.idNumbers) if (normalised.includes(id)) found.push(id);
  const demoId = DEMO_ID_NUMBER.exec(normalised);
  if (demoId) found.push(demoId[0]);
  return found;
}

const isDownload = (url: URL) => /\.(pdf|csv)$/.test(url.pathname) || url.pathname.startsWith("/staff/dashboard/export/");
const mayBeMissing = (url: URL) => MAY_BE_MISSING.some((prefix) => url.pathname.startsWith(prefix));

async function sameOriginLinks(page: Page): Promise<URL[]> {
  const hrefs = await page.$$eval("a[href]", (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(baseURL()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && url.pathname !== "/logout")
    .map((url) => {
      url.hash = "";
      return url;
    });
}

describe("what an inspector can reach", () => {
  const secrets: Secrets = { names: new Set(), phones: new Set(), idNumbers: new Set() };
  let dossierCode = "";

  it("the desk and a citizen leave personal data in records an inspector reads", async () => {
    // A citizen's feedback naming herself, with her numbers.
    const citizen = await openPage(browser);
    await citizen.page.goto("/feedback");
    await citizen.page.getByLabel("Phản ánh", { exact: false }).first().check();
    await citizen.page.getByLabel("Tiêu đề").fill(`${SENDER.name} phản ánh thời gian chờ`);
    await citizen.page.getByLabel("Nội dung", { exact: true }).fill(`Tôi là ${SENDER.name}, số điện thoại 0388 123 456, phải chờ ba giờ ở quầy chứng thực.`);
    await citizen.page.getByLabel("Họ và tên", { exact: true }).fill(SENDER.name);
    await citizen.page.getByLabel("Số điện thoại", { exact: true }).fill(SENDER.phone);
    await citizen.page.getByLabel("Số định danh cá nhân").fill(SENDER.idNumber);
    await citizen.page.getByLabel(/Tôi đồng ý/).check();
    await citizen.page.getByRole("button", { name: "Gửi", exact: true }).click();
    await citizen.page.waitForURL(/\?sent=1/);
    const feedbackCode = (await citizen.page.locator(".tracking-code").innerText()).trim();
    expectNoPageErrors(citizen.errors);

    // A dossier received at the desk.
    const officer = await openPage(browser);
    await logIn(officer.page, "motcua");
    await officer.page.goto("/staff/dossiers/new");
    await Promise.all([officer.page.waitForURL(/procedure=1\.001193/), officer.page.getByLabel("Thủ tục hành chính").selectOption("1.001193")]);
    await officer.page.getByLabel("Họ và tên").fill(APPLICANT.name);
    await officer.page.getByLabel("Số điện thoại", { exact: true }).fill(APPLICANT.phone);
    await officer.page.getByLabel("Số định danh cá nhân (không bắt buộc)").fill(APPLICANT.idNumber);
    await officer.page.getByLabel("Địa chỉ").fill("Bản Nà Sài, xã Mường Sai");
    await officer.page.locator('input[name="documents"]').first().check();
    await Promise.all([
      officer.page.waitForURL(/\/staff\/dossiers\/[^/]+\?received=1/),
      officer.page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click(),
    ]);
    dossierCode = decodeURIComponent(new URL(officer.page.url()).pathname.split("/").at(-1)!);

    // The register as the officer exports it: every applicant's name and phone number.
    // The whole register: longer than the 8 s default on a busy machine.
    const csv = await officer.page.request.get("/staff/dossiers/export.csv", { timeout: 120_000 });
    expect(csv.status()).toBe(200);
    const staffNames = new Set(DEMO_USERS.map((u) => u.displayName.normalize("NFC")));
    for (const row of parseCsv((await csv.text()).replace(/^\uFEFF/, "")).slice(1)) {
      const name = row[3]?.normalize("NFC").trim();
      // A citizen who shares a staff member's name cannot be told apart in a text: staff names are shown.
      // "***": an applicant whose data retention has already erased (nothing left to leak).
      if (name && name !== "***" && !staffNames.has(name)) secrets.names.add(name);
      for (const phone of (row[4] ?? "").replace(/[\s.]/g, "").match(/0\d{9}/g) ?? []) secrets.phones.add(phone);
    }
    expect(secrets.names.size).toBeGreaterThan(100);
    expect(secrets.phones.size).toBeGreaterThan(1000);
    expect(secrets.names.has(APPLICANT.name)).toBe(true);
    expect(secrets.phones.has(APPLICANT.phone)).toBe(true);
    for (const s of [SENDER.name]) secrets.names.add(s);
    for (const s of [SENDER.phone]) secrets.phones.add(s);
    for (const s of [APPLICANT.idNumber, SENDER.idNumber]) secrets.idNumbers.add(s);
    expectNoPageErrors(officer.errors);

    // The quality lead raises a nonconformity from the feedback, and writes one about the dossier.
    const lead = await openPage(browser);
    await logIn(lead.page, "chatluong");
    await lead.page.goto(`/staff/feedback/${feedbackCode}`);
    await Promise.all([
      lead.page.waitForURL(/\/staff\/feedback\/.+\?done=raise_nc/),
      lead.page.getByRole("button", { name: "Tạo sự không phù hợp từ mục này" }).click(),
    ]);
    await lead.page.goto("/staff/nonconformities/new");
    await lead.page.getByLabel("Tóm tắt").fill(`Hồ sơ của ông ${APPLICANT.name} trễ hạn`);
    await lead.page.getByLabel("Nguồn phát hiện").selectOption("late_dossier");
    await lead.page.getByLabel("Quá trình, thủ tục liên quan (mã tài liệu hoặc mã thủ tục)").fill("1.001193");
    await lead.page
      .getByLabel("Mô tả sự không phù hợp")
      .fill(`Hồ sơ ${dossierCode} của ông ${APPLICANT.name} (ĐT ${APPLICANT.phone}, CCCD ${APPLICANT.idNumber}) trả muộn.`);
    await Promise.all([
      lead.page.waitForURL(/\/staff\/nonconformities\/NC-\d{4}-\d{3,}$/),
      lead.page.getByRole("button", { name: "Ghi nhận", exact: true }).click(),
    ]);
    // Staff still read it as written.
    await expect.poll(() => lead.page.locator("main").innerText()).toContain(APPLICANT.name);
    expectNoPageErrors(lead.errors);
  });

  it("the inspector reads every page, PDF and CSV masked, and every download is in the audit log", { timeout: 600_000 }, async () => {
    // The audit log's count of the inspector's downloads before the walk.
    const lead = await openPage(browser);
    await logIn(lead.page, "chatluong");
    await lead.page.goto("/staff/audit-log?entityType=report&action=downloaded");
    const inspectorId = await lead.page.locator('select[name="actor"] option', { hasText: "Lường Văn Sơn" }).getAttribute("value");
    expect(inspectorId).toMatch(/^\d+$/);
    const logged = async () => {
      const ids: string[] = [];
      let total = -1;
      for (let pageNumber = 1; pageNumber <= 20; pageNumber += 1) {
        await lead.page.goto(`/staff/audit-log?entityType=report&action=downloaded&actor=${inspectorId}&page=${pageNumber}`);
        total = Number((await lead.page.locator("main [role=status]").first().innerText()).replace(/\D/g, ""));
        const cells = await lead.page.locator("main tbody tr td:nth-child(3)").allInnerTexts();
        ids.push(...cells.map((c) => c.split("#").at(-1)?.trim() ?? ""));
        if (ids.length >= total || cells.length === 0) break;
      }
      return { total, ids };
    };
    const before = await logged();

    const { page, errors } = await openPage(browser, { allowedStatuses: [404] });
    await logIn(page, "thanhtra");
    const queue: URL[] = [new URL("/staff/inspection", baseURL())];
    const seen = new Set<string>([queue[0]!.href]);
    const visited: string[] = [];
    const downloaded: Array<{ url: string; entityId: string }> = [];
    const missing: string[] = [];
    const problems: string[] = [];

    while (queue.length > 0 && visited.length < MAX_PAGES) {
      const url = queue.shift()!;
      const where = `${url.pathname}${url.search}`;
      if (isDownload(url)) {
        if (downloaded.length >= MAX_DOWNLOADS) continue;
        const response = await page.request.get(where);
        if (response.status() === 404 && mayBeMissing(url)) {
          missing.push(where);
          continue;
        }
        if (response.status() !== 200) {
          problems.push(`${where}: ${response.status()}`);
          continue;
        }
        const body = await response.body();
        const type = response.headers()["content-type"] ?? "";
        const text = type.startsWith("application/pdf") ? pdfPages(body).join("\n") : body.toString("utf8");
        const found = leaks(text, secrets);
        if (found.length) problems.push(`${where} shows ${found.join(", ")}`);
        const entityId = response.headers()["x-verification-code"] ?? /filename="([^"]+)"/.exec(response.headers()["content-disposition"] ?? "")?.[1] ?? "";
        downloaded.push({ url: where, entityId });
        continue;
      }
      const response = await page.goto(where);
      visited.push(where);
      const status = response?.status() ?? 0;
      if (status === 404 && mayBeMissing(url)) {
        missing.push(where);
        continue;
      }
      if (status !== 200) {
        problems.push(`${where}: ${status}`);
        continue;
      }
      // The HTML as sent, the page's data included, then what the page shows.
      const found = leaks(`${(await response?.text()) ?? ""}\n${await page.locator("body").innerText()}`, secrets);
      if (found.length) problems.push(`${where} shows ${found.join(", ")}`);
      // Staff pages are followed; public pages (the same for anyone) are checked, not walked.
      if (!url.pathname.startsWith("/staff")) continue;
      for (const link of await sameOriginLinks(page)) {
        if (seen.has(link.href)) continue;
        seen.add(link.href);
        queue.push(link);
      }
    }

    expect(problems).toEqual([]);
    // The walk reached the records written above, the portal's sections and each kind of download.
    expect(visited).toContain("/staff/inspection");
    expect(visited.length).toBeGreaterThan(20);
    expect(visited.some((v) => v.startsWith("/staff/nonconformities/NC-"))).toBe(true);
    expect(visited.some((v) => v.startsWith("/staff/documents/"))).toBe(true);
    expect(visited.some((v) => v.startsWith("/staff/dashboard"))).toBe(true);
    expect(downloaded.some((d) => d.url.startsWith("/reports/on-time.pdf"))).toBe(true);
    expect(downloaded.some((d) => /^\/staff\/nonconformities\/NC-.+\/request\.pdf$/.test(d.url))).toBe(true);
    expect(downloaded.some((d) => d.url.startsWith("/staff/dashboard/export/"))).toBe(true);
    expect(downloaded.some((d) => /^\/staff\/documents\/.+\/revisions\/\d+\.pdf$/.test(d.url))).toBe(true);
    // The inspector saw the records, masked.
    await page.goto("/staff/nonconformities");
    const register = await page.locator("main").innerText();
    expect(register).toContain("Hồ sơ của ông S*** A*** C*** trễ hạn");
    expect(register).toContain("M*** T*** X*** phản ánh thời gian chờ");
    expect(missing.every((m) => mayBeMissing(new URL(m, baseURL())))).toBe(true);
    expectNoPageErrors(errors);

    // Every download is logged: one row each, under its verification code or file name.
    const after = await logged();
    expect(after.total - before.total).toBe(downloaded.length);
    for (const d of downloaded) expect(after.ids, d.url).toContain(d.entityId);
    expectNoPageErrors(lead.errors);
  });

  it("the portal's report form sends a chosen period on to the PDF, and says why it cannot", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "thanhtra");
    await page.goto("/staff/inspection");
    const year = new Date().getFullYear();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Tải báo cáo (PDF)" }) });
    await form.getByLabel("Kỳ báo cáo").selectOption("quarter");
    await form.getByLabel("Năm").fill(String(year - 1));
    await form.getByLabel("Quý").selectOption("2");
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/reports/on-time.pdf"),
      form.getByRole("button", { name: "Tải báo cáo (PDF)" }).click(),
    ]);
    expect(new URL(response.url()).search).toBe(`?from=${year - 1}-04-01&to=${year - 1}-06-30`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["x-verification-code"]).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    await page.goto("/staff/inspection");
    const again = page.locator("form", { has: page.getByRole("button", { name: "Tải báo cáo (PDF)" }) });
    await again.getByLabel("Kỳ báo cáo").selectOption("year");
    await again.getByLabel("Năm").fill(String(year + 1));
    await Promise.all([page.waitForURL(/onTime\.period=year/), again.getByRole("button", { name: "Tải báo cáo (PDF)" }).click()]);
    await expect.poll(() => again.locator(".field-errors").allInnerTexts()).toEqual(["Kỳ báo cáo chưa bắt đầu."]);
    expectNoPageErrors(errors);
  });
});
