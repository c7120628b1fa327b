import { sql, type Kysely } from "kysely";
import type { Database, Unit } from "#db/schema";
import { OPEN_STATES } from "~/domain/dossiers/lifecycle";
import { OPEN_FEEDBACK_STATES } from "~/domain/feedback/feedback";
import { businessDateOf } from "~/utils/clock";
import { recordAudit, type Actor } from "./audit-log.server";
import { listVisibleUnits } from "./dashboard.server";

export async function getUnit(db: Kysely<Database>, unitId: number): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().where("id", "=", unitId).executeTakeFirst();
}

/** The unit the public side presents. One database may hold many units; the public site serves the first. */
export async function getPublicUnit(db: Kysely<Database>): Promise<Unit | undefined> {
  return db.selectFrom("unit").selectAll().orderBy("id").limit(1).executeTakeFirst();
}

/**
 * The unit as it was on a business date (`YYYY-MM-DD`, issue 14): its code, name, kind, parent and
 * district/province names from the version in force that day (`unit_version`), its contact details
 * as they are now. A date no version covers gives the unit as it stands. Every printed document
 * names its unit through this, with the document's own date.
 */
export async function unitAsOf(db: Kysely<Database>, unitId: number, date: string): Promise<Unit | undefined> {
  const [unit, version] = await Promise.all([
    getUnit(db, unitId),
    db
      .selectFrom("unit_version")
      .select(["code", "name", "kind", "parent_id", "district_name", "province_name"])
      .where("unit_id", "=", unitId)
      .where("effective_from", "<=", date)
      .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">", date)]))
      .orderBy("effective_from", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (!unit) return undefined;
  return version ? { ...unit, ...version } : unit;
}

// ------------------------------------------------------------------- issue 14: units, mergers

export interface NewUnitData {
  code: string;
  name: string;
  kind: Unit["kind"];
  parentId: number | null;
  isRemoteArea: boolean;
  districtName?: string | null;
  address?: string | null;
}

/**
 * A new unit with its first version (in force from `effectiveFrom`, default: today) and a copy of the
 * working calendar of the province above it (its days off and make-up days), all in one transaction
 * with an audit row.
 */
export async function createUnit(db: Kysely<Database>, actor: Actor, data: NewUnitData, now = new Date(), effectiveFrom = businessDateOf(now)): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const parent = data.parentId === null ? undefined : await getUnit(trx, data.parentId);
    const provinceName = parent?.province_name ?? data.name;
    const { id } = await trx
      .insertInto("unit")
      .values({
        code: data.code,
        name: data.name,
        kind: data.kind,
        parent_id: data.parentId,
        district_name: data.districtName ?? null,
        province_name: provinceName,
        address: data.address ?? null,
        phone: null,
        email: null,
        is_remote_area: data.isRemoteArea ? 1 : 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("unit_version")
      .values({
        unit_id: id,
        effective_from: effectiveFrom,
        effective_to: null,
        code: data.code,
        name: data.name,
        kind: data.kind,
        parent_id: data.parentId,
        district_name: data.districtName ?? null,
        province_name: provinceName,
        created_at: stamp,
      })
      .execute();
    const province = parent ? await provinceOf(trx, parent.id) : undefined;
    if (province) {
      await sql`insert into calendar_exception (unit_id, date, kind, name, created_at, updated_at)
        select ${id}, date, kind, name, ${stamp}, ${stamp} from calendar_exception where unit_id = ${province.id}`.execute(trx);
    }
    await recordAudit(trx, {
      actor,
      unitId: id,
      entityType: "unit",
      entityId: id,
      action: "created",
      after: { ...data, calendarCopiedFrom: province?.id ?? null },
      at: now,
    });
    return id;
  });
}

/** The unit itself if it is a province, else the nearest province above it. */
export async function provinceOf(db: Kysely<Database>, unitId: number): Promise<Unit | undefined> {
  let unit = await getUnit(db, unitId);
  for (let hops = 0; unit && unit.kind !== "province" && unit.parent_id !== null && hops < 10; hops += 1) unit = await getUnit(db, unit.parent_id);
  return unit?.kind === "province" ? unit : undefined;
}

/** Every unit with its parent's name and the merger that ended it, if any: the admin's list. */
export async function listUnits(db: Kysely<Database>) {
  return db
    .selectFrom("unit")
    .leftJoin("unit as parent", "parent.id", "unit.parent_id")
    .leftJoin("unit_merger", "unit_merger.predecessor_unit_id", "unit.id")
    .leftJoin("unit as successor", "successor.id", "unit_merger.successor_unit_id")
    .select([
      "unit.id",
      "unit.code",
      "unit.name",
      "unit.kind",
      "unit.is_remote_area",
      "parent.name as parentName",
      "unit_merger.effective_date as mergedOn",
      "successor.name as mergedInto",
    ])
    .orderBy("unit.kind")
    .orderBy("unit.name")
    .execute();
}

/** The units merged into a unit, with the merger's date. */
export async function listPredecessors(db: Kysely<Database>, successorId: number) {
  return db
    .selectFrom("unit_merger")
    .innerJoin("unit", "unit.id", "unit_merger.predecessor_unit_id")
    .select(["unit.id", "unit.name", "unit.code", "unit_merger.effective_date as date"])
    .where("unit_merger.successor_unit_id", "=", successorId)
    .orderBy("unit.name")
    .execute();
}

/**
 * The units whose figures a unit's combined view adds to its own for a period beginning on `from`:
 * those merged into it (and, in turn, into them) on a date after `from` — they held the unit's work
 * for part of the period. A period that begins on or after every merger has none.
 */
export async function listPredecessorsForPeriod(db: Kysely<Database>, successorId: number, from: string) {
  const found: Array<{ id: number; name: string; code: string; date: string }> = [];
  const seen = new Set([successorId]);
  for (let queue = [successorId]; queue.length > 0; ) {
    const next: number[] = [];
    for (const id of queue) {
      for (const p of await listPredecessors(db, id)) {
        if (seen.has(p.id) || p.date <= from) continue;
        seen.add(p.id);
        found.push(p);
        next.push(p.id);
      }
    }
    queue = next;
  }
  return found;
}

/**
 * The units an admin may put a user in: the admin's unit and every unit below it, less those merged
 * into another by `today` (their work has moved to the successor).
 */
export async function listAssignableUnits(db: Kysely<Database>, adminUnitId: number, today: string) {
  const visible = await listVisibleUnits(db, adminUnitId);
  if (visible.length === 0) return [];
  const merged = await db
    .selectFrom("unit_merger")
    .select("predecessor_unit_id")
    .where(
      "predecessor_unit_id",
      "in",
      visible.map((u) => u.id),
    )
    .where("effective_date", "<=", today)
    .execute();
  const gone = new Set(merged.map((m) => m.predecessor_unit_id));
  return visible.filter((u) => !gone.has(u.id));
}

export class MergeRefused extends Error {
  constructor(readonly reason: "same_unit" | "already_merged" | "unknown_unit") {
    super(reason);
  }
}

export interface MergeResult {
  dossiers: number;
  feedback: number;
  nonconformities: number;
  actions: number;
}

/**
 * A merger (issue 14): the predecessors become part of the successor on `date` (a business date).
 * In one transaction: the open dossiers, open feedback items and open nonconformities with their
 * planned corrective actions move to the successor, each with an audit row; closed records stay
 * with their unit (their history is theirs); each predecessor's current version ends the day before
 * `date`, and the merger is recorded (`unit_merger`), from which the successor's dashboard may show
 * a period before the merger as the sum of the predecessors'.
 */
export async function mergeUnits(
  db: Kysely<Database>,
  input: { predecessors: readonly number[]; successor: number; date: string; actor: Actor },
  now = new Date(),
): Promise<MergeResult> {
  const { successor, date, actor } = input;
  const predecessors = [...new Set(input.predecessors)];
  if (predecessors.includes(successor)) throw new MergeRefused("same_unit");
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const units = await trx.selectFrom("unit").select("id").where("id", "in", [successor, ...predecessors]).execute();
    if (units.length !== predecessors.length + 1) throw new MergeRefused("unknown_unit");
    const merged = await trx.selectFrom("unit_merger").select("id").where("predecessor_unit_id", "in", predecessors).executeTakeFirst();
    if (merged) throw new MergeRefused("already_merged");
    const result: MergeResult = { dossiers: 0, feedback: 0, nonconformities: 0, actions: 0 };
    const moved = (entityType: string, entityId: number, from: number) =>
      recordAudit(trx, { actor, unitId: successor, entityType, entityId, action: "moved_by_merger", before: { unitId: from }, after: { unitId: successor, date }, at: now });
    for (const from of predecessors) {
      const dossiers = await trx.selectFrom("dossier").select("id").where("unit_id", "=", from).where("state", "in", OPEN_STATES).execute();
      for (const d of dossiers) {
        await trx.updateTable("dossier").set({ unit_id: successor, updated_at: stamp }).where("id", "=", d.id).execute();
        await moved("dossier", d.id, from);
      }
      const feedback = await trx.selectFrom("feedback_item").select("id").where("unit_id", "=", from).where("state", "in", OPEN_FEEDBACK_STATES).execute();
      for (const f of feedback) {
        await trx.updateTable("feedback_item").set({ unit_id: successor, updated_at: stamp }).where("id", "=", f.id).execute();
        await moved("feedback", f.id, from);
      }
      const ncs = await trx.selectFrom("nonconformity").select("id").where("unit_id", "=", from).where("state", "<>", "closed").where("merged_into_id", "is", null).execute();
      for (const nc of ncs) {
        await trx.updateTable("nonconformity").set({ unit_id: successor, updated_at: stamp }).where("id", "=", nc.id).execute();
        await moved("nonconformity", nc.id, from);
        const actions = await trx.selectFrom("corrective_action").select("id").where("nonconformity_id", "=", nc.id).where("status", "=", "planned").execute();
        for (const a of actions) await moved("corrective_action", a.id, from);
        result.actions += actions.length;
      }
      result.dossiers += dossiers.length;
      result.feedback += feedback.length;
      result.nonconformities += ncs.length;
      await trx
        .updateTable("unit_version")
        .set({ effective_to: date })
        .where("unit_id", "=", from)
        .where("effective_from", "<", date)
        .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">", date)]))
        .execute();
      await trx.insertInto("unit_merger").values({ successor_unit_id: successor, predecessor_unit_id: from, effective_date: date, created_at: stamp }).execute();
      await recordAudit(trx, { actor, unitId: from, entityType: "unit", entityId: from, action: "merged", after: { into: successor, date }, at: now });
    }
    await recordAudit(trx, { actor, unitId: successor, entityType: "unit", entityId: successor, action: "merger_received", after: { from: predecessors, date, ...result }, at: now });
    return result;
  });
}

/**
 * A new version of a unit from a date (a rename, a new code or parent, a district abolished): the
 * version in force then ends that day, the new one starts; the unit row itself follows when the
 * date has come. One transaction, one audit row.
 */
export async function addUnitVersion(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  from: string,
  changes: Partial<Pick<Unit, "code" | "name" | "kind" | "parent_id" | "district_name" | "province_name" | "address">>,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await unitAsOf(trx, unitId, from);
    if (!current) throw new Error(`unit ${unitId} missing`);
    const stamp = now.toISOString();
    // A unit created without a version (before migration 0016 ran, or inserted directly) keeps what it was until `from`.
    const versions = await trx.selectFrom("unit_version").select("id").where("unit_id", "=", unitId).limit(1).execute();
    if (versions.length === 0) {
      await trx
        .insertInto("unit_version")
        .values({
          unit_id: unitId,
          effective_from: "1900-01-01",
          effective_to: from,
          code: current.code,
          name: current.name,
          kind: current.kind,
          parent_id: current.parent_id,
          district_name: current.district_name,
          province_name: current.province_name,
          created_at: stamp,
        })
        .execute();
    }
    await trx
      .updateTable("unit_version")
      .set({ effective_to: from })
      .where("unit_id", "=", unitId)
      .where("effective_from", "<", from)
      .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">", from)]))
      .execute();
    const next = { ...current, ...changes };
    await trx
      .insertInto("unit_version")
      .values({
        unit_id: unitId,
        effective_from: from,
        effective_to: null,
        code: next.code,
        name: next.name,
        kind: next.kind,
        parent_id: next.parent_id,
        district_name: next.district_name,
        province_name: next.province_name,
        created_at: stamp,
      })
      .execute();
    if (from <= businessDateOf(now)) await trx.updateTable("unit").set({ ...changes, updated_at: stamp }).where("id", "=", unitId).execute();
    await recordAudit(trx, { actor, unitId, entityType: "unit", entityId: unitId, action: "version_added", after: { from, ...changes }, at: now });
  });
}
