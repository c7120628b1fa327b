import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "#db/seed/demo";
import { DEMO_REVIEW } from "#db/seed/management-review-demo";
import { formatNumber } from "#reports/toolkit";
import { makePeriod } from "~/domain/metrics/period";
import { computeTotals } from "~/models/metrics.server";
import { businessDateOf } from "~/utils/clock";
import { pdfPages } from "../../setup/pdf-text";
import { createTestDb, type TestDb } from "../../setup/test-db";
// Types only: the modules are loaded once DATABASE_URL points at the test database.
import type * as DetailRoute from "~/routes/staff.management-reviews.$code._index";
import type * as InputRoute from "~/routes/staff.management-reviews.$code.input[.pdf]";
import type * as RecordRoute from "~/routes/staff.management-reviews.$code.record[.pdf]";
import type * as ListRoute from "~/routes/staff.management-reviews._index";
import type * as NewRoute from "~/routes/staff.management-reviews.new";
import type * as AuthModule from "~/utils/auth.server";

const SEED_NOW = new Date("2026-11-25T03:00:00Z");
const DEMO_CODE = "XXLD-2025-01";

let t: TestDb;
let unitId: number;
let auth: typeof AuthModule;
let list: typeof ListRoute;
let create: typeof NewRoute;
let detail: typeof DetailRoute;
let input: typeof InputRoute;
let record: typeof RecordRoute;
const userIds: Record<string, number> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = createTestDb();
  await seedDemo(t.db, SEED_NOW, { requirePasswordChange: false });
  unitId = (await t.db.selectFrom("unit").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  for (const u of await t.db.selectFrom("user").select(["id", "username"]).execute()) userIds[u.username] = u.id;
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("SESSION_SECRET", randomBytes(32).toString("hex"));
  auth = await import("~/utils/auth.server");
  list = await import("~/routes/staff.management-reviews._index");
  create = await import("~/routes/staff.management-reviews.new");
  detail = await import("~/routes/staff.management-reviews.$code._index");
  input = await import("~/routes/staff.management-reviews.$code.input[.pdf]");
  record = await import("~/routes/staff.management-reviews.$code.record[.pdf]");
  let host = 1;
  for (const username of ["chatluong", "motcua", "lanhdao", "danhgia", "thanhtra", "quantri"]) {
    const result = await auth.logIn(new Request("http://localhost/login"), { username, password: DEMO_PASSWORD }, `198.51.100.${host++}`);
    if (!result.ok) throw new Error(`login of ${username} failed`);
    cookies[username] = result.setCookie.split(";")[0] ?? "";
  }
}, 90_000);

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  await getDb().destroy();
  vi.unstubAllEnvs();
  await t.cleanup();
});

/** What a loader or action returned or threw. */
async function outcome<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const args = (url: string, username: string, params: Record<string, string> = {}, init: RequestInit = {}) => ({
  request: new Request(`http://localhost${url}`, { ...init, headers: { Cookie: cookies[username] ?? "" } }),
  params,
  context: { clientAddress: "127.0.0.1" },
});

const statusOf = (result: unknown) => (result instanceof Response ? result.status : 200);

async function pdf(route: typeof InputRoute | typeof RecordRoute, code: string, username: string) {
  const kind = route === input ? "input" : "record";
  const response = await outcome(() => route.loader(args(`/staff/management-reviews/${code}/${kind}.pdf`, username, { code })));
  if (!(response instanceof Response)) throw new Error("a PDF route answers with a Response");
  return { response, bytes: response.ok ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0), code: response.headers.get("X-Verification-Code") ?? "" };
}

interface Outcome {
  status: number;
  location: string | null;
  errors: Record<string, string[] | null>;
}

async function post(code: string, username: string, fields: Record<string, string>): Promise<Outcome> {
  const body = new URLSearchParams(fields);
  const result: unknown = await outcome(() => detail.action(args(`/staff/management-reviews/${code}`, username, { code }, { method: "POST", body })));
  return read(result);
}

function read(result: unknown): Outcome {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), errors: {} };
  const reply = result as { data: { error?: Record<string, string[] | null> } | null; init: ResponseInit | null };
  return { status: reply.init?.status ?? 200, location: null, errors: reply.data?.error ?? {} };
}

const words = (bytes: Buffer) => pdfPages(bytes).join("\n").replace(/\s+/g, " ");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const downloads = (code: string) =>
  t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "report").where("action", "=", "downloaded").where("entity_id", "=", code).execute();

describe("the demo's 2025 review", () => {
  it("is recorded by the chair with its decisions, and listed", async () => {
    const review = await t.db.selectFrom("management_review").selectAll().where("code", "=", DEMO_CODE).executeTakeFirstOrThrow();
    expect(review).toMatchObject({
      unit_id: unitId,
      state: "recorded",
      period_from: "2025-01-01",
      period_to: "2025-12-31",
      meeting_date: DEMO_REVIEW.meetingDate,
      chair_user_id: userIds.lanhdao,
      recorded_by_user_id: userIds.lanhdao,
      created_by_user_id: userIds.chatluong,
      secretary_name: "Lò Thị Hoa",
    });
    expect(await t.db.selectFrom("management_review_decision").select("category").where("review_id", "=", review.id).execute()).toHaveLength(4);
    const listed = await list.loader(args("/staff/management-reviews", "thanhtra"));
    expect(listed.reviews.map((r) => [r.code, r.state, r.chair_name])).toContainEqual([DEMO_CODE, "recorded", "Quàng Văn Minh"]);
    expect(listed.canPlan).toBe(false);
  });

  it("serves the stored record byte for byte, with its verification code", async () => {
    const stored = await t.db
      .selectFrom("issued_document")
      .innerJoin("management_review", "management_review.record_document_id", "issued_document.id")
      .select(["issued_document.verification_code", "issued_document.sha256", "issued_document.pdf", "issued_document.kind", "issued_document.variant"])
      .where("management_review.code", "=", DEMO_CODE)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: "management_review_record", variant: "record" });
    const { response, bytes, code } = await pdf(record, DEMO_CODE, "lanhdao");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="xem-xet-lanh-dao-${DEMO_CODE}-bien-ban.pdf"`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(code).toBe(stored.verification_code);
    expect(bytes.equals(Buffer.from(stored.pdf!))).toBe(true);
    expect(sha256(bytes)).toBe(stored.sha256);
    // A second download is the same bytes: the record is never issued again.
    expect((await pdf(record, DEMO_CODE, "chatluong")).bytes.equals(bytes)).toBe(true);
    expect(await downloads(code)).toEqual([]);

    const text = words(bytes);
    expect(text).toContain("BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO");
    expect(text).toContain(`Số: ${DEMO_CODE}`);
    expect(text).toContain("Quàng Văn Minh");
    expect(text).toContain("IV. QUYẾT ĐỊNH VÀ HÀNH ĐỘNG");
    expect(text).toContain(`Mã xác minh: ${code}`);
  });

  it("logs every download of the record by an inspector", async () => {
    const first = await pdf(record, DEMO_CODE, "thanhtra");
    await pdf(record, DEMO_CODE, "thanhtra");
    expect(first.response.status).toBe(200);
    const rows = await downloads(first.code);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_user_id: userIds.thanhtra, unit_id: unitId });
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ kind: "management_review_record", variant: "record", sha256: sha256(first.bytes) });
  });

  it("issues the input report with the period's figures, recorded with its hash and without citizens' data", async () => {
    const { response, bytes, code } = await pdf(input, DEMO_CODE, "chatluong");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="xem-xet-lanh-dao-${DEMO_CODE}-dau-vao.pdf"`);
    const issued = await t.db.selectFrom("issued_document").selectAll().where("verification_code", "=", code).executeTakeFirstOrThrow();
    expect(issued).toMatchObject({ kind: "management_review_input", variant: "full", issued_by_user_id: userIds.chatluong, issued_by_label: "Lò Thị Hoa", pdf: null, sha256: sha256(bytes) });
    expect(JSON.parse(issued.parameters_json)).toEqual({ review: DEMO_CODE, from: "2025-01-01", to: "2025-12-31" });

    const text = words(bytes);
    expect(text).toContain("BÁO CÁO ĐẦU VÀO XEM XÉT CỦA LÃNH ĐẠO");
    expect(text).toContain("1. Tình trạng các hành động từ lần xem xét trước");
    expect(text).toContain("4. Kết quả thực hiện các quá trình");
    expect(text).toContain("7. Kết quả đánh giá nội bộ");
    // A recorded review prints the inputs frozen when it was recorded (migration 0026): the window ends that day.
    const recorded = await t.db.selectFrom("management_review").select(["recorded_at", "inputs_json"]).where("code", "=", DEMO_CODE).executeTakeFirstOrThrow();
    const frozen = JSON.parse(recorded.inputs_json!) as { window: { from: string; to: string } };
    expect(frozen.window.to).toBe(businessDateOf(new Date(recorded.recorded_at!)));
    const totals = await computeTotals(t.db, unitId, makePeriod(frozen.window.from, frozen.window.to), new Date(recorded.recorded_at!));
    expect(totals.received).toBeGreaterThan(4000);
    expect(text).toContain(`Trong kỳ tiếp nhận ${formatNumber(totals.received, "vi")} hồ sơ`);
    expect(text).toContain("chính quyền địa phương hai cấp");
    expect(text).toContain(`Mã xác minh: ${code}`);
    const applicants = await t.db.selectFrom("dossier").select("applicant_name").where("unit_id", "=", unitId).where("received_date", ">=", "2025-01-01").where("received_date", "<=", "2025-12-31").limit(300).execute();
    // Staff names are printed (competence gaps, §7.2); a demo citizen who shares a staff member's name does not count.
    const staff = new Set((await t.db.selectFrom("user").select("display_name").execute()).map((u) => u.display_name));
    expect(applicants.filter((a) => !staff.has(a.applicant_name) && text.includes(a.applicant_name))).toEqual([]);
    expect(await downloads(code)).toEqual([]);
  });

  it("logs an inspector's download of the input report", async () => {
    const { response, code } = await pdf(input, DEMO_CODE, "thanhtra");
    expect(response.status).toBe(200);
    const rows = await downloads(code);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_user_id).toBe(userIds.thanhtra);
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ kind: "management_review_input", variant: "full" });
  });
});

describe("who may open what", () => {
  it.each(["motcua", "quantri"])("turns %s away from every page and PDF", async (username) => {
    expect(statusOf(await outcome(() => list.loader(args("/staff/management-reviews", username))))).toBe(403);
    expect(statusOf(await outcome(() => detail.loader(args(`/staff/management-reviews/${DEMO_CODE}`, username, { code: DEMO_CODE }))))).toBe(403);
    expect((await pdf(input, DEMO_CODE, username)).response.status).toBe(403);
    expect((await pdf(record, DEMO_CODE, username)).response.status).toBe(403);
  });

  it.each(["danhgia", "thanhtra"])("lets %s read but change nothing", async (username) => {
    const page = await detail.loader(args(`/staff/management-reviews/${DEMO_CODE}`, username, { code: DEMO_CODE }));
    expect(page.review.code).toBe(DEMO_CODE);
    expect(page.canEdit).toBe(false);
    expect(page.canRecord).toBe(false);
    expect(statusOf(await outcome(() => create.loader(args("/staff/management-reviews/new", username))))).toBe(403);
    expect((await post(DEMO_CODE, username, { intent: "record" })).status).toBe(403);
  });

  it("answers 404 for a review that does not exist or a malformed code", async () => {
    for (const code of ["XXLD-2099-01", "abc"]) {
      expect(statusOf(await outcome(() => detail.loader(args(`/staff/management-reviews/${code}`, "chatluong", { code }))))).toBe(404);
      expect((await pdf(input, code, "chatluong")).response.status).toBe(404);
    }
  });
});

describe("a review from plan to record, through the pages", () => {
  const today = businessDateOf(new Date());
  const year = today.slice(0, 4);
  let code = "";

  it("is planned by the quality lead, with a leader as chair", async () => {
    const form = { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, meetingDate: today, location: "Phòng họp UBND xã", attendees: "Quàng Văn Minh\nLò Thị Hoa" };
    const refused = read(await outcome(() => create.action(args("/staff/management-reviews/new", "chatluong", {}, { method: "POST", body: new URLSearchParams({ ...form, chairUserId: String(userIds.motcua) }) }))));
    expect(refused).toMatchObject({ status: 400, errors: { chairUserId: ["review.error.chairNotLeader"] } });
    const created = read(await outcome(() => create.action(args("/staff/management-reviews/new", "chatluong", {}, { method: "POST", body: new URLSearchParams({ ...form, chairUserId: String(userIds.lanhdao) }) }))));
    expect(created.status).toBe(302);
    code = created.location?.split("/").at(-1) ?? "";
    expect(code).toMatch(new RegExp(`^XXLD-${year}-\\d{2}$`));
  });

  it("shows the inputs, with the 2025 review's decisions as previous actions", async () => {
    const page = await detail.loader(args(`/staff/management-reviews/${code}`, "chatluong", { code }));
    expect(page.canEdit).toBe(true);
    expect(page.canRecord).toBe(false);
    expect(page.inputs.previousActions.map((a) => a.reviewCode)).toEqual([DEMO_CODE, DEMO_CODE, DEMO_CODE, DEMO_CODE]);
    expect(page.inputs.previousActions.every((a) => a.ownerName && a.dueDate)).toBe(true);
    expect(page.inputs.changes.revisions.map((r) => r.code)).toContain("QT-05");
    expect((await pdf(record, code, "chatluong")).response.status).toBe(404);
  });

  it("takes notes and decisions, and only a leader records", async () => {
    expect((await post(code, "chatluong", { intent: "save_notes", attendees: "Quàng Văn Minh", conclusions: "Hệ thống có hiệu lực." })).status).toBe(302);
    const noOwner = await post(code, "chatluong", { intent: "add_decision", category: "improvement", description: "Tập huấn", ownerUserId: "", dueDate: `${Number(year) + 1}-03-31` });
    expect(noOwner).toMatchObject({ status: 400, errors: { ownerUserId: ["error.required"] } });
    const added = await post(code, "lanhdao", { intent: "add_decision", category: "resources", description: "Mua máy quét", ownerUserId: String(userIds.motcua), dueDate: `${Number(year) + 1}-03-31` });
    expect(added.status).toBe(302);
    expect(await post(code, "chatluong", { intent: "record", secretaryName: "Lò Thị Hoa" })).toMatchObject({ status: 400, errors: { "": ["review.error.notLeader"] } });
    // The secretary is asked for beside its field: missing, blank or too long is refused and records nothing.
    expect(await post(code, "lanhdao", { intent: "record" })).toMatchObject({ status: 400, errors: { secretaryName: ["error.required"] } });
    expect(await post(code, "lanhdao", { intent: "record", secretaryName: "   " })).toMatchObject({ status: 400, errors: { secretaryName: ["error.required"] } });
    expect(await post(code, "lanhdao", { intent: "record", secretaryName: "L".repeat(121) })).toMatchObject({ status: 400, errors: { secretaryName: ["error.tooLong"] } });
    expect((await t.db.selectFrom("management_review").select("state").where("code", "=", code).executeTakeFirstOrThrow()).state).toBe("draft");
    expect(await post(code, "lanhdao", { intent: "record", secretaryName: "  Điêu Thị Xuân  " })).toMatchObject({ status: 302, location: `/staff/management-reviews/${code}?done=record` });

    const review = await t.db.selectFrom("management_review").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(review).toMatchObject({ state: "recorded", recorded_by_user_id: userIds.lanhdao, conclusions: "Hệ thống có hiệu lực.", secretary_name: "Điêu Thị Xuân" });
    const recordedRow = await t.db.selectFrom("audit_log").select("after_json").where("entity_type", "=", "management_review").where("entity_id", "=", String(review.id)).where("action", "=", "recorded").executeTakeFirstOrThrow();
    expect(JSON.parse(recordedRow.after_json!)).toMatchObject({ secretaryName: "Điêu Thị Xuân" });
    const actions = await t.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("entity_type", "=", "management_review").where("entity_id", "=", String(review.id)).orderBy("id").execute();
    expect(actions).toEqual([
      { action: "created", actor_user_id: userIds.chatluong },
      { action: "notes_updated", actor_user_id: userIds.chatluong },
      { action: "decision_added", actor_user_id: userIds.lanhdao },
      { action: "recorded", actor_user_id: userIds.lanhdao },
    ]);
    const served = await pdf(record, code, "chatluong");
    const stored = await t.db.selectFrom("issued_document").select(["sha256", "verification_code"]).where("id", "=", review.record_document_id!).executeTakeFirstOrThrow();
    expect(sha256(served.bytes)).toBe(stored.sha256);
    expect(served.code).toBe(stored.verification_code);
    expect(words(served.bytes)).toContain("Mua máy quét");
    expect(words(served.bytes)).toContain("Thư ký: Điêu Thị Xuân");
    expect(pdfPages(served.bytes, "raw").at(-1)).toMatch(/THƯ KÝ CUỘC HỌP[\s\S]*Điêu Thị Xuân/);
  });

  it("refuses any change once recorded, with the translated error", async () => {
    expect(await post(code, "chatluong", { intent: "save_notes", attendees: "Khác" })).toMatchObject({ status: 409, errors: { "": ["review.error.locked"] } });
    expect(await post(code, "lanhdao", { intent: "record", secretaryName: "Lò Thị Hoa" })).toMatchObject({ status: 409, errors: { "": ["review.error.locked"] } });
    const page = await detail.loader(args(`/staff/management-reviews/${code}`, "lanhdao", { code }));
    expect(page.canEdit).toBe(false);
    expect(page.review.attendees).toBe("Quàng Văn Minh");
    // The page shows the inputs frozen with the record, and does not send the stored JSON itself.
    expect(page.inputs.frozen).toBe(true);
    expect("inputs_json" in page.review).toBe(false);
  });
});
