import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, openPage } from "./browser";
import { VIEWPORTS } from "./layout";

/*
 * Issue 16: every public page and the main staff pages, in both languages, at desktop and phone
 * sizes, checked by axe-core against WCAG 2.1 A and AA: no serious or critical violation.
 * One browser, one signed-in context per role for the whole file (the language cookie and the
 * window size change between the groups), one test per page.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

type Role = "citizen" | "officer" | "lead" | "leader" | "inspector";
const USERNAMES: Record<Exclude<Role, "citizen">, string> = {
  officer: "motcua",
  lead: "chatluong",
  leader: "lanhdao",
  inspector: "thanhtra",
};

let browser: Browser;
const pages = {} as Record<Role, { page: Page; errors: string[] }>;
const codes = { procedure: "1.001193", dossier: "", feedback: "", document: "QT-07" };

beforeAll(async () => {
  browser = await launchBrowser();
  pages.citizen = await openPage(browser, { allowedStatuses: [404] });
  for (const [role, username] of Object.entries(USERNAMES)) {
    const opened = await openPage(browser);
    await logIn(opened.page, username);
    pages[role as Role] = opened;
  }
  const { page: officer } = pages.officer;
  await officer.goto("/staff/dossiers");
  codes.dossier = decodeURIComponent(new URL(await officer.locator("tbody tr a[href*='/staff/dossiers/']").first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname.split("/").at(-1)!);
  // The demo's one answered item: its public page shows the answer too.
  await officer.goto("/staff/feedback?state=answered");
  codes.feedback = (await officer.locator("tbody tr a").first().innerText()).trim();
  for (const [name, code] of Object.entries(codes)) expect(code, name).not.toBe("");
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

/** What each role is checked on; paths are functions because the codes come from the demo in beforeAll. */
const CHECKED: Array<[Role, string, () => string]> = [
  ["citizen", "home", () => "/"],
  ["citizen", "procedures", () => "/procedures"],
  ["citizen", "a procedure", () => `/procedures/${codes.procedure}`],
  ["citizen", "look-up", () => "/lookup"],
  ["citizen", "a dossier looked up", () => `/lookup?code=${encodeURIComponent(codes.dossier)}`],
  ["citizen", "feedback form", () => "/feedback"],
  ["citizen", "a feedback item's tracking page", () => `/feedback/${codes.feedback}`],
  ["citizen", "rating form", () => "/feedback/rate"],
  ["citizen", "transparency", () => "/transparency"],
  ["citizen", "verify", () => "/verify"],
  ["citizen", "sign-in", () => "/login"],
  ["citizen", "not found", () => "/no-such-page"],
  ["officer", "work page", () => "/staff"],
  ["officer", "dossier book", () => "/staff/dossiers"],
  ["officer", "intake", () => `/staff/dossiers/new?procedure=${codes.procedure}`],
  ["officer", "a dossier", () => `/staff/dossiers/${encodeURIComponent(codes.dossier)}`],
  ["lead", "dashboard", () => "/staff/dashboard"],
  ["lead", "feedback inbox", () => "/staff/feedback"],
  ["lead", "a feedback item", () => `/staff/feedback/${codes.feedback}`],
  ["lead", "nonconformities", () => "/staff/nonconformities"],
  ["lead", "documents", () => "/staff/documents"],
  ["lead", "a document", () => `/staff/documents/${codes.document}`],
  ["lead", "audits", () => "/staff/audits"],
  ["lead", "risks", () => "/staff/risks"],
  ["lead", "competence", () => "/staff/competence"],
  ["lead", "actions", () => "/staff/actions"],
  ["lead", "audit log", () => "/staff/audit-log"],
  ["leader", "work page", () => "/staff"],
  ["inspector", "work page", () => "/staff"],
  ["inspector", "inspection portal", () => "/staff/inspection"],
  ["inspector", "dashboard", () => "/staff/dashboard"],
];

function describeViolation(violation: Result, where: string): string[] {
  return violation.nodes.map((node) => `${violation.impact} ${violation.id} at ${node.target.join(" ")} on ${where}: ${violation.help}`);
}

async function blockingViolations(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself (the app has no frames) rather than in an extra page per run.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? "")).flatMap((v) => describeViolation(v, where));
}

describe.each([
  ["vi", "desktop", VIEWPORTS.desktop],
  ["vi", "phone", VIEWPORTS.phone],
  ["en", "desktop", VIEWPORTS.desktop],
  ["en", "phone", VIEWPORTS.phone],
] as const)("accessibility in %s on a %s", (language, _size, viewport) => {
  beforeAll(async () => {
    for (const { page } of Object.values(pages)) {
      await page.context().addCookies([{ name: "lang", value: encodeURIComponent(btoa(JSON.stringify(language))), url: baseURL() }]);
      await page.setViewportSize(viewport);
    }
  });

  it.each(CHECKED)("%s: %s has no serious or critical violation", async (role, _name, path) => {
    const { page, errors } = pages[role];
    errors.length = 0;
    const where = `${path()} (${role}, ${language}, ${viewport.width}×${viewport.height})`;
    await page.goto(path());
    expect(await page.getAttribute("html", "lang"), where).toBe(language);
    const violations = await blockingViolations(page, where);
    expect(violations, `axe found serious or critical violations:\n${violations.join("\n")}`).toEqual([]);
    expect(errors, where).toEqual([]);
  });
});
