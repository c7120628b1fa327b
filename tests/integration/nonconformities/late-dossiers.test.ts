import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierAction } from "~/domain/dossiers/lifecycle";
import type { Actor } from "~/models/audit-log.server";
import { applyDossierAction, getDueContext, receiveDossier, type DueContext } from "~/models/dossiers.server";
import { getNonconformity } from "~/models/nonconformities.server";
import { getProcedureByCode, type Procedure } from "~/models/procedures.server";
import { seedReferenceData } from "../models/dossier-fixtures";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { refuseInserts } from "../../setup/db-faults";

/** Vietnam local time, as the desk reads it. */
const vn = (local: string) => new Date(`${local}+07:00`);

const LATE = "Hồ sơ trễ hạn";
const SECOND_SUPPLEMENT = "Hồ sơ bị yêu cầu bổ sung lần thứ hai";

let t: TestDb;
let unitId: number;
let officerId: number;
let officer: Actor;
let leader: Actor;
let leaderId: number;
let context: DueContext;
let threeDays: Procedure; // 1.001022, 3 working days
let sameDay: Procedure; // 1.001193, same day
let third: Procedure; // any other procedure of at least 3 working days

beforeAll(async () => {
  t = createTestDb();
  const seeded = await seedReferenceData(t.db);
  unitId = seeded.unit.id;
  officerId = seeded.officerId;
  leaderId = seeded.leaderId;
  officer = { kind: "user", userId: seeded.officerId };
  leader = { kind: "user", userId: seeded.leaderId };
  context = await getDueContext(t.db, unitId);
  const byCode = async (code: string) => {
    const p = await getProcedureByCode(t.db, unitId, code);
    if (!p) throw new Error(`procedure ${code} not seeded`);
    return p;
  };
  threeDays = await byCode("1.001022");
  sameDay = await byCode("1.001193");
  const other = await t.db
    .selectFrom("procedure")
    .select("code")
    .where("unit_id", "=", unitId)
    .where("code", "not in", [threeDays.code, sameDay.code])
    .where("processing_days", ">=", 3)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  third = await byCode(other.code);
});

afterAll(async () => {
  await t.cleanup();
});

const APPLICANT = {
  applicantName: "Lò Văn Pằng",
  applicantPhone: "0912345678",
  applicantIdNumber: "014095001234",
  applicantAddress: "Bản Nà Sài, xã Mường Sai",
};

async function intake(procedure: Procedure, receivedAt: Date) {
  const dossier = await receiveDossier(
    t.db,
    officer,
    context,
    { procedure, ...APPLICANT, channel: "direct", receivedAt, documents: [{ name: "Tờ khai" }] },
    receivedAt,
  );
  expect(await act(dossier.id, { type: "assign", handlerUserId: officerId }, new Date(receivedAt.getTime() + 3_600_000))).toMatchObject({ ok: true });
  return dossier;
}

const act = (id: number, action: DossierAction, now: Date, actor: Actor = officer) => applyDossierAction(t.db, actor, context, id, action, now);

const apologise = (id: number, now: Date, newAppointmentAt: Date) =>
  act(id, { type: "issue_apology", reason: "Cần xác minh thêm tại bản", newAppointmentAt }, now, leader);

const requestSupplement = (id: number, now: Date) =>
  act(id, { type: "request_supplement", missingItems: ["Bản sao CCCD"], reason: "Thiếu giấy tờ" }, now);

const ncs = () => t.db.selectFrom("nonconformity").selectAll().orderBy("id").execute();
const linksOf = (ncId: number) =>
  t.db.selectFrom("nonconformity_link").select(["entity_type", "entity_id", "reason"]).where("nonconformity_id", "=", ncId).orderBy("id").execute();
const ncAudit = (ncId: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "nonconformity")
    .where("entity_id", "=", String(ncId))
    .orderBy("id")
    .execute();
const countAll = async (table: "audit_log" | "dossier_event" | "nonconformity" | "nonconformity_link") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const dossierRow = (id: number) => t.db.selectFrom("dossier").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const json = (text: string | null | undefined) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

describe("a late dossier raises or joins a nonconformity of its procedure", () => {
  let first: { id: number; code: string };
  let second: { id: number; code: string };
  let lateNcId: number;

  it("raises one, open, linked to the dossier, when the apology slip is issued", async () => {
    first = await intake(threeDays, vn("2024-04-01T09:00:00")); // due Thu 4 Apr 17:00
    expect(await ncs()).toEqual([]);
    const now = vn("2024-04-05T09:00:00");
    expect(await apologise(first.id, now, vn("2024-04-10T17:00:00"))).toEqual({ ok: true, state: "in_progress" });

    const rows = await ncs();
    expect(rows).toHaveLength(1);
    const [nc] = rows;
    if (!nc) throw new Error("no nonconformity");
    lateNcId = nc.id;
    expect(nc).toMatchObject({
      unit_id: unitId,
      code: "NC-2024-001",
      source: "late_dossier",
      process: threeDays.code,
      iso_clause: "8.5.1",
      grade: "minor",
      state: "open",
      title: `${LATE}: ${threeDays.name}`,
      found_by_user_id: null,
      found_at: now.toISOString(),
      reopen_count: 0,
      merged_into_id: null,
      created_at: now.toISOString(),
    });
    expect(nc.description).toContain(first.code);
    expect(nc.evidence).toContain(first.code);
    expect(await linksOf(nc.id)).toEqual([{ entity_type: "dossier", entity_id: first.id, reason: LATE }]);

    const audit = await ncAudit(nc.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "raised", unit_id: unitId, actor_kind: "user", actor_user_id: leaderId, at: now.toISOString(), before_json: null });
    expect(json(audit[0]?.after_json)).toMatchObject({
      code: "NC-2024-001",
      state: "open",
      source: "late_dossier",
      process: threeDays.code,
      links: [{ entityType: "dossier", entityId: first.id, reason: LATE }],
    });

    const detail = await getNonconformity(t.db, unitId, "NC-2024-001");
    expect(detail?.links).toMatchObject([{ entity_type: "dossier", label: first.code, href: `/staff/dossiers/${first.code}` }]);
  });

  it("joins the open one when a second dossier of the same procedure is late: a second link, no new nonconformity", async () => {
    second = await intake(threeDays, vn("2024-04-02T09:00:00")); // due Fri 5 Apr 17:00
    const now = vn("2024-04-08T09:00:00");
    expect(await apologise(second.id, now, vn("2024-04-12T17:00:00"))).toMatchObject({ ok: true });

    expect((await ncs()).map((n) => n.code)).toEqual(["NC-2024-001"]);
    expect(await linksOf(lateNcId)).toEqual([
      { entity_type: "dossier", entity_id: first.id, reason: LATE },
      { entity_type: "dossier", entity_id: second.id, reason: LATE },
    ]);
    const audit = await ncAudit(lateNcId);
    expect(audit.map((a) => a.action)).toEqual(["raised", "linked"]);
    expect(audit[1]).toMatchObject({ actor_user_id: leaderId, at: now.toISOString() });
    expect(json(audit[1]?.after_json)).toEqual({ dossier: second.code, reason: LATE });
  });

  it("raises a new one for a late dossier of another procedure", async () => {
    const other = await intake(sameDay, vn("2024-04-08T09:00:00")); // due the same day, 17:00
    expect(await apologise(other.id, vn("2024-04-09T09:00:00"), vn("2024-04-10T17:00:00"))).toMatchObject({ ok: true });
    const rows = await ncs();
    expect(rows.map((n) => [n.code, n.process, n.state])).toEqual([
      ["NC-2024-001", threeDays.code, "open"],
      ["NC-2024-002", sameDay.code, "open"],
    ]);
    expect(await linksOf(rows[1]?.id ?? 0)).toEqual([{ entity_type: "dossier", entity_id: other.id, reason: LATE }]);
    expect(await linksOf(lateNcId)).toHaveLength(2);
  });

  it("does not link twice when the late result of an already-linked dossier is marked ready", async () => {
    const links = await countAll("nonconformity_link");
    const audit = await countAll("audit_log");
    expect(await act(first.id, { type: "mark_result_ready" }, vn("2024-04-09T10:00:00"))).toEqual({ ok: true, state: "result_ready" });
    expect((await dossierRow(first.id)).outcome).toBe("late");
    expect(await countAll("nonconformity_link")).toBe(links);
    expect(await countAll("nonconformity")).toBe(2);
    // The dossier's own audit row only.
    expect(await countAll("audit_log")).toBe(audit + 1);
    expect((await ncAudit(lateNcId)).map((a) => a.action)).toEqual(["raised", "linked"]);
  });

  it("leaves an on-time result alone", async () => {
    const onTime = await intake(threeDays, vn("2024-04-08T09:00:00"));
    const links = await countAll("nonconformity_link");
    expect(await act(onTime.id, { type: "mark_result_ready" }, vn("2024-04-09T10:00:00"))).toEqual({ ok: true, state: "result_ready" });
    expect((await dossierRow(onTime.id)).outcome).toBe("early");
    expect(await countAll("nonconformity_link")).toBe(links);
    expect(await countAll("nonconformity")).toBe(2);
  });
});

describe("a second supplement request raises or joins one", () => {
  it("joins the procedure's open one on the second request only, with the reason 'second supplement'", async () => {
    const nc = (await ncs()).find((n) => n.code === "NC-2024-001");
    if (!nc) throw new Error("NC-2024-001 missing");
    const { id, code } = await intake(threeDays, vn("2024-04-15T09:00:00"));
    const links = await countAll("nonconformity_link");

    expect(await requestSupplement(id, vn("2024-04-15T11:00:00"))).toMatchObject({ ok: true, state: "supplement_requested" });
    expect(await countAll("nonconformity_link")).toBe(links);
    expect(await act(id, { type: "receive_supplement" }, vn("2024-04-16T08:00:00"))).toMatchObject({ ok: true });
    expect(await requestSupplement(id, vn("2024-04-16T10:00:00"))).toMatchObject({ ok: true, state: "supplement_requested" });
    expect((await dossierRow(id)).supplement_count).toBe(2);

    expect(await countAll("nonconformity")).toBe(2);
    expect((await linksOf(nc.id)).at(-1)).toEqual({ entity_type: "dossier", entity_id: id, reason: SECOND_SUPPLEMENT });
    const audit = await ncAudit(nc.id);
    expect(audit.at(-1)?.action).toBe("linked");
    expect(json(audit.at(-1)?.after_json)).toEqual({ dossier: code, reason: SECOND_SUPPLEMENT });

    // A third request on the same dossier adds nothing.
    expect(await act(id, { type: "receive_supplement" }, vn("2024-04-17T08:00:00"))).toMatchObject({ ok: true });
    expect(await requestSupplement(id, vn("2024-04-17T10:00:00"))).toMatchObject({ ok: true });
    expect(await countAll("nonconformity_link")).toBe(links + 1);
  });

  it("raises one for a procedure with no open nonconformity", async () => {
    const { id } = await intake(third, vn("2024-04-22T09:00:00"));
    await requestSupplement(id, vn("2024-04-22T11:00:00"));
    await act(id, { type: "receive_supplement" }, vn("2024-04-23T08:00:00"));
    expect(await requestSupplement(id, vn("2024-04-23T10:00:00"))).toMatchObject({ ok: true });
    const raised = (await ncs()).at(-1);
    expect(raised).toMatchObject({ code: "NC-2024-003", source: "late_dossier", process: third.code, state: "open", title: `${SECOND_SUPPLEMENT}: ${third.name}` });
    expect(await linksOf(raised?.id ?? 0)).toEqual([{ entity_type: "dossier", entity_id: id, reason: SECOND_SUPPLEMENT }]);
  });
});

describe("a nonconformity past planning is not joined", () => {
  it("raises a new one when the procedure's only one is already verified", async () => {
    await t.db.updateTable("nonconformity").set({ state: "verified" }).where("code", "=", "NC-2024-002").execute();
    const late = await intake(sameDay, vn("2024-05-06T09:00:00"));
    expect(await apologise(late.id, vn("2024-05-07T09:00:00"), vn("2024-05-08T17:00:00"))).toMatchObject({ ok: true });
    const rows = await ncs();
    expect(rows.at(-1)).toMatchObject({ code: "NC-2024-004", process: sameDay.code, state: "open" });
    expect(await linksOf(rows.at(-1)?.id ?? 0)).toEqual([{ entity_type: "dossier", entity_id: late.id, reason: LATE }]);
  });
});

describe("the dossier change and its nonconformity are one transaction", () => {
  let late: { id: number; code: string };
  const now = vn("2024-05-13T09:00:00");
  const newAppointmentAt = vn("2024-05-17T17:00:00");

  beforeAll(async () => {
    late = await intake(threeDays, vn("2024-05-06T09:00:00")); // due Thu 9 May 17:00
  });

  async function snapshot() {
    return {
      dossier: await dossierRow(late.id),
      events: await countAll("dossier_event"),
      audit: await countAll("audit_log"),
      ncs: await ncs(),
      links: await countAll("nonconformity_link"),
    };
  }

  it("rolls the whole apology back when linking the nonconformity fails", async () => {
    const before = await snapshot();
    const allow = await refuseInserts(t.db, "nonconformity_link", "link refused");
    try {
      await expect(apologise(late.id, now, newAppointmentAt)).rejects.toThrow(/link refused/);
    } finally {
      await allow();
    }
    expect(await snapshot()).toEqual(before);
    expect(before.dossier.apology_issued_at).toBeNull();
  });

  it("leaves no nonconformity or link behind when a later write of the same transaction fails", async () => {
    const before = await snapshot();
    const allow = await refuseInserts(t.db, "audit_log", "audit refused", "new.entity_type = 'dossier' and new.action = 'issue_apology'");
    try {
      await expect(apologise(late.id, now, newAppointmentAt)).rejects.toThrow(/audit refused/);
    } finally {
      await allow();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("links it once nothing stands in the way", async () => {
    const before = await snapshot();
    expect(await apologise(late.id, now, newAppointmentAt)).toMatchObject({ ok: true });
    expect(await countAll("nonconformity_link")).toBe(before.links + 1);
    const nc = (await ncs()).find((n) => n.code === "NC-2024-001");
    expect((await linksOf(nc?.id ?? 0)).at(-1)).toEqual({ entity_type: "dossier", entity_id: late.id, reason: LATE });
  });
});
