import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database, DossierTable } from "#db/schema";
import { DEMO_UNIT, seedDemo } from "#db/seed/demo";
import { addDays, instantAt } from "~/domain/calendar/business-date";
import { classifyOutcome } from "~/domain/calendar/due-date";
import { CHANNELS } from "~/domain/dossiers/channels";
import { formatDossierCode } from "~/domain/dossiers/dossier-code";
import type { DossierState } from "~/domain/dossiers/lifecycle";
import type { DossierForMetrics } from "~/domain/metrics/on-time";
import { PROCEDURE_FIELDS, type ProcedureField } from "~/domain/procedures/procedure";
import { mulberry32 } from "~/domain/shared/seeded-random";
import { businessDateOf } from "~/utils/clock";

/**
 * The demo commune without its dossier history: unit, one account per role, the 31 procedures and
 * the 2021–2027 calendar. On 1 Jan 2021 (a holiday) the history has no working day to fill yet.
 */
export async function seedReferenceData(db: Kysely<Database>) {
  await seedDemo(db, new Date("2021-01-01T00:00:00.000Z"), { requirePasswordChange: false });
  const unit = await db.selectFrom("unit").selectAll().where("code", "=", DEMO_UNIT.code).executeTakeFirstOrThrow();
  const userId = async (username: string) =>
    (await db.selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  return {
    unit,
    officerId: await userId("motcua"),
    leaderId: await userId("lanhdao"),
    qualityLeadId: await userId("chatluong"),
  };
}

/** A second commune, to check that nothing of one unit leaks into another's queries. */
export async function insertOtherUnit(db: Kysely<Database>, code = "000.99.99.H53") {
  const stamp = "2021-01-01T00:00:00.000Z";
  const { id } = await db
    .insertInto("unit")
    .values({
      code,
      name: "UBND xã Khác",
      kind: "commune",
      parent_id: null,
      district_name: null,
      province_name: "tỉnh Sơn La",
      address: null,
      phone: null,
      email: null,
      is_remote_area: 0,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A small seeded PRNG (mulberry32), so generated data is the same on every run. */
export function seededRandom(seed: number) {
  const next = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, between, pick };
}

export interface ProcedureRef {
  id: number;
  code: string;
  field: ProcedureField;
}

export interface GenerateOptions {
  unitId: number;
  unitCode: string;
  procedures: readonly ProcedureRef[];
  /** Business dates the receptions cluster around (± 4 days): put period boundaries here. */
  anchors: readonly string[];
  count: number;
  seed: number;
  /** Share of dossiers still open (received, in progress, waiting for a supplement). */
  openShare?: number;
}

const MINUTE = 60_000;

/**
 * Varied dossier rows, consistent the way the desk would leave them: finished after received,
 * outcome judged against the due date, refusals and withdrawals without an outcome, a supplement
 * count of at least 1 while waiting for one. Some due dates fall exactly on a day's start (a
 * period's end instant), some results at 23:50 or 00:05 Vietnam time (around a business day's edge).
 * Sorted by reception, so ids grow with intake order as they do at the desk.
 */
export function generateDossiers(options: GenerateOptions): Insertable<DossierTable>[] {
  const random = seededRandom(options.seed);
  const openShare = options.openShare ?? 0.35;
  const byField = new Map<ProcedureField, ProcedureRef[]>();
  for (const p of options.procedures) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  const fields = PROCEDURE_FIELDS.filter((f) => byField.has(f));

  const drafts: Omit<Insertable<DossierTable>, "code">[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const field = random.pick(fields);
    const procedure = random.pick(byField.get(field) ?? []);
    const receivedDate = addDays(random.pick(options.anchors), random.between(-4, 4));
    const receivedAt = new Date(instantAt(receivedDate, "07:00").getTime() + random.between(0, 11 * 60) * MINUTE);
    const dueDate = addDays(receivedDate, random.between(0, 12));
    const dueAt = random.next() < 0.06 ? instantAt(addDays(dueDate, 1), "00:00") : instantAt(dueDate, "17:00");

    const roll = random.next();
    const supplementRoll = random.next();
    let supplementCount = supplementRoll < 0.6 ? 0 : supplementRoll < 0.85 ? 1 : supplementRoll < 0.95 ? 2 : 3;
    let state: DossierState;
    let finishedAt: Date | null = null;
    if (roll < openShare) {
      state = random.pick(["received", "in_progress", "in_progress", "supplement_requested"] as const);
      if (state === "supplement_requested") supplementCount = Math.max(1, supplementCount);
    } else {
      const closing = random.next();
      state = closing < 0.15 ? "refused" : closing < 0.25 ? "withdrawn" : closing < 0.5 ? "result_ready" : "returned";
      const edge = random.next();
      if (edge < 0.06) {
        finishedAt = instantAt(addDays(receivedDate, random.between(0, 20)), "23:50");
      } else if (edge < 0.12) {
        finishedAt = instantAt(addDays(receivedDate, random.between(1, 20)), "00:05");
      } else {
        finishedAt = new Date(receivedAt.getTime() + random.between(10, 18 * 24 * 60) * MINUTE);
      }
      if (finishedAt < receivedAt) finishedAt = new Date(receivedAt.getTime() + 10 * MINUTE);
    }
    const transferCount = field === "land_construction" || field === "social_affairs" ? random.between(0, 2) : random.next() < 0.1 ? 1 : 0;
    const eTransferCount = random.between(0, transferCount);
    const openTransfer = state === "in_progress" && transferCount > 0 && random.next() < 0.5 ? 1 : 0;
    const resolved = state === "result_ready" || state === "returned";
    const stamp = (finishedAt ?? receivedAt).toISOString();
    // Waiting for a supplement: the clock stopped some time after intake, now and then after the due day was over.
    const stoppedAt = state === "supplement_requested" ? new Date(receivedAt.getTime() + random.between(30, 16 * 24 * 60) * MINUTE) : null;
    const recorded = <T>(value: T): T | null => (random.next() < 0.2 ? null : value);

    drafts.push({
      unit_id: options.unitId,
      procedure_id: procedure.id,
      field,
      processing_days: random.between(0, 7),
      channel: random.pick(CHANNELS),
      rule_set: receivedDate < "2025-07-01" ? "nd61-2018" : "nd118-2025",
      applicant_name: `Công dân ${i}`,
      applicant_phone: null,
      applicant_id_number: null,
      applicant_address: null,
      documents_json: "[]",
      received_at: receivedAt.toISOString(),
      received_date: receivedDate,
      due_at: dueAt.toISOString(),
      due_date: businessDateOf(dueAt),
      due_rule: supplementCount > 0 ? "restart" : "working_days",
      state,
      handler_user_id: null,
      supplement_count: supplementCount,
      transfer_count: transferCount,
      e_transfer_count: eTransferCount,
      open_transfer_count: openTransfer,
      finished_at: finishedAt?.toISOString() ?? null,
      finished_date: finishedAt ? businessDateOf(finishedAt) : null,
      outcome: resolved && finishedAt ? classifyOutcome({ dueAt, finishedAt }) : null,
      returned_at: state === "returned" && finishedAt ? new Date(finishedAt.getTime() + 30 * MINUTE).toISOString() : null,
      closed_reason: state === "refused" || state === "withdrawn" ? "Lý do thử nghiệm" : null,
      clock_stopped_at: stoppedAt?.toISOString() ?? null,
      clock_stopped_date: stoppedAt ? businessDateOf(stoppedAt) : null,
      payment_method: recorded(random.pick(["none_due", "cash", "online", "online", "bank_transfer"] as const)),
      papers_digitised: recorded(random.next() < 0.6 ? 1 : 0),
      result_digitised: resolved ? recorded(random.next() < 0.5 ? 1 : 0) : null,
      return_method: recorded(random.pick(["desk", "post", "electronic"] as const)),
      created_by_user_id: null,
      created_at: receivedAt.toISOString(),
      updated_at: stamp,
    });
  }

  drafts.sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
  const sequence = new Map<string, number>();
  return drafts.map((d) => {
    const n = (sequence.get(d.received_date) ?? 0) + 1;
    sequence.set(d.received_date, n);
    return { ...d, code: formatDossierCode(options.unitCode, d.received_date, n) };
  });
}

export async function insertDossiers(db: Kysely<Database>, rows: readonly Insertable<DossierTable>[]) {
  for (let i = 0; i < rows.length; i += 300) {
    await db.insertInto("dossier").values(rows.slice(i, i + 300)).execute();
  }
}

export async function proceduresOf(db: Kysely<Database>, unitId: number): Promise<ProcedureRef[]> {
  return db.selectFrom("procedure").select(["id", "code", "field"]).where("unit_id", "=", unitId).orderBy("id").execute();
}

/** A register row as the on-time engine's definition reads it. */
export function toMetrics(r: Selectable<DossierTable>): DossierForMetrics {
  return {
    channel: r.channel,
    field: r.field,
    state: r.state,
    receivedDate: r.received_date,
    dueAt: r.due_at,
    dueDate: r.due_date,
    finishedAt: r.finished_at,
    finishedDate: r.finished_date,
    outcome: r.outcome,
    supplementCount: r.supplement_count,
    clockStoppedAt: r.clock_stopped_at,
    transferCount: r.transfer_count,
    eTransferCount: r.e_transfer_count,
  };
}

export function dossiersOf(db: Kysely<Database>, unitId: number): Promise<Selectable<DossierTable>[]> {
  return db.selectFrom("dossier").selectAll().where("unit_id", "=", unitId).orderBy("id").execute();
}
