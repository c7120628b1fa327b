import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantAt } from "~/domain/calendar/business-date";
import { makePeriod, measurePeriod, monthPeriod, yearPeriod, type MeasuredPeriod } from "~/domain/metrics/period";
import type { Period } from "~/domain/metrics/on-time";
import { getPeriodFigures } from "~/models/figures.server";
import {
  countAnswerTimeliness,
  countFeedbackByKindAndState,
  countFeedbackByMonth,
  countNonconformities,
  getDashboard,
  getDataYears,
  getTransparency,
  listVisibleUnits,
  resolveDashboardUnit,
} from "~/models/dashboard.server";
import { getOnTimeStatement } from "~/models/metrics-report.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { dossiersOf, generateDossiers, insertDossiers, insertOtherUnit, proceduresOf, seedReferenceData } from "../models/dossier-fixtures";

const NOW = new Date("2025-07-03T03:00:00.000Z"); // 2025-07-03 10:00 in Vietnam
const STAMP = "2025-01-01T00:00:00.000Z";

let t: TestDb;
let unitId: number;
let qualityLeadId: number;
let feedbackSeq = 0;
/** A period as every figure measures it at the test's `now`. */
const at = (period: Period): MeasuredPeriod => measurePeriod(period, NOW);
const countRatings = async (db: TestDb["db"], unit: number, period: Period) => {
  const { rated, satisfied } = (await getPeriodFigures(db, unit, period, NOW)).service.total;
  return { rated, satisfied };
};

async function insertFeedback(values: {
  kind: "feedback" | "recommendation" | "complaint" | "compliment";
  state: string;
  receivedAt: string;
  resolutionDueAt?: string | null;
  answeredAt?: string | null;
  closedAt?: string | null;
  hidden?: "spam" | "duplicate";
  notAccepted?: boolean;
  unit?: number;
}) {
  feedbackSeq += 1;
  await t.db
    .insertInto("feedback_item")
    .values({
      unit_id: values.unit ?? unitId,
      code: `TEST-FB-${String(feedbackSeq).padStart(4, "0")}`,
      kind: values.kind,
      state: values.state as never,
      subject: "Thử",
      description: "Thử",
      dossier_id: null,
      procedure_id: null,
      contact_name: "Lò Văn Bí Mật",
      contact_phone: "0912000111",
      contact_email: null,
      contact_address: null,
      contact_id_number: null,
      consent_at: null,
      received_at: values.receivedAt,
      acceptance_due_at: null,
      resolution_due_at: values.resolutionDueAt ?? null,
      accepted_at: null,
      answered_at: values.answeredAt ?? null,
      closed_at: values.closedAt ?? null,
      public_answer: null,
      not_accepted_reason: values.notAccepted ? "Không thuộc thẩm quyền" : null,
      forwarded_to: null,
      assignee_user_id: null,
      hidden_reason: values.hidden ?? null,
      duplicate_of_id: null,
      source: "web",
      source_address_hash: null,
      api_client_id: null,
      address_string: null,
      lat: null,
      long: null,
      nonconformity_id: null,
      created_at: values.receivedAt,
      updated_at: values.receivedAt,
    })
    .execute();
}

beforeAll(async () => {
  t = createTestDb();
  const ref = await seedReferenceData(t.db);
  unitId = ref.unit.id;
  qualityLeadId = ref.qualityLeadId;
  const procedures = await proceduresOf(t.db, unitId);
  await insertDossiers(
    t.db,
    generateDossiers({ unitId, unitCode: ref.unit.code, procedures, anchors: ["2025-01-15", "2025-03-31", "2025-06-10", "2025-06-30"], count: 500, seed: 12 }),
  );

  // Feedback in 2025 (times are UTC; the business month is Vietnam's).
  await insertFeedback({ kind: "complaint", state: "answered", receivedAt: "2025-01-10T02:00:00.000Z", resolutionDueAt: "2025-02-20T10:00:00.000Z", answeredAt: "2025-02-10T03:00:00.000Z" });
  await insertFeedback({ kind: "complaint", state: "closed", receivedAt: "2025-01-31T17:30:00.000Z", resolutionDueAt: "2025-02-20T10:00:00.000Z", answeredAt: "2025-02-25T03:00:00.000Z", closedAt: "2025-02-26T03:00:00.000Z" });
  await insertFeedback({ kind: "feedback", state: "investigating", receivedAt: "2025-03-02T02:00:00.000Z", resolutionDueAt: "2025-03-21T10:00:00.000Z" });
  await insertFeedback({ kind: "feedback", state: "received", receivedAt: "2025-06-30T02:00:00.000Z", resolutionDueAt: "2025-07-21T10:00:00.000Z" });
  await insertFeedback({ kind: "recommendation", state: "closed", receivedAt: "2025-02-02T02:00:00.000Z", resolutionDueAt: "2025-02-21T10:00:00.000Z", closedAt: "2025-02-04T02:00:00.000Z", notAccepted: true });
  await insertFeedback({ kind: "compliment", state: "closed", receivedAt: "2025-04-02T02:00:00.000Z" });
  await insertFeedback({ kind: "feedback", state: "received", receivedAt: "2025-04-03T02:00:00.000Z", hidden: "spam" });
  await insertFeedback({ kind: "complaint", state: "received", receivedAt: "2024-12-31T16:00:00.000Z" }); // 2024-12-31 23:00 in Vietnam

  // Ratings of returned dossiers.
  const returned = (await dossiersOf(t.db, unitId)).filter((r) => r.state === "returned").slice(0, 6);
  const ratings = ["very_satisfied", "satisfied", "satisfied", "dissatisfied", "very_satisfied"] as const;
  for (const [i, rating] of ratings.entries()) {
    await t.db.insertInto("dossier_rating").values({ dossier_id: returned[i]!.id, rating, comment: null, rated_at: `2025-0${i + 1}-10T03:00:00.000Z` }).execute();
  }
  // 23:59 on 31 Dec 2024 in Vietnam: a 2024 rating.
  await t.db.insertInto("dossier_rating").values({ dossier_id: returned[5]!.id, rating: "dissatisfied", comment: null, rated_at: "2024-12-31T16:59:00.000Z" }).execute();

  // Nonconformities: two open (one with an overdue action), one closed, one merged.
  const nc = async (code: string, state: string, merged: number | null = null) =>
    (
      await t.db
        .insertInto("nonconformity")
        .values({ unit_id: unitId, code, source: "internal_audit", process: "QT-07", iso_clause: "8.5", grade: "minor", state: state as never, title: "Thử", description: "Thử", evidence: null, found_by_user_id: null, found_at: STAMP, correction: null, cause_method: null, cause_analysis_json: null, root_cause: null, verification_note: null, verified_by_user_id: null, verified_at: null, merged_into_id: merged, closed_at: null, created_at: STAMP, updated_at: STAMP })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const open1 = await nc("NC-2025-001", "actions_planned");
  await nc("NC-2025-002", "open");
  const closed = await nc("NC-2025-003", "closed");
  await nc("NC-2025-004", "open", open1);
  const action = (nonconformityId: number, dueDate: string, status: "planned" | "done") =>
    t.db
      .insertInto("corrective_action")
      .values({ nonconformity_id: nonconformityId, description: "Thử", owner_user_id: qualityLeadId, due_date: dueDate, status, evidence: null, done_by_user_id: null, done_at: null, created_at: STAMP, updated_at: STAMP })
      .execute();
  await action(open1, "2025-06-30", "planned");
  await action(open1, "2025-08-30", "planned");
  await action(closed, "2025-01-30", "done");

  await t.db
    .insertInto("quality_objective")
    .values([
      { unit_id: unitId, year: 2025, title: "Đúng hạn", metric: "on_time_rate", comparator: ">=", target: 1, created_at: STAMP, updated_at: STAMP },
      { unit_id: unitId, year: 2025, title: "Trực tuyến", metric: "online_rate", comparator: ">=", target: 0.8, created_at: STAMP, updated_at: STAMP },
    ])
    .execute();
}, 30_000);

afterAll(async () => {
  await t.cleanup();
});

describe("feedback, satisfaction and nonconformity figures", () => {
  it("counts feedback received in the period by kind and state, without spam", async () => {
    const counts = await countFeedbackByKindAndState(t.db, unitId, at(yearPeriod(2025)));
    expect(counts.sort((a, b) => `${a.kind}${a.state}`.localeCompare(`${b.kind}${b.state}`))).toEqual([
      { kind: "complaint", state: "answered", count: 1 },
      { kind: "complaint", state: "closed", count: 1 },
      { kind: "compliment", state: "closed", count: 1 },
      { kind: "feedback", state: "investigating", count: 1 },
      { kind: "feedback", state: "received", count: 1 },
      { kind: "recommendation", state: "closed", count: 1 },
    ]);
    // 23:00 on 31 Dec in Vietnam belongs to 2024.
    expect(await countFeedbackByKindAndState(t.db, unitId, at(yearPeriod(2024)))).toEqual([{ kind: "complaint", state: "received", count: 1 }]);
  });

  it("judges answers like dossiers: answered by the deadline, or open and past it at the period's end", async () => {
    // 2025 H1: one answered on time, one answered late; one open past due (March); one not yet due; one not accepted.
    expect(await countAnswerTimeliness(t.db, unitId, at(makePeriod("2025-01-01", "2025-06-30")))).toEqual({ answered: 2, onTime: 1, openLate: 1, judged: 3 });
    // February only: both answers fall in it; the March item is not yet due at its end.
    expect(await countAnswerTimeliness(t.db, unitId, at(monthPeriod(2025, 2)))).toEqual({ answered: 2, onTime: 1, openLate: 0, judged: 2 });
  });

  it("counts received and answered by Vietnamese month", async () => {
    expect(await countFeedbackByMonth(t.db, unitId, at(makePeriod("2025-01-01", "2025-03-31")))).toEqual(
      expect.arrayContaining([
        { month: "2025-01", received: 1, answered: 0 },
        { month: "2025-02", received: 2, answered: 2 },
        { month: "2025-03", received: 1, answered: 0 },
      ]),
    );
  });

  it("counts ratings given in the period", async () => {
    expect(await countRatings(t.db, unitId, yearPeriod(2025))).toEqual({ rated: 5, satisfied: 4 });
    expect(await countRatings(t.db, unitId, yearPeriod(2024))).toEqual({ rated: 1, satisfied: 0 });
    expect(await countRatings(t.db, unitId, monthPeriod(2025, 2))).toEqual({ rated: 1, satisfied: 1 });
  });

  it("counts open nonconformities and their corrective actions, now", async () => {
    expect(await countNonconformities(t.db, unitId, "2025-07-03")).toEqual({ open: 2, overdue: 1, openActions: 2, overdueActions: 1 });
    expect(await countNonconformities(t.db, unitId, "2025-06-01")).toEqual({ open: 2, overdue: 0, openActions: 2, overdueActions: 0 });
    expect(await countNonconformities(t.db, await insertOtherUnit(t.db, "000.33.33.H53"), "2025-07-03")).toEqual({ open: 0, overdue: 0, openActions: 0, overdueActions: 0 });
  });
});

describe("getDashboard", () => {
  it("gives the metrics API's figures with the year's targets", async () => {
    const period = makePeriod("2025-01-01", "2025-07-03");
    const dashboard = await getDashboard(t.db, unitId, period, NOW);
    const statement = await getOnTimeStatement(t.db, unitId, period, NOW);
    const figures = Object.fromEntries(dashboard.figures.map((f) => [f.key, f]));
    expect(figures.received!.value).toBe(statement.received);
    expect(figures.resolved!.value).toBe(statement.resolved);
    expect(figures.on_time_rate).toMatchObject({ value: statement.onTimeRate, target: { comparator: ">=", target: 1 } });
    expect(figures.online_rate).toMatchObject({ value: statement.onlineRate, target: { comparator: ">=", target: 0.8 } });
    expect(figures.e_transfer_rate).toMatchObject({ value: statement.eTransferRate, target: null, status: "none" });
    expect(figures.overdue_now!.value).toBe(statement.overdueNow);
    expect(figures.satisfaction_rate!.value).toBe(4 / 5);
    expect(figures.complaints_on_time_rate!.value).toBe(1 / 3);
    expect(figures.open_nonconformities!.value).toBe(2);
    expect(figures.overdue_actions!.value).toBe(1);
    expect(dashboard.months.map((m) => m.month)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]);
    expect(dashboard.months.reduce((n, m) => n + m.received, 0)).toBe(statement.received);
    expect(dashboard.fields.reduce((n, f) => n + f.received, 0)).toBe(statement.received);
    expect(dashboard.feedback.find((f) => f.kind === "complaint")!.total).toBe(2);
    expect(dashboard.onlineTarget).toBe(0.8);
  });

  it("shows the public page aggregates only: no name, no phone, no code", async () => {
    const page = await getTransparency(t.db, unitId, yearPeriod(2025), NOW);
    const json = JSON.stringify(page);
    const someDossier = (await dossiersOf(t.db, unitId))[0]!;
    for (const secret of ["Lò Văn Bí Mật", "0912000111", "TEST-FB-", someDossier.code, someDossier.applicant_name, "Thử"]) {
      expect(json).not.toContain(secret);
    }
    expect(page.satisfaction).toEqual({ rated: 5, satisfied: 4, rate: 4 / 5 });
    expect(page.feedback.received).toBe(6);
    expect(page.feedback.answered).toBe(2);
    // 2025 is running at NOW (3 July): measured from January up to today.
    expect(page.months).toHaveLength(7);
  });

  it("knows the years with data", async () => {
    expect(await getDataYears(t.db, unitId)).toMatchObject({ first: 2025 });
    expect(await getDataYears(t.db, await insertOtherUnit(t.db, "000.22.22.H53"))).toBeNull();
  });
});

describe("units a user may look at", () => {
  it("are the user's unit and the units below it", async () => {
    const child = await insertOtherUnit(t.db, "000.11.11.H53");
    const grandchild = await insertOtherUnit(t.db, "000.11.12.H53");
    const sibling = await insertOtherUnit(t.db, "000.11.13.H53");
    await t.db.updateTable("unit").set({ parent_id: unitId }).where("id", "in", [child, sibling]).execute();
    await t.db.updateTable("unit").set({ parent_id: child }).where("id", "=", grandchild).execute();
    expect((await listVisibleUnits(t.db, unitId))[0]!.id).toBe(unitId);
    expect(new Set((await listVisibleUnits(t.db, unitId)).map((u) => u.id))).toEqual(new Set([unitId, child, grandchild, sibling]));
    expect((await listVisibleUnits(t.db, child)).map((u) => u.id).sort()).toEqual([child, grandchild].sort());
    expect(await resolveDashboardUnit(t.db, child, sibling)).toMatchObject({ unit: { id: child }, refused: true });
    expect(await resolveDashboardUnit(t.db, child, grandchild)).toMatchObject({ unit: { id: grandchild }, refused: false });
    expect(await resolveDashboardUnit(t.db, child, undefined)).toMatchObject({ unit: { id: child }, refused: false });
  });
});

it("an instant helper sanity check for the fixtures", () => {
  expect(instantAt("2025-02-01", "00:30").toISOString()).toBe("2025-01-31T17:30:00.000Z");
});
