import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Role } from "~/domain/accounts/roles";
import { hasAnyRole } from "~/domain/accounts/roles";
import { isOverdue } from "~/domain/actions";
import { OPEN_FEEDBACK_STATES } from "~/domain/feedback/feedback";
import { businessDateOf } from "~/utils/clock";
import { listOwnedActions } from "./actions.server";
import { getWorkingCalendar } from "./calendar.server";
import { OVERDUE_NOW_STATES } from "./dossier-register.server";
import { listOverdueReviews } from "./documents.server";
import { listInbox } from "./feedback.server";

/** One piece of waiting work, with the page where it is done. */
export interface WorklistEntry {
  key: string;
  ref: string;
  title: string;
  link: string;
  /** Business date it is due, if it has one. */
  due: string | null;
  overdue: boolean;
}

export interface WorklistUser {
  id: number;
  unitId: number;
  roles: readonly Role[];
}

export interface WorklistDay {
  /** The business date (Asia/Ho_Chi_Minh). */
  date: string;
  now: Date;
}

export function worklistDay(now: Date): WorklistDay {
  return { date: businessDateOf(now), now };
}

/** How many entries a section shows on the home page; the count says how many there are. */
export const WORKLIST_PREVIEW = 5;

export interface WorklistProvider {
  key: WorklistKey;
  /** Who sees this kind of work; "any" for everyone's own actions. */
  roles: readonly Role[] | "any";
  /** The navigation entry whose badge counts it. */
  nav: string;
  /** The page that lists all of it. */
  more: string;
  list(db: Kysely<Database>, user: WorklistUser, today: WorklistDay): Promise<WorklistEntry[]>;
  /** Counts only: the navigation badges call this on every staff page. */
  count(db: Kysely<Database>, user: WorklistUser, today: WorklistDay): Promise<number>;
}

export const WORKLIST_KEYS = [
  "revisionsToApprove",
  "auditReportsToApprove",
  "reviewRecordsToSign",
  "apologiesToSign",
  "dossiersAssigned",
  "dossiersDueToday",
  "dossiersDueSoon",
  "dossiersOverdue",
  "dossiersSupplement",
  "feedbackNearDeadline",
  "documentReviewsDue",
  "ncsToAnalyse",
  "ncsToVerify",
  "myActions",
] as const;
export type WorklistKey = (typeof WORKLIST_KEYS)[number];

/** Working days ahead that "due soon" looks (issue 16: "due within 2 working days"). */
export const DUE_SOON_WORKING_DAYS = 2;

async function countOf(query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }): Promise<number> {
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

function dossierEntries(rows: { code: string; procedure_name: string; due_date: string }[], today: string): WorklistEntry[] {
  return rows.map((r) => ({
    key: `dossier:${r.code}`,
    ref: r.code,
    title: r.procedure_name,
    link: `/staff/dossiers/${r.code}`,
    due: r.due_date,
    overdue: r.due_date < today,
  }));
}

/** A provider over open dossiers of the unit, narrowed by `where`. */
function dossierProvider(
  key: WorklistKey,
  more: string,
  where: (
    q: ReturnType<typeof dossierBase>,
    user: WorklistUser,
    today: WorklistDay,
    db: Kysely<Database>,
  ) => Promise<ReturnType<typeof dossierBase>> | ReturnType<typeof dossierBase>,
): WorklistProvider {
  return {
    key,
    roles: ["officer"],
    nav: "/staff/dossiers",
    more,
    async list(db, user, today) {
      const q = await where(dossierBase(db, user.unitId), user, today, db);
      const rows = await q
        .select(["dossier.code", "procedure.name as procedure_name", "dossier.due_date"])
        .orderBy("dossier.due_at")
        .orderBy("dossier.id")
        .limit(WORKLIST_PREVIEW)
        .execute();
      return dossierEntries(rows, today.date);
    },
    async count(db, user, today) {
      const q = await where(dossierBase(db, user.unitId), user, today, db);
      return countOf(q.select((eb) => eb.fn.countAll<number>().as("n")));
    },
  };
}

function dossierBase(db: Kysely<Database>, unitId: number) {
  return db.selectFrom("dossier").innerJoin("procedure", "procedure.id", "dossier.procedure_id").where("dossier.unit_id", "=", unitId);
}

/** The n-th working day after today by the unit's calendar (not calendar days). */
async function workingDaysAhead(db: Kysely<Database>, unitId: number, today: string, n: number): Promise<string> {
  return (await getWorkingCalendar(db, unitId)).addWorkingDays(today, n);
}

function revisionsBase(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("document_revision")
    .innerJoin("document", "document.id", "document_revision.document_id")
    .where("document.unit_id", "=", unitId)
    .where("document_revision.state", "=", "in_review");
}

function auditsBase(db: Kysely<Database>, unitId: number, userId: number) {
  const onTeam = db.selectFrom("internal_audit_member").select("internal_audit_member.audit_id").where("internal_audit_member.user_id", "=", userId);
  // As listMyAuditTasks: a leader approves drafts of audits they were not on.
  return db.selectFrom("internal_audit").where("unit_id", "=", unitId).where("state", "=", "report_drafted").where("id", "not in", onTeam);
}

function reviewRecordsBase(db: Kysely<Database>, unitId: number) {
  return db.selectFrom("management_review").where("unit_id", "=", unitId).where("state", "=", "draft");
}

/** Late dossiers still without their apology slip (Decree 61/2018 art. 19: signed by the head of the unit). */
function apologiesBase(db: Kysely<Database>, unitId: number, today: string) {
  return dossierBase(db, unitId)
    .where("dossier.state", "in", OVERDUE_NOW_STATES)
    .where("dossier.due_date", "<", today)
    .where("dossier.apology_issued_at", "is", null);
}

function ncBase(db: Kysely<Database>, unitId: number, states: readonly ("open" | "correction_taken" | "actions_done")[]) {
  return db.selectFrom("nonconformity").where("unit_id", "=", unitId).where("state", "in", states);
}

const NC_TO_ANALYSE = ["open", "correction_taken"] as const;
const NC_TO_VERIFY = ["actions_done"] as const;

function ncProvider(key: WorklistKey, states: readonly ("open" | "correction_taken" | "actions_done")[]): WorklistProvider {
  return {
    key,
    roles: ["quality_lead"],
    nav: "/staff/nonconformities",
    more: "/staff/nonconformities",
    async list(db, user) {
      const rows = await ncBase(db, user.unitId, states).select(["code", "title"]).orderBy("id").limit(WORKLIST_PREVIEW).execute();
      return rows.map((r) => ({ key: `nc:${r.code}`, ref: r.code, title: r.title, link: `/staff/nonconformities/${r.code}`, due: null, overdue: false }));
    },
    count: (db, user) => countOf(ncBase(db, user.unitId, states).select((eb) => eb.fn.countAll<number>().as("n"))),
  };
}

/** Feedback whose next legal deadline is near or past, by the inbox's own deadline rule. */
async function feedbackNearDeadline(db: Kysely<Database>, unitId: number, now: Date): Promise<WorklistEntry[]> {
  const rows = await listInbox(db, unitId, {}, now);
  return rows
    .filter((r) => OPEN_FEEDBACK_STATES.includes(r.state) && (r.urgency === "soon" || r.urgency === "overdue"))
    .map((r) => ({
      key: `feedback:${r.code}`,
      ref: r.code,
      title: r.subject,
      link: `/staff/feedback/${r.code}`,
      due: r.nextDueAt ? businessDateOf(new Date(r.nextDueAt)) : null,
      overdue: r.urgency === "overdue",
    }));
}

/** Every kind of waiting work, in the order the home page shows it. */
export const WORKLIST_PROVIDERS: readonly WorklistProvider[] = [
  {
    key: "revisionsToApprove",
    roles: ["leader"],
    nav: "/staff/documents",
    more: "/staff/documents",
    async list(db, user) {
      const rows = await revisionsBase(db, user.unitId)
        .select(["document.code", "document_revision.revision", "document_revision.title"])
        .orderBy("document_revision.id")
        .limit(WORKLIST_PREVIEW)
        .execute();
      return rows.map((r) => ({
        key: `revision:${r.code}:${r.revision}`,
        ref: `${r.code} (${r.revision})`,
        title: r.title,
        link: `/staff/documents/${r.code}`,
        due: null,
        overdue: false,
      }));
    },
    count: (db, user) => countOf(revisionsBase(db, user.unitId).select((eb) => eb.fn.countAll<number>().as("n"))),
  },
  {
    key: "auditReportsToApprove",
    roles: ["leader"],
    nav: "/staff/audits",
    more: "/staff/audits",
    async list(db, user) {
      const rows = await auditsBase(db, user.unitId, user.id).select(["code", "title"]).orderBy("planned_start_date").limit(WORKLIST_PREVIEW).execute();
      return rows.map((r) => ({ key: `audit:${r.code}`, ref: r.code, title: r.title, link: `/staff/audits/${r.code}`, due: null, overdue: false }));
    },
    count: (db, user) => countOf(auditsBase(db, user.unitId, user.id).select((eb) => eb.fn.countAll<number>().as("n"))),
  },
  {
    key: "reviewRecordsToSign",
    roles: ["leader"],
    nav: "/staff/management-reviews",
    more: "/staff/management-reviews",
    async list(db, user, today) {
      const rows = await reviewRecordsBase(db, user.unitId).select(["code", "meeting_date"]).orderBy("meeting_date").limit(WORKLIST_PREVIEW).execute();
      return rows.map((r) => ({
        key: `review:${r.code}`,
        ref: r.code,
        title: r.code,
        link: `/staff/management-reviews/${r.code}`,
        due: r.meeting_date,
        overdue: isOverdue(r.meeting_date, today.date),
      }));
    },
    count: (db, user) => countOf(reviewRecordsBase(db, user.unitId).select((eb) => eb.fn.countAll<number>().as("n"))),
  },
  {
    key: "apologiesToSign",
    roles: ["leader"],
    nav: "/staff/dossiers",
    more: "/staff/dossiers?overdue=1",
    async list(db, user, today) {
      const rows = await apologiesBase(db, user.unitId, today.date)
        .select(["dossier.code", "procedure.name as procedure_name", "dossier.due_date"])
        .orderBy("dossier.due_at")
        .limit(WORKLIST_PREVIEW)
        .execute();
      return dossierEntries(rows, today.date);
    },
    count: (db, user, today) => countOf(apologiesBase(db, user.unitId, today.date).select((eb) => eb.fn.countAll<number>().as("n"))),
  },
  dossierProvider("dossiersAssigned", "/staff/dossiers", (q, user) =>
    q.where("dossier.handler_user_id", "=", user.id).where("dossier.state", "in", ["received", "in_progress", "supplement_requested", "result_ready"]),
  ),
  dossierProvider("dossiersDueToday", "/staff/dossiers", (q, _user, today) =>
    q.where("dossier.state", "in", OVERDUE_NOW_STATES).where("dossier.due_date", "=", today.date),
  ),
  dossierProvider("dossiersDueSoon", "/staff/dossiers", async (q, user, today, db) =>
    q
      .where("dossier.state", "in", OVERDUE_NOW_STATES)
      .where("dossier.due_date", ">", today.date)
      .where("dossier.due_date", "<=", await workingDaysAhead(db, user.unitId, today.date, DUE_SOON_WORKING_DAYS)),
  ),
  dossierProvider("dossiersOverdue", "/staff/dossiers?overdue=1", (q, _user, today) =>
    q.where("dossier.state", "in", OVERDUE_NOW_STATES).where("dossier.due_date", "<", today.date),
  ),
  dossierProvider("dossiersSupplement", "/staff/dossiers?state=supplement_requested", (q) => q.where("dossier.state", "=", "supplement_requested")),
  {
    key: "feedbackNearDeadline",
    roles: ["quality_lead"],
    nav: "/staff/feedback",
    more: "/staff/feedback",
    list: async (db, user, today) => (await feedbackNearDeadline(db, user.unitId, today.now)).slice(0, WORKLIST_PREVIEW),
    count: async (db, user, today) => (await feedbackNearDeadline(db, user.unitId, today.now)).length,
  },
  {
    key: "documentReviewsDue",
    roles: ["quality_lead"],
    nav: "/staff/documents",
    more: "/staff/documents?review=overdue",
    async list(db, user, today) {
      const rows = await listOverdueReviews(db, user.unitId, today.date);
      return rows.slice(0, WORKLIST_PREVIEW).map((d) => ({
        key: `document-review:${d.code}`,
        ref: d.code,
        title: d.title,
        link: `/staff/documents/${d.code}`,
        due: d.next_review_date,
        overdue: true,
      }));
    },
    count: async (db, user, today) => (await listOverdueReviews(db, user.unitId, today.date)).length,
  },
  ncProvider("ncsToAnalyse", NC_TO_ANALYSE),
  ncProvider("ncsToVerify", NC_TO_VERIFY),
  {
    key: "myActions",
    roles: "any",
    nav: "/staff/actions",
    more: "/staff/actions",
    async list(db, user, today) {
      const items = await listOwnedActions(db, { unitId: user.unitId, ownerUserId: user.id }, today.date);
      return items.slice(0, WORKLIST_PREVIEW).map((a) => ({ key: a.key, ref: a.ref, title: a.title, link: a.link, due: a.due, overdue: a.overdue }));
    },
    count: async (db, user, today) => (await listOwnedActions(db, { unitId: user.unitId, ownerUserId: user.id }, today.date)).length,
  },
];

export function providersFor(roles: readonly Role[]): WorklistProvider[] {
  return WORKLIST_PROVIDERS.filter((p) => p.roles === "any" || hasAnyRole(roles, p.roles));
}

export interface WorklistSection {
  key: WorklistKey;
  more: string;
  count: number;
  entries: WorklistEntry[];
}

/** The home page's "Việc của tôi": each of the user's kinds of work with its count and first entries. */
export async function getWorklist(db: Kysely<Database>, user: WorklistUser, today: WorklistDay): Promise<WorklistSection[]> {
  const sections: WorklistSection[] = [];
  for (const p of providersFor(user.roles)) {
    const [count, entries] = await Promise.all([p.count(db, user, today), p.list(db, user, today)]);
    sections.push({ key: p.key, more: p.more, count, entries });
  }
  return sections;
}

/** Badge counts per navigation entry (counts only), summed over the user's providers. */
export async function countWorklistByNav(db: Kysely<Database>, user: WorklistUser, today: WorklistDay): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const p of providersFor(user.roles)) {
    const n = await p.count(db, user, today);
    if (n > 0) counts[p.nav] = (counts[p.nav] ?? 0) + n;
  }
  return counts;
}
