import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo";
import { getDueContext, receiveDossier } from "~/models/dossiers.server";
import { submitFeedback } from "~/models/feedback.server";
import { addCorrectiveAction, applyNcStep, insertNcFromFeedback, raiseNonconformity } from "~/models/nonconformities.server";
import { getProcedureByCode } from "~/models/procedures.server";
import { seedReferenceData } from "../models/dossier-fixtures";
import { pdfPages, squashSpaces } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as DashboardCsvRoute from "~/routes/staff.dashboard.export.$table";
import type * as ControlledCopyRoute from "~/routes/staff.documents.$code.revisions.$rev";
import type * as InspectionRoute from "~/routes/staff.inspection";
import type * as NcRoute from "~/routes/staff.nonconformities.$code";
import type * as NcPdfRoute from "~/routes/staff.nonconformities.$code.request[.pdf]";
import type * as NcRegisterRoute from "~/routes/staff.nonconformities._index";
import type * as AuthModule from "~/utils/auth.server";

/*
 * The privacy rule for inspectors, end to end through the loaders: citizens' names, phone and ID
 * numbers are masked wherever an inspector can read a nonconformity (page, register, PDF), other
 * staff still read them, and every PDF or CSV an inspector downloads leaves a row in the audit log.
 */

const vn = (local: string) => new Date(`${local}+07:00`);

const APPLICANT = { name: "Sồng A Chứ", phone: "0971234567", idNumber: "014099123456" };
const SENDER = { name: "Mè Thị Xuân", phone: "0388123456", idNumber: "014199765432" };
// The sender's own words spell their data every way a citizen might (issue 13).
const SENDER_SPELLINGS = ["Me Thi Xuan", "(038) 812-3456", "0388/123/456", "０３８８１２３４５６", "CCCD 0141 9976 5432", "xuan.me@example.vn", "nhà số 12 ngõ 34"];
const SECRETS = [
  APPLICANT.name,
  APPLICANT.phone,
  APPLICANT.idNumber,
  SENDER.name,
  SENDER.phone,
  "0388 123 456",
  SENDER.idNumber,
  "Me Thi",
  "812-3456",
  "0388/123/456",
  "０３８８",
  "9976 5432",
  "xuan.me",
  "12 ngõ 34",
];

let t: TestDb;
let unitId: number;
let thanhtraId: number;
let dossierCode: string;
let dossierNcCode: string;
let feedbackNcCode: string;
let feedbackCode: string;
let auth: typeof AuthModule;
let inspection: typeof InspectionRoute;
let ncPage: typeof NcRoute;
let ncRegister: typeof NcRegisterRoute;
let ncPdf: typeof NcPdfRoute;
let dashboardCsv: typeof DashboardCsvRoute;
let controlledCopy: typeof ControlledCopyRoute;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  thanhtraId = (await t.db.selectFrom("user").select("id").where("username", "=", "thanhtra").executeTakeFirstOrThrow()).id;
  const lead = { kind: "user", userId: seeded.qualityLeadId } as const;
  const procedure = await getProcedureByCode(t.db, unitId, "1.001193");
  if (!procedure) throw new Error("procedure 1.001193 not seeded");
  const receivedAt = vn("2026-03-09T09:00:00");
  const dossier = await receiveDossier(
    t.db,
    lead,
    await getDueContext(t.db, unitId),
    { procedure, applicantName: APPLICANT.name, applicantPhone: APPLICANT.phone, applicantIdNumber: APPLICANT.idNumber, applicantAddress: "Bản Nà Sài", channel: "direct", receivedAt, documents: [] },
    receivedAt,
  );
  dossierCode = dossier.code;
  // Written by staff from a late dossier: the applicant by name and number, the dossier linked.
  const raised = await raiseNonconformity(
    t.db,
    lead,
    unitId,
    {
      source: "late_dossier",
      process: "1.001193",
      isoClause: "8.5.1",
      grade: "minor",
      title: `Hồ sơ của ông ${APPLICANT.name} trễ hạn`,
      description: `Hồ sơ ${dossier.code} của ông ${APPLICANT.name} (ĐT ${APPLICANT.phone}, CCCD ${APPLICANT.idNumber}) trả muộn 2 ngày.`,
      evidence: `Phiếu kiểm soát hồ sơ ${dossier.code}`,
      foundAt: vn("2026-03-20T09:00:00"),
      foundByUserId: seeded.qualityLeadId,
      links: [{ entityType: "dossier", entityId: dossier.id, reason: "Hồ sơ trễ hạn" }],
    },
    vn("2026-03-20T09:00:00"),
  );
  dossierNcCode = raised.code;
  const at = vn("2026-03-21T09:00:00");
  await applyNcStep(t.db, lead, unitId, raised.id, { action: "record_correction", correction: `Đã gọi điện xin lỗi ông ${APPLICANT.name}.` }, at);
  await applyNcStep(t.db, lead, unitId, raised.id, { action: "analyse_cause", method: "five_whys", analysis: [`Vì sao ông ${APPLICANT.name} phải chờ? Chưa chuyển hồ sơ.`], rootCause: "Không theo dõi hạn." }, at);
  await addCorrectiveAction(t.db, lead, unitId, raised.id, { description: `Báo lại cho ông ${APPLICANT.name} qua số ${APPLICANT.phone}`, ownerUserId: seeded.officerId, dueDate: "2026-04-15" }, at);

  const item = await submitFeedback(
    t.db,
    unitId,
    {
      kind: "feedback",
      subject: `${SENDER.name} phản ánh thời gian chờ`,
      description: `Tôi là ${SENDER.name}, số điện thoại 0388 123 456, phải chờ ba giờ ở quầy chứng thực. ${SENDER_SPELLINGS.join(", ")}.`,
      contact: { name: SENDER.name, phone: SENDER.phone, idNumber: SENDER.idNumber, email: "xuan.me@example.vn" },
      consent: true,
      source: "web",
      sourceAddressHash: null,
      attachments: [],
    },
    (code) => `http://localhost/feedback/${code}`,
    vn("2026-04-02T10:00:00"),
  );
  feedbackCode = item.code;
  feedbackNcCode = (await t.db.transaction().execute((trx) => insertNcFromFeedback(trx, lead, unitId, item.id, "manual", vn("2026-04-03T10:00:00")))).code;

  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  auth = await import("~/utils/auth.server");
  inspection = await import("~/routes/staff.inspection");
  ncPage = await import("~/routes/staff.nonconformities.$code");
  ncRegister = await import("~/routes/staff.nonconformities._index");
  ncPdf = await import("~/routes/staff.nonconformities.$code.request[.pdf]");
  dashboardCsv = await import("~/routes/staff.dashboard.export.$table");
  controlledCopy = await import("~/routes/staff.documents.$code.revisions.$rev");
}, 60_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

let nextHost = 1;
const cookies = new Map<string, string>();
async function cookieOf(username: string) {
  const known = cookies.get(username);
  if (known) return known;
  const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${nextHost++}`);
  if (!result.ok) throw new Error(`login of ${username} failed`);
  const cookie = result.setCookie.split(";")[0] ?? "";
  cookies.set(username, cookie);
  return cookie;
}

/** What a loader returned or threw. */
async function run<T>(loader: () => Promise<T>): Promise<T | Response> {
  try {
    return await loader();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function args(username: string, url: string, params: Record<string, string> = {}) {
  return { request: new Request(`http://localhost${url}`, { headers: { Cookie: await cookieOf(username) } }), params, context: { clientAddress: "127.0.0.1" } };
}

const downloads = () =>
  t.db
    .selectFrom("audit_log")
    .select(["entity_id", "actor_user_id", "after_json"])
    .where("entity_type", "=", "report")
    .where("action", "=", "downloaded")
    .orderBy("id")
    .execute();

const expectNoSecrets = (text: string) => {
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
};

describe("a nonconformity read by an inspector", () => {
  it("masks the applicant's name and numbers on the page, and links no dossier the inspector cannot open", async () => {
    const result = await run(async () => ncPage.loader(await args("thanhtra", `/staff/nonconformities/${dossierNcCode}`, { code: dossierNcCode })));
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    const json = JSON.stringify(result);
    expectNoSecrets(json);
    expect(result.nc.title).toBe("Hồ sơ của ông S*** A*** C*** trễ hạn");
    expect(result.nc.description).toBe(`Hồ sơ ${dossierCode} của ông S*** A*** C*** (ĐT 09******67, CCCD 01********56) trả muộn 2 ngày.`);
    expect(result.nc.correction).toBe("Đã gọi điện xin lỗi ông S*** A*** C***.");
    expect(result.nc.analysis).toEqual(["Vì sao ông S*** A*** C*** phải chờ? Chưa chuyển hồ sơ."]);
    expect(result.actions[0]?.description).toBe("Báo lại cho ông S*** A*** C*** qua số 09******67");
    // The dossier's code is no personal data; its page is not the inspector's.
    expect(result.links).toEqual([expect.objectContaining({ label: dossierCode, href: null })]);
    // Staff names stay.
    expect(result.nc.foundByName).toBe("Lò Thị Hoa");
  });

  it("masks the sender of a feedback item in a nonconformity raised from it", async () => {
    const result = await run(async () => ncPage.loader(await args("thanhtra", `/staff/nonconformities/${feedbackNcCode}`, { code: feedbackNcCode })));
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    expectNoSecrets(JSON.stringify(result));
    expect(result.nc.title).toBe("Phản ánh của công dân: M*** T*** X*** phản ánh thời gian chờ");
    expect(result.nc.description).toBe(
      "Tôi là M*** T*** X***, số điện thoại 03******56, phải chờ ba giờ ở quầy chứng thực. " +
        "M*** T*** X***, 03******56, 03******56, 03******56, CCCD 01********32, x***@***, nhà số *** ngõ ***.",
    );
    expect(result.links).toEqual([expect.objectContaining({ label: feedbackCode, href: null })]);
  });

  it("prints the request of the nonconformity raised from feedback masked, every spelling included", async () => {
    const response = await run(async () => ncPdf.loader(await args("thanhtra", `/staff/nonconformities/${feedbackNcCode}/request.pdf`, { code: feedbackNcCode })));
    if (!(response instanceof Response)) throw new Error("a Response");
    expect(response.status).toBe(200);
    const text = squashSpaces(pdfPages(Buffer.from(await response.arrayBuffer())).join("\n"));
    expectNoSecrets(text);
    expect(text).toContain("M*** T*** X***");
  });

  it("masks the register's rows, whole rows included (the page's data, not only what it prints)", async () => {
    const result = await run(async () => ncRegister.loader(await args("thanhtra", "/staff/nonconformities")));
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    expect(result.items).toHaveLength(2);
    expectNoSecrets(JSON.stringify(result));
    expect(result.items.map((i) => i.title).sort()).toEqual(["Hồ sơ của ông S*** A*** C*** trễ hạn", "Phản ánh của công dân: M*** T*** X*** phản ánh thời gian chờ"]);
  });

  it("prints the corrective-action request masked, and logs the download", async () => {
    const before = (await downloads()).length;
    const response = await run(async () => ncPdf.loader(await args("thanhtra", `/staff/nonconformities/${dossierNcCode}/request.pdf`, { code: dossierNcCode })));
    if (!(response instanceof Response)) throw new Error("a Response");
    expect(response.status).toBe(200);
    const text = squashSpaces(pdfPages(Buffer.from(await response.arrayBuffer())).join("\n"));
    expectNoSecrets(text);
    expect(text).toContain("S*** A*** C***");
    expect(text).toContain(dossierCode);
    const rows = await downloads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entity_id: `${dossierNcCode}.pdf`, actor_user_id: thanhtraId });
    expect(JSON.parse(rows.at(-1)?.after_json ?? "{}")).toMatchObject({ kind: "corrective_action_request", nonconformity: dossierNcCode });
  });
});

describe("the same read by other staff", () => {
  it("shows the names and numbers, links the dossier, and logs no download", async () => {
    const page = await run(async () => ncPage.loader(await args("chatluong", `/staff/nonconformities/${dossierNcCode}`, { code: dossierNcCode })));
    if (page instanceof Response) throw new Error(`status ${page.status}`);
    expect(page.nc.description).toContain(`${APPLICANT.name} (ĐT ${APPLICANT.phone}, CCCD ${APPLICANT.idNumber})`);
    expect(page.links).toEqual([expect.objectContaining({ href: `/staff/dossiers/${dossierCode}` })]);
    const before = (await downloads()).length;
    const response = await run(async () => ncPdf.loader(await args("chatluong", `/staff/nonconformities/${dossierNcCode}/request.pdf`, { code: dossierNcCode })));
    if (!(response instanceof Response)) throw new Error("a Response");
    expect(squashSpaces(pdfPages(Buffer.from(await response.arrayBuffer())).join("\n"))).toContain(APPLICANT.name);
    expect(await downloads()).toHaveLength(before);
  });
});

describe("downloads by an inspector", () => {
  it("logs a dashboard table's CSV", async () => {
    const before = (await downloads()).length;
    const response = await run(async () => dashboardCsv.loader(await args("thanhtra", "/staff/dashboard/export/figures?period=year&year=2026", { table: "figures" })));
    if (!(response instanceof Response)) throw new Error("a Response");
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const rows = await downloads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.entity_id).toMatch(/^bang-theo-doi-figures-2026-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(JSON.parse(rows.at(-1)?.after_json ?? "{}")).toMatchObject({ kind: "dashboard_table", table: "figures" });

    const lead = await run(async () => dashboardCsv.loader(await args("lanhdao", "/staff/dashboard/export/figures?period=year&year=2026", { table: "figures" })));
    if (lead instanceof Response) await lead.arrayBuffer();
    expect(await downloads()).toHaveLength(before + 1);
  });

  it("logs a controlled copy of a document", async () => {
    const revision = await t.db
      .selectFrom("document_revision")
      .innerJoin("document", "document.id", "document_revision.document_id")
      .select(["document.code", "document_revision.revision"])
      .where("document.unit_id", "=", unitId)
      .where("document_revision.state", "=", "effective")
      .orderBy("document.code")
      .executeTakeFirstOrThrow();
    const before = (await downloads()).length;
    const url = `/staff/documents/${revision.code}/revisions/${revision.revision}.pdf`;
    const response = await run(async () => controlledCopy.loader(await args("thanhtra", url, { code: revision.code, rev: `${revision.revision}.pdf` })));
    if (!(response instanceof Response)) throw new Error("a Response");
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const rows = await downloads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ entity_id: `${revision.code}-lan-${revision.revision}.pdf`, actor_user_id: thanhtraId });
  });
});

describe("/staff/inspection", () => {
  it("opens for the inspector, masked, on the current year", async () => {
    const result = await run(async () => inspection.loader(await args("thanhtra", "/staff/inspection")));
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    expect(result.masked).toBe(true);
    expect(result.year).toBe(result.currentYear);
    expect(result.yearResult).toBeUndefined();
  });

  it("shows the year asked for; an invalid one is an error and the current year is shown", async () => {
    const asked = await run(async () => inspection.loader(await args("danhgia", "/staff/inspection?year=2026")));
    if (asked instanceof Response) throw new Error(`status ${asked.status}`);
    expect(asked.year).toBe(2026);
    expect(asked.masked).toBe(false);
    expect(asked.nonconformities.total).toBe(2);
    const invalid = await run(async () => inspection.loader(await args("thanhtra", "/staff/inspection?year=abc")));
    if (invalid instanceof Response) throw new Error(`status ${invalid.status}`);
    expect(invalid.year).toBe(invalid.currentYear);
    expect(invalid.yearResult?.error).toEqual({ year: ["error.invalid"] });
  });

  it("sends the on-time report's form on to the PDF, or answers with the form's errors", async () => {
    const sent = await run(async () => inspection.loader(await args("thanhtra", "/staff/inspection?year=2026&onTime.period=quarter&onTime.year=2025&onTime.quarter=2")));
    if (!(sent instanceof Response)) throw new Error("a redirect");
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/reports/on-time.pdf?from=2025-04-01&to=2025-06-30");
    const year = await run(async () => inspection.loader(await args("thanhtra", "/staff/inspection?onTime.period=year&onTime.year=2021")));
    expect(year instanceof Response && year.headers.get("Location")).toBe("/reports/on-time.pdf?year=2021");

    const refused = await run(async () => inspection.loader(await args("thanhtra", "/staff/inspection?year=2026&onTime.period=custom&onTime.from=2026-02-01&onTime.to=2026-01-01")));
    if (refused instanceof Response) throw new Error(`status ${refused.status}`);
    expect(refused.year).toBe(2026);
    expect(refused.downloadResult?.error).toEqual({ "onTime.to": ["error.dateRange"] });
  });

  it("answers 403 to a role without it", async () => {
    const refused = await run(async () => inspection.loader(await args("motcua", "/staff/inspection")));
    expect(refused instanceof Response && refused.status).toBe(403);
  });
});
