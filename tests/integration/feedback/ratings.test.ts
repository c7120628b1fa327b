import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierAction } from "~/domain/dossiers/lifecycle";
import type { Actor } from "~/models/audit-log.server";
import { applyDossierAction, getDueContext, receiveDossier, type DueContext } from "~/models/dossiers.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { getRatingStatus, rateDossier } from "~/models/ratings.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestDb;
let unitId: number;
let officerId: number;
let officer: Actor;
let context: DueContext;
let sameDay: Procedure;

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  officerId = seeded.officerId;
  officer = { kind: "user", userId: officerId };
  context = await getDueContext(t.db, unitId);
  const procedure = await getProcedureByCode(t.db, unitId, "1.001193");
  if (!procedure) throw new Error("procedure 1.001193 not seeded");
  sameDay = procedure;
});

afterAll(async () => {
  await t.cleanup();
});

let nextHour = 7;
/** A dossier received at the desk, taken as far as `until` ("received", "result_ready" or "returned"). */
async function dossier(until: "received" | "in_progress" | "result_ready" | "returned", applicantPhone: string | null = "0912345678") {
  const receivedAt = vn(`2026-03-03T${String(nextHour++).padStart(2, "0")}:00:00`);
  const { id, code } = await receiveDossier(
    t.db,
    officer,
    context,
    {
      procedure: sameDay,
      applicantName: "Cầm Thị Xuân",
      applicantPhone,
      applicantIdNumber: "014195004321",
      applicantAddress: "Bản Hặp, xã Mường Sai",
      channel: "direct",
      receivedAt,
      documents: [{ name: "Tờ khai" }],
    },
    receivedAt,
  );
  const steps: Array<[DossierAction, string]> = [
    [{ type: "assign", handlerUserId: officerId }, "in_progress"],
    [{ type: "mark_result_ready" }, "result_ready"],
    [{ type: "return_result" }, "returned"],
  ];
  let state: string = "received";
  for (const [action, to] of steps) {
    if (state === until) break;
    const result = await applyDossierAction(t.db, officer, context, id, action, new Date(receivedAt.getTime() + 10 * 60_000));
    expect(result).toEqual({ ok: true, state: to });
    state = to;
  }
  expect(state).toBe(until);
  return { id, code };
}

const ratingsOf = (dossierId: number) => t.db.selectFrom("dossier_rating").selectAll().where("dossier_id", "=", dossierId).execute();
const ratingAudit = () => t.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "dossier_rating").orderBy("id").execute();

describe("rateDossier", () => {
  it("records one rating of a returned dossier, with the right last four phone digits, and an audit row", async () => {
    const { id, code } = await dossier("returned");
    expect(await getRatingStatus(t.db, code)).toEqual({ code, returned: true, rated: false });
    const auditBefore = (await ratingAudit()).length;

    const ratedAt = vn("2026-03-04T08:00:00");
    expect(await rateDossier(t.db, { code, phoneLast4: "5678", rating: "very_satisfied", comment: "Nhanh, chu đáo" }, ratedAt)).toEqual({ ok: true });

    const rows = await ratingsOf(id);
    expect(rows).toEqual([
      { id: expect.any(Number), dossier_id: id, rating: "very_satisfied", comment: "Nhanh, chu đáo", rated_at: ratedAt.toISOString() },
    ]);
    const audit = await ratingAudit();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      unit_id: unitId,
      actor_kind: "citizen",
      actor_user_id: null,
      entity_id: String(rows[0]?.id),
      action: "rated",
      at: ratedAt.toISOString(),
    });
    expect(JSON.parse(audit.at(-1)?.after_json ?? "null")).toEqual({ dossierId: id, rating: "very_satisfied" });
    expect(await getRatingStatus(t.db, code)).toEqual({ code, returned: true, rated: true });
  });

  it("refuses a second rating of the same dossier, keeping the first", async () => {
    const { id, code } = await dossier("returned");
    expect(await rateDossier(t.db, { code, phoneLast4: "5678", rating: "dissatisfied" })).toEqual({ ok: true });
    const auditCount = (await ratingAudit()).length;
    expect(await rateDossier(t.db, { code, phoneLast4: "5678", rating: "very_satisfied", comment: "Đổi ý" })).toEqual({
      ok: false,
      error: "rating.already",
    });
    expect((await ratingsOf(id)).map((r) => [r.rating, r.comment])).toEqual([["dissatisfied", null]]);
    expect(await ratingAudit()).toHaveLength(auditCount);
  });

  it.each(["received", "in_progress", "result_ready"] as const)("refuses a dossier still %s", async (state) => {
    const { id, code } = await dossier(state);
    expect(await getRatingStatus(t.db, code)).toEqual({ code, returned: false, rated: false });
    const auditCount = (await ratingAudit()).length;
    expect(await rateDossier(t.db, { code, phoneLast4: "5678", rating: "satisfied" })).toEqual({ ok: false, error: "rating.notReturned" });
    expect(await ratingsOf(id)).toEqual([]);
    expect(await ratingAudit()).toHaveLength(auditCount);
  });

  it.each(["1234", "0912", "5679", "8765"])("refuses the wrong last four digits %s", async (phoneLast4) => {
    const { id, code } = await dossier("returned");
    expect(await rateDossier(t.db, { code, phoneLast4, rating: "satisfied" })).toEqual({ ok: false, error: "rating.mismatch" });
    expect(await ratingsOf(id)).toEqual([]);
    // The right digits still work afterwards.
    expect(await rateDossier(t.db, { code, phoneLast4: "5678", rating: "satisfied" })).toEqual({ ok: true });
  });

  it("refuses a dossier without a phone number, whatever the digits", async () => {
    const { id, code } = await dossier("returned", null);
    for (const phoneLast4 of ["0000", "5678", ""]) {
      expect(await rateDossier(t.db, { code, phoneLast4, rating: "satisfied" })).toEqual({ ok: false, error: "rating.mismatch" });
    }
    expect(await ratingsOf(id)).toEqual([]);
  });

  it("answers lookup.notFound for an unknown dossier", async () => {
    expect(await rateDossier(t.db, { code: "000.00.00.H53-260303-9999", phoneLast4: "5678", rating: "satisfied" })).toEqual({
      ok: false,
      error: "lookup.notFound",
    });
    expect(await getRatingStatus(t.db, "000.00.00.H53-260303-9999")).toBeNull();
  });
});
