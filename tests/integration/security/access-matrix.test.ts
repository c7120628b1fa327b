import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { ROLES, type Role } from "~/domain/accounts/roles";
import { submitFeedback } from "~/models/feedback.server";
import { recordRisk } from "~/models/risks.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import type * as AuthModule from "~/utils/auth.server";

/*
 * The access-control matrix as data: every staff route × every role and anonymous → what it must
 * answer. It is written here by hand, apart from the code's own lists (STAFF_NAV, ACTING_ROLES),
 * so that a change of who may do what is a change made twice, on purpose. A route file without
 * an entry fails the first test.
 *   get:  who opens the page (others 403, anonymous to the login page)
 *   post: who gets past the action's guard with an empty form (a 400 is fine: they were let in);
 *         absent when the route takes no POST.
 */

/** A risk of the unit: the demo's first, or one recorded here when the demo holds none. */
async function riskCode(db: TestDb["db"], unitId: number): Promise<string> {
  const row = await db.selectFrom("risk").select("code").where("unit_id", "=", unitId).orderBy("code").executeTakeFirst();
  if (row) return row.code;
  const owner = (await db.selectFrom("user").select("id").where("username", "=", "chatluong").executeTakeFirstOrThrow()).id;
  const result = await recordRisk(db, { kind: "user", userId: owner }, unitId, {
    kind: "risk",
    process: "QT-07",
    field: undefined,
    title: "Thử",
    description: "Thử",
    cause: "Thử",
    consequence: "Thử",
    likelihood: 2,
    impact: 2,
    ownerUserId: owner,
    reviewDate: "2026-12-31",
    recordedOn: "2026-11-25",
    nonconformityCode: undefined,
    feedbackCode: undefined,
    treatment: undefined,
    treatmentOwnerUserId: undefined,
    treatmentDue: undefined,
  });
  if (!result.ok) throw new Error("risk fixture refused");
  return result.code;
}

const Q = "quality_lead";
const O = "officer";
const L = "leader";
const A = "auditor";
const I = "inspector";
const D = "admin";
const P = "province_officer";
const ALL = ROLES;

interface Cell {
  path: string;
  get: readonly Role[];
  post?: readonly Role[];
}

// `{code}`-like placeholders are filled from the seeded database (see PARAMS).
const MATRIX: Record<string, Cell> = {
  "staff": { path: "/staff", get: ALL },
  "staff._index": { path: "/staff", get: ALL, post: ALL },
  "staff.account": { path: "/staff/account", get: ALL, post: ALL },
  "staff.api-clients": { path: "/staff/api-clients", get: [D], post: [D] },
  "staff.jobs": { path: "/staff/jobs", get: [D], post: [D] },
  "staff.outbox": { path: "/staff/outbox", get: [Q, D], post: [Q, D] },
  "staff.audit-log": { path: "/staff/audit-log", get: [Q, D] },
  // Inspectors read audits; they never act on one.
  "staff.audits.$code._index": { path: "/staff/audits/{audit}", get: [Q, A, L, I], post: [Q, A, L] },
  "staff.audits.$code.edit": { path: "/staff/audits/{audit}/edit", get: [Q, A], post: [Q, A] },
  "staff.audits.$code.report[.pdf]": { path: "/staff/audits/{audit}/report.pdf", get: [Q, A, L, I] },
  "staff.audits._index": { path: "/staff/audits", get: [Q, A, L, I] },
  "staff.audits.new": { path: "/staff/audits/new", get: [Q, A], post: [Q, A] },
  "staff.calendar": { path: "/staff/calendar", get: [Q, O, L], post: [Q] },
  "staff.checklists.$code": { path: "/staff/checklists/{checklist}", get: [Q, A], post: [Q] },
  "staff.checklists._index": { path: "/staff/checklists", get: [Q, A] },
  "staff.checklists.new": { path: "/staff/checklists/new", get: [Q], post: [Q] },
  "staff.dashboard._index": { path: "/staff/dashboard", get: [Q, L, O, A, I, P] },
  "staff.dashboard.export.$table": { path: "/staff/dashboard/export/figures", get: [Q, L, O, A, I, P] },
  "staff.documents.$code._index": { path: "/staff/documents/{document}", get: [Q, O, L, A, I], post: [Q, O, L, A, I] },
  "staff.documents.$code.compare": { path: "/staff/documents/{document}/compare?a=1&b=1", get: [Q, O, L, A, I] },
  "staff.documents.$code.draft": { path: "/staff/documents/{document}/draft", get: [Q], post: [Q] },
  "staff.documents.$code.revisions.$rev": { path: "/staff/documents/{document}/revisions/1.pdf", get: [Q, O, L, A, I] },
  "staff.documents._index": { path: "/staff/documents", get: [Q, O, L, A, I], post: [Q] },
  "staff.dossiers.$code.slips.$slip": { path: "/staff/dossiers/{dossier}/slips/receipt.pdf", get: [O, L, Q, A] },
  "staff.dossiers.$code": { path: "/staff/dossiers/{dossier}", get: [O, L, Q, A], post: [O, L, Q] },
  "staff.dossiers._index": { path: "/staff/dossiers", get: [O, L, Q, A] },
  "staff.dossiers.export[.csv]": { path: "/staff/dossiers/export.csv", get: [O, L, Q, A] },
  "staff.dossiers.new": { path: "/staff/dossiers/new", get: [O], post: [O] },
  "staff.dossiers.tracking-book[.pdf]": { path: "/staff/dossiers/tracking-book.pdf?from=2025-07-01&to=2025-07-03", get: [O, L, Q, A] },
  "staff.external-documents": { path: "/staff/external-documents", get: [Q, L, A], post: [Q] },
  "staff.feedback.$code": { path: "/staff/feedback/{feedback}", get: [Q, O, L], post: [Q, O, L] },
  "staff.feedback._index": { path: "/staff/feedback", get: [Q, O, L] },
  "staff.feedback.attachments.$id": { path: "/staff/feedback/attachments/{attachment}", get: [Q, O, L] },
  "staff.inspection": { path: "/staff/inspection", get: [I, L, Q, A] },
  "staff.management-reviews.$code._index": { path: "/staff/management-reviews/{review}", get: [L, Q, A, I], post: [Q, L] },
  "staff.management-reviews.$code.input[.pdf]": { path: "/staff/management-reviews/{review}/input.pdf", get: [L, Q, A, I] },
  "staff.management-reviews.$code.record[.pdf]": { path: "/staff/management-reviews/{review}/record.pdf", get: [L, Q, A, I] },
  "staff.management-reviews._index": { path: "/staff/management-reviews", get: [L, Q, A, I] },
  "staff.management-reviews.new": { path: "/staff/management-reviews/new", get: [Q, L], post: [Q, L] },
  "staff.nonconformities.$code.request[.pdf]": { path: "/staff/nonconformities/{nc}/request.pdf", get: [Q, L, A, O, I] },
  "staff.nonconformities.$code": { path: "/staff/nonconformities/{nc}", get: [Q, L, A, O, I], post: [Q, L, A, O, I] },
  "staff.nonconformities._index": { path: "/staff/nonconformities", get: [Q, L, A, O, I] },
  "staff.nonconformities.analysis": { path: "/staff/nonconformities/analysis", get: [Q, L, A, O, I] },
  "staff.nonconformities.new": { path: "/staff/nonconformities/new", get: [Q, A, L], post: [Q, A, L] },
  "staff.objectives": { path: "/staff/objectives", get: [Q, L, A, I] },
  "staff.personal-data": { path: "/staff/personal-data", get: [Q] },
  "staff.province._index": { path: "/staff/province", get: [P] },
  "staff.province.export[.csv]": { path: "/staff/province/export.csv", get: [P] },
  "staff.procedures.$code": { path: "/staff/procedures/{procedure}", get: [Q], post: [Q] },
  "staff.procedures._index": { path: "/staff/procedures", get: [Q, O, L] },
  "staff.rule-sets": { path: "/staff/rule-sets", get: [Q, L, A], post: [Q] },
  // Issue 18: inspectors read the register and the matrix; the quality lead and the leader record risks.
  "staff.risks._index": { path: "/staff/risks", get: [Q, L, A, O, I] },
  "staff.risks.new": { path: "/staff/risks/new", get: [Q, L], post: [Q, L] },
  "staff.risks.$code": { path: "/staff/risks/{risk}", get: [Q, L, A, O, I], post: [Q, L] },
  "staff.competence": { path: "/staff/competence", get: [Q, L, A, I], post: [Q] },
  "staff.actions": { path: "/staff/actions", get: [Q, O, L, A] },
  "staff.procedures.new": { path: "/staff/procedures/new", get: [Q], post: [Q] },
  "staff.units._index": { path: "/staff/units", get: [D] },
  "staff.units.merge": { path: "/staff/units/merge", get: [D], post: [D] },
  "staff.units.new": { path: "/staff/units/new", get: [D], post: [D] },
  "staff.users.$userId": { path: "/staff/users/{user}", get: [D], post: [D] },
  "staff.users._index": { path: "/staff/users", get: [D] },
  "staff.users.new": { path: "/staff/users/new", get: [D], post: [D] },
};

const USERNAMES: Record<Role, string> = { quality_lead: "chatluong", officer: "motcua", leader: "lanhdao", auditor: "danhgia", inspector: "thanhtra", admin: "quantri", province_officer: "sonla" };

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };
const MODULES = import.meta.glob<RouteModule>("../../../app/routes/staff*.{ts,tsx}");
const routeId = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");

let t: TestDb;
let auth: typeof AuthModule;
const cookies: Partial<Record<Role, string>> = {};
const PARAMS: Record<string, string> = {};

beforeAll(async () => {
  t = createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  vi.stubEnv("LOGIN_LIMIT_PER_MINUTE", "1000");
  await seedDemo(t.db, new Date("2026-11-25T03:00:00Z"), { requirePasswordChange: false });
  const unitId = (await t.db.selectFrom("unit").select("id").where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow()).id;
  const { storeUpload } = await import("~/utils/uploads.server");
  const png = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));
  const stored = await storeUpload(png, "png");
  const item = await submitFeedback(
    t.db,
    unitId,
    { kind: "feedback", subject: "Thử", description: "Thử", contact: {}, consent: true, source: "web", sourceAddressHash: null, attachments: [{ ...stored, originalName: "a.png", mime: "image/png" }] },
    (c) => c,
  );
  const first = async <T,>(q: Promise<T | undefined>) => {
    const row = await q;
    if (!row) throw new Error("fixture missing");
    return row;
  };
  PARAMS.feedback = item.code;
  PARAMS.attachment = String((await first(t.db.selectFrom("feedback_attachment").select("id").executeTakeFirst())).id);
  PARAMS.audit = (await first(t.db.selectFrom("internal_audit").select("code").where("state", "=", "approved").executeTakeFirst())).code;
  PARAMS.checklist = (await first(t.db.selectFrom("checklist_template").select("code").executeTakeFirst())).code;
  PARAMS.document = (await first(t.db.selectFrom("document").select("code").executeTakeFirst())).code;
  PARAMS.dossier = (await first(t.db.selectFrom("dossier").select("code").orderBy("id", "desc").executeTakeFirst())).code;
  PARAMS.review = (await first(t.db.selectFrom("management_review").select("code").executeTakeFirst())).code;
  PARAMS.nc = (await first(t.db.selectFrom("nonconformity").select("code").executeTakeFirst())).code;
  PARAMS.procedure = (await first(t.db.selectFrom("procedure").select("code").executeTakeFirst())).code;
  PARAMS.risk = await riskCode(t.db, unitId);
  PARAMS.user = String((await first(t.db.selectFrom("user").select("id").where("username", "=", "motcua").executeTakeFirst())).id);
  auth = await import("~/utils/auth.server");
  let host = 1;
  for (const role of ROLES) {
    const result = await auth.logIn(new Request("http://localhost/login"), { username: USERNAMES[role], password: DEMO_PASSWORD }, `198.51.100.${host++}`);
    if (!result.ok) throw new Error(`login of ${role} failed`);
    cookies[role] = result.setCookie.split(";")[0] ?? "";
  }
}, 120_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

/** The route's params from its file name and the matrix's path. */
function paramsOf(id: string, path: string): Record<string, string> {
  const values = (path.split("?")[0] ?? "").split("/").filter(Boolean).map(decodeURIComponent);
  const idParts = id.replace(/\[\.\w+\]/g, "").split(".").filter((p) => p !== "_index");
  const params: Record<string, string> = {};
  idParts.forEach((part, i) => {
    if (part.startsWith("$")) params[part.slice(1)] = values[i] ?? "";
  });
  return params;
}

async function answer(module: RouteModule, kind: "loader" | "action", id: string, cell: Cell, role: Role | null) {
  const path = cell.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(PARAMS[name] ?? "?"));
  const headers: Record<string, string> = role ? { Cookie: cookies[role]! } : {};
  const request =
    kind === "loader"
      ? new Request(`http://localhost${path}`, { headers })
      : new Request(`http://localhost${path}`, { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
  const fn = module[kind]!;
  let status: number;
  let location: string | null = null;
  try {
    const result = await fn({ request, params: paramsOf(id, path), context: { clientAddress: "127.0.0.1" } });
    if (result instanceof Response) {
      // An unread streamed download would keep its query's database connection to the end of the run.
      await result.body?.cancel();
      status = result.status;
      location = result.headers.get("Location");
    } else {
      const reply = result as { type?: string; init?: ResponseInit | null } | null;
      status = reply?.type === "DataWithResponseInit" ? (reply.init?.status ?? 200) : 200;
    }
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
    location = thrown.headers.get("Location");
  }
  if (status >= 300 && status < 400 && location?.startsWith("/login")) return "login";
  if (status === 403) return "forbidden";
  if (status === 401 || status >= 500) return `error ${status}`;
  // A page let in answers it (a 404 would hide a wrong fixture); an action may refuse the empty form.
  if (kind === "loader" && status >= 400) return `status ${status}`;
  return "allowed";
}

describe("the access-control matrix", () => {
  it("has an entry for every staff route, and no entry for a route that is gone", () => {
    const files = Object.keys(MODULES).map(routeId).sort();
    expect(files.filter((f) => !(f in MATRIX)), "staff routes missing from the matrix").toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !files.includes(k)), "matrix entries without a route").toEqual([]);
  });

  for (const [id, cell] of Object.entries(MATRIX)) {
    it(`${id}: GET${cell.post ? " and POST" : ""} for each role and for anonymous`, { timeout: 120_000 }, async () => {
      const file = Object.keys(MODULES).find((f) => routeId(f) === id)!;
      const module = await MODULES[file]!();
      const observed: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const kind of ["loader", "action"] as const) {
        const allowed = kind === "loader" ? cell.get : cell.post;
        if (!allowed) {
          expect(module.action, `${id} takes POST but the matrix has no post entry`).toBeUndefined();
          continue;
        }
        for (const role of [null, ...ROLES]) {
          const key = `${kind === "loader" ? "GET" : "POST"} ${role ?? "anonymous"}`;
          observed[key] = await answer(module, kind, id, cell, role);
          expected[key] = role === null ? "login" : allowed.includes(role) ? "allowed" : "forbidden";
        }
      }
      expect(observed).toEqual(expected);
    });
  }
});
