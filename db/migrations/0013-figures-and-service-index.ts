import { sql, type Kysely } from "kysely";
import { DAILY_STAT_0009 } from "./0009-dossier-daily-stat";
import { autoId, dialectOf } from "./portable";
import { backfillSummary, createSummaryTable, dropSummaryTriggers, summaryTriggers, type SummaryShape } from "./summary-triggers";

// Frozen in time: never import app code here; copy the lists and rules this migration needs.
const PAYMENT_METHODS = ["none_due", "cash", "online", "bank_transfer"];
const RETURN_METHODS = ["desk", "post", "electronic"];

const nullOrIn = (column: string, values: string[]) =>
  sql.raw(`${column} is null or ${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

/*
 * Issue 12: figures an inspector can sign (decision record 0010).
 *
 * 1. The dossier records what the Decision 766 scorecard needs and the desk did not record yet: how
 *    the fee was paid, whether the papers were digitised at intake, whether the result was issued as
 *    an electronic copy, how it was returned; and since when the clock is stopped for a supplement.
 *    Null means "not recorded" (older dossiers): those are left out of the shares, never counted 0.
 * 2. The per-day summary (`dossier_daily_stat`, migration 0009) is rebuilt with the judgement rules
 *    of this issue: a dossier waiting for its supplement is not late while it waits (unless it was
 *    late when the clock stopped), "overdue" (clock running, due day over) kept beside "late", and the
 *    scorecard's counts. The rules are copied here as they stand (app/domain/metrics/on-time.ts);
 *    if they change, a new migration rebuilds the table again.
 * 3. The scorecard's indicator list and point grid as versioned data (DOMAIN.md marks it *(check)*).
 */

// ------------------------------------------------------------------------------- the summary

/** The SQL that differs between engines, in one place (the PostgreSQL port adds its own). */
export interface SummaryDialect {
  /** The business date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh) of an instant stored as UTC ISO text. */
  businessDate(instant: string): string;
}

export const SQLITE_SUMMARY_DIALECT: SummaryDialect = {
  businessDate: (instant) => `date(${instant}, '+7 hours')`,
};

export const SUMMARY_COLUMNS = [
  "received",
  "transfers",
  "e_transfers",
  "finished",
  "resolved",
  "early",
  "on_time",
  "late",
  "refused",
  "withdrawn",
  "open_late_delta",
  "overdue_delta",
  "rated",
  "satisfied",
  "dissatisfied",
  "fee_recorded",
  "fee_due",
  "paid_online",
  "papers_recorded",
  "papers_digitised",
  "results_recorded",
  "results_digitised",
  "returns_recorded",
  "returns_electronic",
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export const SUMMARY_KEY = ["unit_id", "date", "field", "channel"] as const;

export interface SummaryPart {
  date: string;
  /** Integer-valued SQL per column (portable: no boolean arithmetic). */
  values: Partial<Record<SummaryColumn, string>>;
  where?: string;
}

const flag = (condition: string) => `(case when ${condition} then 1 else 0 end)`;

/**
 * What dossier `x` (a table alias, or `new` / `old` in a trigger) adds to the summary, one part per
 * day it touches:
 * - received date: the flows of reception and the scorecard's intake facts;
 * - finished date (result ready, refusal, withdrawal): the engine's "finished in the period" pass,
 *   the result facts, and the end of its "late while open" and "overdue" intervals;
 * - the day it becomes late while open: its due day (the reception day with two supplement
 *   requests), unless it waits for a supplement requested before its due day was over;
 * - its due day: the start of "overdue" (clock running, due day over), unless it waits for a
 *   supplement requested before then; for one that waits, the day the clock stopped ends it.
 * "Open and late (or overdue) at a day's end" is then a prefix sum of the deltas up to that day.
 */
export function summaryParts(x: string, d: SummaryDialect): SummaryPart[] {
  const waiting = `(${x}.state = 'supplement_requested' and ${x}.clock_stopped_date is not null)`;
  const stopDate = `${x}.clock_stopped_date`;
  const lateStart = `(case when ${x}.supplement_count > 1 or ${x}.due_date < ${x}.received_date then ${x}.received_date else ${x}.due_date end)`;
  const exempt = `(${waiting} and ${x}.supplement_count <= 1 and not (${x}.due_date < ${stopDate}))`;
  const resolved = `${x}.outcome is not null`;
  return [
    {
      date: `${x}.received_date`,
      values: {
        received: "1",
        transfers: `${x}.transfer_count`,
        e_transfers: `${x}.e_transfer_count`,
        fee_recorded: flag(`${x}.payment_method is not null`),
        fee_due: flag(`${x}.payment_method is not null and ${x}.payment_method <> 'none_due'`),
        paid_online: flag(`${x}.payment_method = 'online'`),
        papers_recorded: flag(`${x}.papers_digitised is not null`),
        papers_digitised: flag(`${x}.papers_digitised = 1`),
      },
    },
    {
      date: `${x}.finished_date`,
      values: {
        finished: "1",
        resolved: flag(resolved),
        early: flag(`${x}.outcome = 'early' and ${x}.supplement_count <= 1`),
        on_time: flag(`${x}.outcome = 'on_time' and ${x}.supplement_count <= 1`),
        late: flag(`${x}.outcome = 'late' or (${resolved} and ${x}.supplement_count > 1)`),
        refused: flag(`${x}.state = 'refused'`),
        withdrawn: flag(`${x}.state = 'withdrawn'`),
        open_late_delta: `-${flag(`${lateStart} < ${x}.finished_date`)}`,
        overdue_delta: `-${flag(`${x}.due_date < ${x}.finished_date`)}`,
        results_recorded: flag(`${resolved} and ${x}.result_digitised is not null`),
        results_digitised: flag(`${resolved} and ${x}.result_digitised = 1`),
        returns_recorded: flag(`${resolved} and ${x}.return_method is not null`),
        returns_electronic: flag(`${resolved} and ${x}.return_method = 'electronic'`),
      },
      where: `${x}.finished_date is not null`,
    },
    {
      date: lateStart,
      values: { open_late_delta: "1" },
      where: `(${x}.finished_date is null or ${lateStart} < ${x}.finished_date) and not ${exempt}`,
    },
    {
      date: `${x}.due_date`,
      values: { overdue_delta: "1" },
      where: `(${waiting} and ${x}.due_date < ${stopDate}) or (not ${waiting} and (${x}.finished_date is null or ${x}.due_date < ${x}.finished_date))`,
    },
    {
      date: stopDate,
      values: { overdue_delta: "-1" },
      where: `${waiting} and ${x}.due_date < ${stopDate}`,
    },
    {
      date: `(select ${d.businessDate("r.rated_at")} from dossier_rating r where r.dossier_id = ${x}.id)`,
      values: {
        rated: "1",
        satisfied: `(select ${flag("r.rating in ('very_satisfied', 'satisfied')")} from dossier_rating r where r.dossier_id = ${x}.id)`,
        dissatisfied: `(select ${flag("r.rating = 'dissatisfied'")} from dossier_rating r where r.dossier_id = ${x}.id)`,
      },
      where: `exists (select 1 from dossier_rating r where r.dossier_id = ${x}.id)`,
    },
  ];
}

/** The dossier columns whose change moves a dossier's contributions. */
export const SUMMARY_WATCHED = [
  "unit_id",
  "field",
  "channel",
  "received_date",
  "due_date",
  "state",
  "supplement_count",
  "clock_stopped_date",
  "transfer_count",
  "e_transfer_count",
  "finished_date",
  "outcome",
  "payment_method",
  "papers_digitised",
  "result_digitised",
  "return_method",
];

const times = (sign: 1 | -1, expression: string) => `${sign === 1 ? "" : "-"}coalesce(${expression}, 0)`;

/** Every dossier's contributions as rows of all the columns, for the backfill. */
export function allContributions(d: SummaryDialect): string {
  return summaryParts("x", d)
    .map(
      (p) =>
        `select x.unit_id as unit_id, ${p.date} as date, x.field as field, x.channel as channel, ` +
        `${SUMMARY_COLUMNS.map((c) => `${p.values[c] ? times(1, p.values[c]) : "0"} as ${c}`).join(", ")} from dossier x` +
        (p.where ? ` where ${p.where}` : ""),
    )
    .join("\nunion all\n");
}

/** One upsert per contribution of `x`, touching only its own columns. */
export function summaryUpserts(x: string, sign: 1 | -1, d: SummaryDialect): string {
  return summaryParts(x, d)
    .map((p) => {
      const columns = Object.keys(p.values) as SummaryColumn[];
      return `insert into dossier_daily_stat (${SUMMARY_KEY.join(", ")}, ${columns.join(", ")})
        select ${x}.unit_id, ${p.date}, ${x}.field, ${x}.channel, ${columns.map((c) => times(sign, p.values[c]!)).join(", ")} where ${p.where ?? "1 = 1"}
        on conflict (${SUMMARY_KEY.join(", ")}) do update set ${columns.map((c) => `${c} = dossier_daily_stat.${c} + excluded.${c}`).join(", ")};`;
    })
    .join("\n");
}

/** A rating's own contribution (a rating comes after its dossier, so the dossier's triggers cannot add it). */
export function ratingUpsert(x: string, sign: 1 | -1, d: SummaryDialect): string {
  return `insert into dossier_daily_stat (${SUMMARY_KEY.join(", ")}, rated, satisfied, dissatisfied)
    select dd.unit_id, ${d.businessDate(`${x}.rated_at`)}, dd.field, dd.channel, ${times(sign, "1")},
           ${times(sign, flag(`${x}.rating in ('very_satisfied', 'satisfied')`))}, ${times(sign, flag(`${x}.rating = 'dissatisfied'`))}
      from dossier dd where dd.id = ${x}.dossier_id
    on conflict (${SUMMARY_KEY.join(", ")}) do update set rated = dossier_daily_stat.rated + excluded.rated,
      satisfied = dossier_daily_stat.satisfied + excluded.satisfied, dissatisfied = dossier_daily_stat.dissatisfied + excluded.dissatisfied;`;
}

async function rebuildSummarySqlite(db: Kysely<any>): Promise<void> {
  const d = SQLITE_SUMMARY_DIALECT;
  for (const trigger of [
    "dossier_daily_stat_insert",
    "dossier_daily_stat_delete",
    "dossier_daily_stat_update",
    "dossier_daily_stat_rating_insert",
    "dossier_daily_stat_rating_delete",
    "dossier_daily_stat_rating_update",
  ]) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql.raw(`drop table dossier_daily_stat`).execute(db);
  await sql
    .raw(
      `create table dossier_daily_stat (
         unit_id integer not null,
         date text not null,
         field text not null,
         channel text not null,
         ${SUMMARY_COLUMNS.map((c) => `${c} integer not null default 0`).join(",\n         ")},
         primary key (${SUMMARY_KEY.join(", ")})
       ) without rowid`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into dossier_daily_stat (${SUMMARY_KEY.join(", ")}, ${SUMMARY_COLUMNS.join(", ")})
       select ${SUMMARY_KEY.join(", ")}, ${SUMMARY_COLUMNS.map((c) => `sum(${c})`).join(", ")}
         from (${allContributions(d)}) contributions
        group by ${SUMMARY_KEY.join(", ")}`,
    )
    .execute(db);
  await sql.raw(`create trigger dossier_daily_stat_insert after insert on dossier begin ${summaryUpserts("new", 1, d)} end`).execute(db);
  await sql.raw(`create trigger dossier_daily_stat_delete after delete on dossier begin ${summaryUpserts("old", -1, d)} end`).execute(db);
  await sql
    .raw(
      `create trigger dossier_daily_stat_update after update of ${SUMMARY_WATCHED.join(", ")} on dossier
       when ${SUMMARY_WATCHED.map((c) => `old.${c} is not new.${c}`).join(" or ")}
       begin ${summaryUpserts("old", -1, d)} ${summaryUpserts("new", 1, d)} end`,
    )
    .execute(db);
  await sql.raw(`create trigger dossier_daily_stat_rating_insert after insert on dossier_rating begin ${ratingUpsert("new", 1, d)} end`).execute(db);
  await sql.raw(`create trigger dossier_daily_stat_rating_delete after delete on dossier_rating begin ${ratingUpsert("old", -1, d)} end`).execute(db);
  await sql
    .raw(
      `create trigger dossier_daily_stat_rating_update after update of dossier_id, rating, rated_at on dossier_rating
       begin ${ratingUpsert("old", -1, d)} ${ratingUpsert("new", 1, d)} end`,
    )
    .execute(db);
}

/**
 * The same summary for PostgreSQL, rendered by summary-triggers.ts from the parts above (SQLite keeps
 * the statements of `rebuildSummarySqlite`, which databases already ran): the rating's own contribution
 * as `ratingUpsert` spells it.
 */
export const DAILY_STAT_0013: SummaryShape = {
  table: "dossier_daily_stat",
  key: [
    { name: "unit_id", type: "integer" },
    { name: "date", type: "text" },
    { name: "field", type: "text" },
    { name: "channel", type: "text" },
  ],
  columns: SUMMARY_COLUMNS,
  sources: [
    {
      table: "dossier",
      triggerPrefix: "dossier_daily_stat",
      contributions: (x, f) =>
        summaryParts(x, { businessDate: f.localDate }).map((p) => ({
          key: [`${x}.unit_id`, p.date, `${x}.field`, `${x}.channel`],
          values: p.values as Record<string, string>,
          ...(p.where ? { where: p.where } : {}),
        })),
      updateOf: SUMMARY_WATCHED,
      onlyWhenChanged: true,
    },
    {
      table: "dossier_rating",
      triggerPrefix: "dossier_daily_stat_rating",
      contributions: (x, f) => [
        {
          key: ["dd.unit_id", f.localDate(`${x}.rated_at`), "dd.field", "dd.channel"],
          values: { rated: "1", satisfied: flag(`${x}.rating in ('very_satisfied', 'satisfied')`), dissatisfied: flag(`${x}.rating = 'dissatisfied'`) },
          from: "dossier dd",
          where: `dd.id = ${x}.dossier_id`,
        },
      ],
      updateOf: ["dossier_id", "rating", "rated_at"],
      onlyWhenChanged: false,
    },
  ],
};

async function rebuildSummaryPostgres(db: Kysely<any>): Promise<void> {
  for (const statement of dropSummaryTriggers("postgres", DAILY_STAT_0009)) await sql.raw(statement).execute(db);
  await sql.raw(`drop table dossier_daily_stat`).execute(db);
  await sql.raw(createSummaryTable("postgres", DAILY_STAT_0013)).execute(db);
  await sql.raw(backfillSummary("postgres", DAILY_STAT_0013, "x")).execute(db);
  for (const statement of summaryTriggers("postgres", DAILY_STAT_0013)) await sql.raw(statement).execute(db);
}

// ------------------------------------------------------------------------------ the scorecard

interface GridIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  measure: string;
  scoring: { kind: "linear"; fullAt: number };
}
interface GridGroup {
  code: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  indicators: GridIndicator[];
}

const linear = (fullAt = 1) => ({ kind: "linear" as const, fullAt });

/**
 * Decision 766/QĐ-TTg (23 June 2022), the six groups and their points as DOMAIN.md gives them; the
 * indicators inside each group and their split of the points are this product's reading *(check
 * against the decision's annex)*: a unit corrects them by adding a new version, never by editing
 * code. Points are linear in the value up to `fullAt` (satisfaction: full points at 90%).
 */
const GRID_766: GridGroup[] = [
  {
    code: "1",
    nameVi: "Công khai, minh bạch",
    nameEn: "Publicity and transparency",
    maxPoints: 18,
    indicators: [
      { code: "1.1", nameVi: "Thủ tục hành chính được công khai đầy đủ thời hạn, phí, lệ phí và thành phần hồ sơ", nameEn: "Procedures published with their time limit, fee and papers", maxPoints: 6, measure: "procedures_published", scoring: linear() },
      { code: "1.2", nameVi: "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", nameEn: "Dossiers synchronised to the national public-service portal", maxPoints: 6, measure: "portal_sync", scoring: linear() },
      { code: "1.3", nameVi: "Kết quả xử lý phản ánh, kiến nghị được công khai đúng hạn", nameEn: "Answers to feedback published on time", maxPoints: 6, measure: "answers_published_on_time", scoring: linear() },
    ],
  },
  {
    code: "2",
    nameVi: "Tiến độ giải quyết",
    nameEn: "Timeliness of handling",
    maxPoints: 20,
    indicators: [
      { code: "2.1", nameVi: "Hồ sơ giải quyết trước hạn, đúng hạn", nameEn: "Dossiers resolved early or on time", maxPoints: 20, measure: "on_time_rate", scoring: linear() },
    ],
  },
  {
    code: "3",
    nameVi: "Cung cấp dịch vụ trực tuyến",
    nameEn: "Online public services",
    maxPoints: 12,
    indicators: [
      { code: "3.1", nameVi: "Thủ tục hành chính cung cấp dịch vụ công trực tuyến (toàn trình, một phần)", nameEn: "Procedures offered as an online service (full or partial)", maxPoints: 4, measure: "procedures_online", scoring: linear() },
      { code: "3.2", nameVi: "Hồ sơ tiếp nhận trực tuyến", nameEn: "Dossiers received online", maxPoints: 8, measure: "dossiers_online", scoring: linear() },
    ],
  },
  {
    code: "4",
    nameVi: "Thanh toán trực tuyến",
    nameEn: "Online payment",
    maxPoints: 10,
    indicators: [
      { code: "4.1", nameVi: "Hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến", nameEn: "Dossiers with a fee paid online", maxPoints: 10, measure: "fees_paid_online", scoring: linear() },
    ],
  },
  {
    code: "5",
    nameVi: "Mức độ hài lòng",
    nameEn: "Satisfaction",
    maxPoints: 18,
    indicators: [
      { code: "5.1", nameVi: "Phản ánh, kiến nghị, khiếu nại được trả lời đúng hạn", nameEn: "Feedback, recommendations and complaints answered on time", maxPoints: 6, measure: "feedback_answered_on_time", scoring: linear() },
      { code: "5.4", nameVi: "Mức độ hài lòng trong giải quyết TTHC (100% − % trễ hạn − % có phản ánh, khiếu nại hoặc không hài lòng)", nameEn: "Satisfaction with procedures (100% − % late − % with a complaint, feedback or a dissatisfied rating)", maxPoints: 12, measure: "satisfaction_index", scoring: linear(0.9) },
    ],
  },
  {
    code: "6",
    nameVi: "Số hóa hồ sơ, kết quả giải quyết",
    nameEn: "Digitisation of dossiers and results",
    maxPoints: 22,
    indicators: [
      { code: "6.1", nameVi: "Hồ sơ được số hóa khi tiếp nhận", nameEn: "Dossiers whose papers were digitised at intake", maxPoints: 8, measure: "papers_digitised", scoring: linear() },
      { code: "6.2", nameVi: "Kết quả giải quyết được cấp bản điện tử", nameEn: "Results issued as an electronic copy", maxPoints: 6, measure: "results_digitised", scoring: linear() },
      { code: "6.3", nameVi: "Kết quả được trả bằng hình thức điện tử", nameEn: "Results returned electronically", maxPoints: 4, measure: "results_returned_electronically", scoring: linear() },
      { code: "6.4", nameVi: "Khai thác, sử dụng lại thông tin, dữ liệu đã số hóa", nameEn: "Reuse of digitised data", maxPoints: 4, measure: "data_reused", scoring: linear() },
    ],
  },
];

async function createServiceIndexGrid(db: Kysely<any>, now: string): Promise<void> {
  await db.schema
    .createTable("service_index_version")
    .addColumn("id", "integer", autoId(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("service_index_group")
    .addColumn("id", "integer", autoId(db))
    .addColumn("version_id", "integer", (c) => c.notNull().references("service_index_version.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("max_points", "double precision", (c) => c.notNull().check(sql`max_points > 0`))
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("service_index_group_code", ["version_id", "code"])
    .execute();
  await db.schema
    .createTable("service_index_indicator")
    .addColumn("id", "integer", autoId(db))
    .addColumn("group_id", "integer", (c) => c.notNull().references("service_index_group.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("max_points", "double precision", (c) => c.notNull().check(sql`max_points > 0`))
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("scoring_json", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("service_index_indicator_code", ["group_id", "code"])
    .execute();

  const { id: versionId } = await db
    .insertInto("service_index_version")
    .values({
      code: "766-2022",
      title: "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
      legal_basis: "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ",
      effective_from: "2022-06-23",
      note: "Sáu nhóm và điểm tối đa theo Quyết định 766; các chỉ số trong nhóm và cách chia điểm cần đối chiếu với Phụ lục của Quyết định (cần kiểm tra).",
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [groupIndex, group] of GRID_766.entries()) {
    const { id: groupId } = await db
      .insertInto("service_index_group")
      .values({ version_id: versionId, code: group.code, name_vi: group.nameVi, name_en: group.nameEn, max_points: group.maxPoints, position: groupIndex + 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("service_index_indicator")
      .values(
        group.indicators.map((indicator, index) => ({
          group_id: groupId,
          code: indicator.code,
          name_vi: indicator.nameVi,
          name_en: indicator.nameEn,
          max_points: indicator.maxPoints,
          measure: indicator.measure,
          scoring_json: JSON.stringify(indicator.scoring),
          position: index + 1,
        })),
      )
      .execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("dossier")
    .addColumn("payment_method", "text", (c) => c.check(nullOrIn("payment_method", PAYMENT_METHODS)))
    .execute();
  await db.schema
    .alterTable("dossier")
    .addColumn("papers_digitised", "integer", (c) => c.check(sql`papers_digitised is null or papers_digitised in (0, 1)`))
    .execute();
  await db.schema
    .alterTable("dossier")
    .addColumn("result_digitised", "integer", (c) => c.check(sql`result_digitised is null or result_digitised in (0, 1)`))
    .execute();
  await db.schema
    .alterTable("dossier")
    .addColumn("return_method", "text", (c) => c.check(nullOrIn("return_method", RETURN_METHODS)))
    .execute();
  await db.schema.alterTable("dossier").addColumn("clock_stopped_at", "text").execute();
  await db.schema.alterTable("dossier").addColumn("clock_stopped_date", "text").execute();
  // Dossiers waiting now: the clock stopped at their last supplement request.
  const waiting = await db
    .selectFrom("dossier as d")
    .innerJoin("dossier_event as e", "e.dossier_id", "d.id")
    .select(["d.id", (eb) => eb.fn.max("e.at").as("at")])
    .where("d.state", "=", "supplement_requested")
    .where("e.kind", "=", "request_supplement")
    .groupBy("d.id")
    .execute();
  for (const w of waiting) {
    const at = String(w.at);
    const date = new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10);
    await db.updateTable("dossier").set({ clock_stopped_at: at, clock_stopped_date: date }).where("id", "=", w.id).execute();
  }

  if (dialectOf(db) === "postgres") await rebuildSummaryPostgres(db);
  else await rebuildSummarySqlite(db);
  await createServiceIndexGrid(db, new Date().toISOString());
}
