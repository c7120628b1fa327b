import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Role } from "../app/domain/accounts/roles";
import type { OnlineServiceLevel, ProcedureField } from "../app/domain/procedures/procedure";
import type { CalendarExceptionKind } from "../app/domain/calendar/working-calendar";

import type { Channel } from "../app/domain/dossiers/channels";
import type { DossierState } from "../app/domain/dossiers/lifecycle";
import type { RuleSetCode } from "../app/domain/dossiers/rule-sets";

import type { DocumentRole, DocumentType } from "../app/domain/documents/document";
import type { RevisionState } from "../app/domain/documents/revision-workflow";
import type { ObjectiveMetric } from "../app/domain/metrics/objectives";
import type { ComplaintInstance, FeedbackKind, FeedbackState, Rating } from "../app/domain/feedback/feedback";
import type { ActionStatus, CauseMethod, NcGrade, NcSource, NcState } from "../app/domain/nonconformities/nonconformity";
import type { DocumentVariant, IssuedDocumentKind } from "../app/domain/reports/issued-document";
import type { AuditState, ChecklistAnswer, CriteriaMet, SampleResult } from "../app/domain/audits/audit";
import type { DecisionCategory, ReviewState } from "../app/domain/management-review/review";
import type { PaymentMethod, ReturnMethod } from "../app/domain/dossiers/service-facts";

export type SupplementClock = "restart" | "resume";
export type DossierOutcome = "early" | "on_time" | "late";
export type DueRule = "same_day" | "working_days" | "restart" | "resume";

/**
 * The one Kysely `Database` type. Column names are snake_case as in SQL.
 * Business dates are `YYYY-MM-DD` text in Asia/Ho_Chi_Minh; instants are UTC ISO text.
 * Booleans are stored as 0/1 (better-sqlite3 binds neither `Date` nor `boolean`).
 */
export interface Database {
  unit: UnitTable;
  user: UserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
  procedure: ProcedureTable;
  calendar_exception: CalendarExceptionTable;
  dossier: DossierTable;
  dossier_event: DossierEventTable;
  api_client: ApiClientTable;
  api_idempotency: ApiIdempotencyTable;
  document: DocumentTable;
  document_revision: DocumentRevisionTable;
  document_acknowledgement: DocumentAcknowledgementTable;
  external_document: ExternalDocumentTable;
  quality_objective: QualityObjectiveTable;
  feedback_item: FeedbackItemTable;
  feedback_event: FeedbackEventTable;
  feedback_attachment: FeedbackAttachmentTable;
  dossier_rating: DossierRatingTable;
  outbox_message: OutboxMessageTable;
  nonconformity: NonconformityTable;
  nonconformity_link: NonconformityLinkTable;
  corrective_action: CorrectiveActionTable;
  notification: NotificationTable;
  dossier_daily_stat: DossierDailyStatTable;
  issued_document: IssuedDocumentTable;
  user_work_area: UserWorkAreaTable;
  checklist_template: ChecklistTemplateTable;
  checklist_template_item: ChecklistTemplateItemTable;
  internal_audit: InternalAuditTable;
  internal_audit_member: InternalAuditMemberTable;
  internal_audit_sample: InternalAuditSampleTable;
  internal_audit_question: InternalAuditQuestionTable;
  management_review: ManagementReviewTable;
  management_review_decision: ManagementReviewDecisionTable;
  service_index_version: ServiceIndexVersionTable;
  service_index_group: ServiceIndexGroupTable;
  service_index_indicator: ServiceIndexIndicatorTable;
  // Issue 14 (several app processes): background job leases, generated secrets.
  job_lease: JobLeaseTable;
  app_secret: AppSecretTable;
  // Issue 15: SQLite only (migration 0019); PostgreSQL searches through an expression index instead.
  dossier_search: DossierSearchTable;
  // Issue 17: rule sets as data.
  rule_set_version: RuleSetVersionTable;
  // Issue 14 (province): units over time and mergers.
  unit_version: UnitVersionTable;
  unit_merger: UnitMergerTable;
  // issue 18: risks (§6.1) and competence (§7.2)
  risk_scale_step: RiskScaleStepTable;
  risk_level_band: RiskLevelBandTable;
  risk: RiskTable;
  risk_treatment: RiskTreatmentTable;
  risk_review: RiskReviewTable;
  competence: CompetenceTable;
  competence_requirement: CompetenceRequirementTable;
  training_plan_item: TrainingPlanItemTable;
  training_attendance: TrainingAttendanceTable;
  training_record: TrainingRecordTable;
}

export interface UnitTable {
  id: Generated<number>;
  /** Code used in dossier codes (`<unit code>-YYMMDD-NNNN`). */
  code: string;
  name: string;
  kind: "commune" | "ward" | "district" | "province";
  parent_id: number | null;
  district_name: string | null;
  province_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** Remote, difficult area: longer legal deadlines for complaints. */
  is_remote_area: 0 | 1;
  /** Office close (`HH:mm`): a due date ends then. */
  office_close_time: Generated<string>;
  /** Same-day procedures received after this (`HH:mm`) are due the next working day. */
  same_day_cutoff_time: Generated<string>;
  /** After a supplement: count the full time again ("restart", Decree 61) or keep days used ("resume"). */
  supplement_clock: Generated<SupplementClock>;
  /** Complaint clocks count calendar days by default (DOMAIN.md); a unit may count working days. */
  complaint_days: Generated<"calendar" | "working">;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  unit_id: number;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_disabled: 0 | 1;
  must_change_password: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: Role;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  /** Last request seen, for the idle timeout. */
  last_seen_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: 0 | 1;
  attempted_at: string;
}

export type AuditActorKind = "user" | "citizen" | "system";

export interface AuditLogTable {
  id: Generated<number>;
  unit_id: number | null;
  actor_kind: AuditActorKind;
  actor_user_id: number | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  /** The hash chain (db/audit-chain.ts): the previous row's hash and this row's. */
  prev_hash: string;
  hash: string;
}

/** rate-limiter-flexible's counters (its SQLite store's layout). */
export interface RateLimitTable {
  key: string;
  points: number;
  /** Milliseconds since the epoch; null never expires. */
  expire: number | null;
}

export interface ProcedureTable {
  id: Generated<number>;
  unit_id: number;
  /** National procedure code, e.g. "1.001193"; unique within a unit. */
  code: string;
  name: string;
  /** Name without diacritics, lower case, for accent-insensitive search. */
  search_text: string;
  field: ProcedureField;
  processing_days: number;
  processing_note: string | null;
  fee_vnd: number | null;
  fee_note: string | null;
  online_service: OnlineServiceLevel;
  required_documents_json: string;
  result: string;
  legal_basis_json: string;
  is_active: Generated<0 | 1>;
  created_at: string;
  updated_at: string;
}

export interface CalendarExceptionTable {
  id: Generated<number>;
  unit_id: number;
  date: string;
  kind: CalendarExceptionKind;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface DossierTable {
  id: Generated<number>;
  unit_id: number;
  /** `<unit code>-YYMMDD-NNNN` (Circular 01/2018 art. 19). */
  code: string;
  procedure_id: number;
  field: ProcedureField;
  processing_days: number;
  channel: Channel;
  rule_set: RuleSetCode;
  applicant_name: string;
  applicant_phone: string | null;
  applicant_id_number: string | null;
  applicant_address: string | null;
  // Issue 16 round 2 (migration 0025): e-mail contact and consent to progress messages.
  applicant_email: string | null;
  notify_consent_at: string | null;
  /** The papers received: `{ name, copy: "original" | "copy" | "certified", count }[]`. */
  documents_json: string;
  received_at: string;
  received_date: string;
  /** The due date in force (recomputed after a supplement), and the rule that produced it. */
  due_at: string;
  due_date: string;
  due_rule: DueRule;
  state: DossierState;
  handler_user_id: number | null;
  supplement_count: Generated<number>;
  transfer_count: Generated<number>;
  e_transfer_count: Generated<number>;
  open_transfer_count: Generated<number>;
  apology_reason: string | null;
  apology_issued_at: string | null;
  /** The new appointment given by the apology slip; the outcome still counts against `due_at`. */
  appointment_at: string | null;
  /** When the result was ready (end of processing). */
  finished_at: string | null;
  finished_date: string | null;
  outcome: DossierOutcome | null;
  returned_at: string | null;
  /** Reason for a refusal or a withdrawal. */
  closed_reason: string | null;
  created_by_user_id: number | null;
  /** The integration client (online public-service portal) that submitted it, if any. */
  api_client_id: Generated<number | null>;
  /** How the fee was paid (migration 0013); null: not recorded. */
  payment_method: PaymentMethod | null;
  /** The papers were digitised at intake (an electronic copy stored); null: not recorded. */
  papers_digitised: 0 | 1 | null;
  /** The result was issued as an electronic copy; null: not recorded. */
  result_digitised: 0 | 1 | null;
  /** How the result goes back to the citizen; null: not recorded. */
  return_method: ReturnMethod | null;
  /** When the clock stopped for the supplement the dossier waits for now, and its business date; null when not waiting. */
  clock_stopped_at: string | null;
  clock_stopped_date: string | null;
  /** When the applicant's data and free text were erased at the end of the retention period. */
  personal_data_erased_at: Generated<string | null>;
  // Issue 17 (migration 0017): the rule-set version in force on the reception day; the tracking
  // book's volume and number (Mẫu 01 "Quyển số … Số thứ tự …"); where the citizen picks the result up.
  rule_set_version_id: Generated<number | null>;
  tracking_book_volume: Generated<string | null>;
  tracking_book_number: Generated<string | null>;
  pickup_place: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface DossierEventTable {
  id: Generated<number>;
  dossier_id: number;
  at: string;
  actor_kind: AuditActorKind;
  actor_user_id: number | null;
  kind: string;
  from_state: DossierState | null;
  to_state: DossierState;
  agency: string | null;
  is_electronic: 0 | 1 | null;
  /** The due date in force after this step. */
  due_at: string | null;
  note: string | null;
  details_json: string | null;
}

export interface ApiClientTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  /** JSON array of `ApiScope`: what the key may be used for (migration 0012). */
  scopes_json: Generated<string>;
  is_disabled: Generated<0 | 1>;
  created_at: string;
  last_used_at: string | null;
}

export interface ApiIdempotencyTable {
  id: Generated<number>;
  api_client_id: number;
  idempotency_key: string;
  request_hash: string;
  response_status: number;
  response_json: string;
  created_at: string;
}

export interface DocumentTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  title: string;
  type: DocumentType;
  owner_role: DocumentRole;
  approver_role: DocumentRole;
  review_interval_months: number;
  iso_clauses_json: string;
  related_json: string;
  /** The file in procedures-docs/ it is imported from, if any. */
  source_file: string | null;
  next_review_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentRevisionTable {
  id: Generated<number>;
  document_id: number;
  revision: number;
  state: RevisionState;
  title: string;
  body_md: string;
  /** SHA-256 of the Markdown body: an import makes a new revision only when it changed. */
  content_hash: string;
  change_reason: string | null;
  effective_date: string | null;
  created_by_user_id: number | null;
  created_at: string;
  submitted_at: string | null;
  approved_by_user_id: number | null;
  /** Who approved, as recorded (the approver's name, or the source of an imported baseline). */
  approved_by_name: string | null;
  approved_at: string | null;
  approval_comment: string | null;
  returned_comment: string | null;
  effective_at: string | null;
  obsoleted_at: string | null;
  source_file: string | null;
}

export interface DocumentAcknowledgementTable {
  id: Generated<number>;
  revision_id: number;
  user_id: number;
  acknowledged_at: string;
}

export interface ExternalDocumentTable {
  id: Generated<number>;
  unit_id: number;
  number: string;
  issued_date: string;
  issuer: string;
  title: string;
  status: "in_force" | "replaced";
  replaced_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QualityObjectiveTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  title: string;
  metric: ObjectiveMetric;
  comparator: ">=" | "<=";
  /** A fraction for rates (0.8 = 80%), a count for counts. */
  target: number;
  created_at: string;
  updated_at: string;
}

export interface FeedbackItemTable {
  id: Generated<number>;
  unit_id: number;
  /** The citizen's tracking code, `XXXX-XXXX-XXXX`. */
  code: string;
  kind: FeedbackKind;
  state: FeedbackState;
  subject: string;
  description: string;
  dossier_id: number | null;
  procedure_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_address: string | null;
  contact_id_number: string | null;
  consent_at: string | null;
  is_complex: Generated<0 | 1>;
  received_at: string;
  acceptance_due_at: string | null;
  resolution_due_at: string | null;
  accepted_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  public_answer: string | null;
  not_accepted_reason: string | null;
  forwarded_to: string | null;
  assignee_user_id: number | null;
  hidden_reason: "spam" | "duplicate" | null;
  duplicate_of_id: number | null;
  source: "web" | "open311" | "desk";
  /** SHA-256 of the sender's address with the session secret: for the rate limit, not a record of who. */
  source_address_hash: string | null;
  api_client_id: number | null;
  address_string: string | null;
  lat: number | null;
  long: number | null;
  nonconformity_id: number | null;
  /** The text staff approved for publication (Open311); until then the description is published redacted. */
  public_description: Generated<string | null>;
  public_description_at: Generated<string | null>;
  public_description_by_user_id: Generated<number | null>;
  /** When the contact data and free text were erased at the end of the retention period. */
  personal_data_erased_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
  // Issue 17 round 2 (migration 0021): what the complaint clocks need.
  complaint_instance: Generated<ComplaintInstance>;
  /** Business date the complainant learnt of the decision or act; null: unknown (the received date counts). */
  knew_on: Generated<string | null>;
}

export interface FeedbackEventTable {
  id: Generated<number>;
  feedback_id: number;
  at: string;
  actor_kind: AuditActorKind;
  actor_user_id: number | null;
  kind: string;
  from_state: FeedbackState | null;
  to_state: FeedbackState;
  public_text: string | null;
  internal_note: string | null;
}

export interface FeedbackAttachmentTable {
  id: Generated<number>;
  feedback_id: number;
  /** Random file name under the uploads folder, outside the web root. */
  stored_name: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
  /** The file was removed at the end of the retention period. */
  erased_at: Generated<string | null>;
}

export interface DossierRatingTable {
  id: Generated<number>;
  dossier_id: number;
  rating: Rating;
  comment: string | null;
  rated_at: string;
}

export interface OutboxMessageTable {
  id: Generated<number>;
  unit_id: number;
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  body: string;
  entity_type: string;
  entity_id: string;
  purpose: string;
  /** "pending" until a configured sender delivers it; nothing is sent without one. */
  status: "pending" | "sent" | "failed";
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  // Issue 16: delivery (migration 0020).
  delivery_state: Generated<"queued" | "sent" | "failed" | "given_up">;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface NonconformityTable {
  id: Generated<number>;
  unit_id: number;
  /** `NC-YYYY-NNN`. */
  code: string;
  source: NcSource;
  /** The process or procedure concerned: a document code (QT-07) or a procedure code (1.001193). */
  process: string;
  iso_clause: string;
  grade: NcGrade;
  state: NcState;
  title: string;
  description: string;
  evidence: string | null;
  found_by_user_id: number | null;
  found_at: string;
  correction: string | null;
  cause_method: CauseMethod | null;
  cause_analysis_json: string | null;
  root_cause: string | null;
  verification_note: string | null;
  verified_by_user_id: number | null;
  verified_at: string | null;
  reopen_count: Generated<number>;
  merged_into_id: number | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NonconformityLinkTable {
  id: Generated<number>;
  nonconformity_id: number;
  entity_type: "dossier" | "feedback" | "audit_finding" | "document";
  entity_id: number;
  reason: string | null;
  created_at: string;
}

export interface CorrectiveActionTable {
  id: Generated<number>;
  nonconformity_id: number;
  /** 1 for the first plan; a verification that finds it ineffective starts the next round. */
  round: Generated<number>;
  description: string;
  owner_user_id: number;
  due_date: string;
  status: ActionStatus;
  evidence: string | null;
  done_by_user_id: number | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An in-app notice for one user (overdue actions, assignments). */
export interface NotificationTable {
  id: Generated<number>;
  unit_id: number;
  user_id: number;
  kind: string;
  entity_type: string;
  entity_id: string;
  /** Rendered in the unit's language at creation (Vietnamese). */
  text: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

/**
 * Per-day summary of the register for the dashboard, kept by triggers on `dossier` (migration 0009).
 * Flows are keyed by the day they happen; `open_late_delta` is +1 the day an open dossier becomes
 * late and −1 the day it finishes, so prefix sums give the dossiers open and late at a period's end.
 */
export interface DossierDailyStatTable {
  unit_id: number;
  /** Business date, `YYYY-MM-DD`. */
  date: string;
  field: ProcedureField;
  channel: Channel;
  received: number;
  transfers: number;
  e_transfers: number;
  /** Every end: result ready, refused, withdrawn. */
  finished: number;
  resolved: number;
  early: number;
  on_time: number;
  late: number;
  refused: number;
  withdrawn: number;
  open_late_delta: number;
  /** +1 the day an open dossier's due day passes with its clock running, −1 the day that ends (migration 0013). */
  overdue_delta: number;
  /** Ratings given that day (of dossiers of this field and channel), and of those (very) satisfied or dissatisfied. */
  rated: number;
  satisfied: number;
  dissatisfied: number;
  /** Received that day with the payment recorded; of those with a fee due; paid online. */
  fee_recorded: number;
  fee_due: number;
  paid_online: number;
  /** Received that day with the digitisation of papers recorded; digitised. */
  papers_recorded: number;
  papers_digitised: number;
  /** Resolved that day with the result's digitisation recorded; digitised; with the return recorded; electronic. */
  results_recorded: number;
  results_digitised: number;
  returns_recorded: number;
  returns_electronic: number;
}

/** A version of the Decision 766 scorecard's grid (migration 0013): groups, indicators, points. */
export interface ServiceIndexVersionTable {
  id: Generated<number>;
  code: string;
  title: string;
  legal_basis: string;
  /** The first day (business date) the version applies to. */
  effective_from: string;
  note: string | null;
  created_at: string;
}

export interface ServiceIndexGroupTable {
  id: Generated<number>;
  version_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  max_points: number;
  position: number;
}

export interface ServiceIndexIndicatorTable {
  id: Generated<number>;
  group_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  max_points: number;
  /** Which of the product's measures gives its value (app/domain/metrics/service-index.ts). */
  measure: string;
  /** `{ "kind": "linear", "fullAt": 0.9 }`. */
  scoring_json: string;
  position: number;
}

/** A PDF the system issued, checkable at `/verify/<code>` (migration 0010). */
export interface IssuedDocumentTable {
  id: Generated<number>;
  unit_id: number;
  /** `XXXX-XXXX-XXXX`, printed on every page and behind the QR code. */
  verification_code: string;
  kind: IssuedDocumentKind;
  variant: DocumentVariant;
  /** As printed (Vietnamese). */
  title: string;
  parameters_json: string;
  issued_at: string;
  /** Null for a public download. */
  issued_by_user_id: number | null;
  issued_by_label: string;
  /** Of the exact bytes served, lower-case hex. */
  sha256: string;
  size_bytes: number;
  /** Kept for public copies (no personal data) and locked records (`record`); null otherwise. */
  pdf: Buffer | null;
  /** Public copies: one per document, parameters and day; null otherwise. */
  reuse_key: string | null;
}

/** What a user works on, so an auditor is kept off audits of his or her own work (migration 0011). */
export interface UserWorkAreaTable {
  user_id: number;
  /** `field`: a procedure field (`civil_status`); `process`: a document code (`QT-07`). */
  kind: "field" | "process";
  code: string;
}

/** An audit checklist kept as data, per ISO clause and process; edited by the quality lead. */
export interface ChecklistTemplateTable {
  id: Generated<number>;
  unit_id: number;
  /** `CL-07`. */
  code: string;
  title: string;
  iso_clause: string;
  /** The process it checks (document code), null for a clause-wide list. */
  process: string | null;
  is_active: Generated<0 | 1>;
  created_at: string;
  updated_at: string;
}

export interface ChecklistTemplateItemTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  iso_clause: string;
  question: string;
  guidance: string | null;
}

/** An internal audit of the yearly programme (ISO 9001 §9.2, ISO 19011). */
export interface InternalAuditTable {
  id: Generated<number>;
  unit_id: number;
  /** `DGNB-YYYY-NN`. */
  code: string;
  year: number;
  title: string;
  objectives: string;
  /** Document codes of the processes audited. */
  scope_processes_json: string;
  /** Procedure fields whose dossiers are sampled. */
  scope_fields_json: string;
  iso_clauses_json: string;
  criteria: string;
  location: string;
  planned_start_date: string;
  planned_end_date: string;
  /** Dossiers received in these business dates form the sampling population. */
  sample_from_date: string;
  sample_to_date: string;
  sample_size_per_field: number;
  state: AuditState;
  /** The seed of the draw, recorded so anyone can draw the same sample again. */
  sample_seed: string | null;
  /** Population and priority counts per field at the draw. */
  sample_method_json: string | null;
  sample_drawn_at: string | null;
  sample_drawn_by_user_id: number | null;
  started_at: string | null;
  conclusions: string | null;
  criteria_met: CriteriaMet | null;
  diverging_opinions: string | null;
  drafted_at: string | null;
  drafted_by_user_id: number | null;
  /** The leader's reason when sending a draft back. */
  returned_comment: string | null;
  approved_at: string | null;
  approved_by_user_id: number | null;
  approval_comment: string | null;
  /** The stored report PDF of an approved audit. */
  report_document_id: number | null;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface InternalAuditMemberTable {
  audit_id: number;
  user_id: number;
  role: "lead" | "auditor";
}

/** A dossier drawn for the audit's evidence, and what the auditor found on it. */
export interface InternalAuditSampleTable {
  id: Generated<number>;
  audit_id: number;
  dossier_id: number;
  field: string;
  /** 1-based order of the draw within the field. */
  draw_order: number;
  /** Drawn from the priority group (late, supplemented, apologised, transferred). */
  is_priority: 0 | 1;
  result: SampleResult | null;
  note: string | null;
  nonconformity_id: number | null;
  checked_by_user_id: number | null;
  checked_at: string | null;
}

/** A checklist question as copied into the audit at its start, with its answer. */
export interface InternalAuditQuestionTable {
  id: Generated<number>;
  audit_id: number;
  template_code: string;
  template_title: string;
  process: string | null;
  position: number;
  iso_clause: string;
  question: string;
  guidance: string | null;
  answer: ChecklistAnswer | null;
  evidence: string | null;
  nonconformity_id: number | null;
  answered_by_user_id: number | null;
  answered_at: string | null;
}

/** A management review meeting (ISO 9001 §9.3) and its recorded outcome. */
export interface ManagementReviewTable {
  id: Generated<number>;
  unit_id: number;
  /** `XXLD-YYYY-NN`. */
  code: string;
  /** The period whose inputs are reviewed. */
  period_from: string;
  period_to: string;
  meeting_date: string;
  location: string;
  chair_user_id: number;
  attendees: string;
  state: ReviewState;
  /** §9.3.2 b: changes in external and internal issues. */
  changes_note: string | null;
  /** §9.3.2 e: adequacy of resources. */
  resources_note: string | null;
  /** The review's conclusion on the suitability, adequacy and effectiveness of the QMS. */
  conclusions: string | null;
  recorded_at: string | null;
  recorded_by_user_id: number | null;
  record_document_id: number | null;
  /** The §9.3.2 inputs as computed when the review was recorded (JSON); null while a draft (migration 0026). */
  inputs_json: string | null;
  /** The meeting's secretary, named when the review is recorded; null before (and for reviews recorded before migration 0028). */
  secretary_name: string | null;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

/** §9.3.3 outputs: improvement opportunities, changes to the QMS, resource needs. */
export interface ManagementReviewDecisionTable {
  id: Generated<number>;
  review_id: number;
  category: DecisionCategory;
  description: string;
  owner_user_id: number | null;
  due_date: string | null;
  created_at: string;
}

// Issue 14 (several app processes), migration 0015.
/** One background job's lease and last run (app/jobs/runner.server.ts). Instants are UTC ISO text. */
export interface JobLeaseTable {
  name: string;
  held_by: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_duration_ms: number | null;
  last_error: string | null;
  last_held_by: string | null;
  runs: Generated<number>;
  failures: Generated<number>;
}

/** A secret the app generated for itself (`session`), shared by every process on the database. */
export interface AppSecretTable {
  name: string;
  value: string;
  created_at: string;
}

// Issue 15 (migration 0019): the dossier search index on SQLite, an FTS5 trigram table without stored
// content (`rowid` = dossier.id; `folded` is written by triggers and reads back as null). Queried only
// through `searchDossiers` in db/sql.ts.
export interface DossierSearchTable {
  rowid: number;
  folded: string | null;
}
// Issue 17 (migration 0017): the one-stop rule sets as data, versioned by effective date.
export interface RuleSetVersionTable {
  id: Generated<number>;
  code: string;
  /** The built-in form layout the version prints with. */
  layout: RuleSetCode;
  decree: string;
  circular: string;
  effective_from: string;
  effective_to: string | null;
  desk_name: string;
  /** `{ [form]: { number, title } }`. */
  forms_json: string;
  /** The slip kinds the desk issues under this version. */
  slips_json: string;
  /** The legal clocks (complaints, feedback), see `LegalClocks`. */
  clocks_json: string;
  /** Facts still to check against the published texts (DOMAIN.md *(check)*). */
  checks_json: Generated<string>;
  note: string | null;
  created_by_user_id: number | null;
  created_at: string;
}
export type RuleSetVersionRow = Selectable<RuleSetVersionTable>;
// Issue 14 (province): a unit's code, name, kind and parent over time (migration 0016), and mergers.
/** One version of a unit, in force from `effective_from` (inclusive) to `effective_to` (exclusive; null: now). */
export interface UnitVersionTable {
  id: Generated<number>;
  unit_id: number;
  effective_from: string;
  effective_to: string | null;
  code: string;
  name: string;
  kind: UnitTable["kind"];
  parent_id: number | null;
  district_name: string | null;
  province_name: string;
  created_at: string;
}
export type UnitVersion = Selectable<UnitVersionTable>;

/** A predecessor unit merged into a successor on a date (each predecessor merges once). */
export interface UnitMergerTable {
  id: Generated<number>;
  successor_unit_id: number;
  predecessor_unit_id: number;
  effective_date: string;
  created_at: string;
}
// ---- issue 18: risks and opportunities (ISO 9001 §6.1), competence and training (§7.2); migration 0018 ----

export interface RiskScaleStepTable {
  axis: "likelihood" | "impact";
  score: number;
  label_vi: string;
  label_en: string;
}

export interface RiskLevelBandTable {
  band: "low" | "medium" | "high" | "critical";
  min_level: number;
  max_level: number;
}

export interface RiskTable {
  id: Generated<number>;
  unit_id: number;
  /** `RR-YYYY-NN`. */
  code: string;
  kind: "risk" | "opportunity";
  /** A process by its document code (`QT-07`), or null. */
  process: string | null;
  /** A procedure field (`civil_status`), or null. */
  field: string | null;
  title: string;
  description: string;
  cause: string;
  consequence: string;
  likelihood: number;
  impact: number;
  owner_user_id: number;
  review_date: string;
  state: Generated<"open" | "closed">;
  nonconformity_id: number | null;
  audit_question_id: number | null;
  feedback_id: number | null;
  /** Business date the risk was recorded. */
  recorded_on: string;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface RiskTreatmentTable {
  id: Generated<number>;
  risk_id: number;
  description: string;
  owner_user_id: number;
  due_date: string;
  done_on: string | null;
  evidence: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskReviewTable {
  id: Generated<number>;
  risk_id: number;
  reviewed_on: string;
  likelihood_before: number;
  impact_before: number;
  likelihood_after: number;
  impact_after: number;
  effective: 0 | 1;
  note: string;
  next_review_date: string;
  reviewed_by_user_id: number;
  created_at: string;
}

export interface CompetenceTable {
  id: Generated<number>;
  unit_id: number;
  /** `NL-KSNB` (internal auditor), `NL-HT`… */
  code: string;
  title: string;
  description: string | null;
  /** How long a training for it stays valid when the record gives no expiry; null: does not lapse. */
  validity_months: number | null;
  created_at: string;
  updated_at: string;
}

export interface CompetenceRequirementTable {
  competence_id: number;
  area_kind: "role" | "field" | "process";
  area_code: string;
}

export interface TrainingPlanItemTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  competence_id: number | null;
  course: string;
  provider: string;
  planned_date: string;
  hours: number | null;
  created_at: string;
}

export interface TrainingAttendanceTable {
  plan_item_id: number;
  user_id: number;
  /** null until marked. */
  attended: 0 | 1 | null;
  marked_at: string | null;
}

export interface TrainingRecordTable {
  id: Generated<number>;
  unit_id: number;
  user_id: number;
  competence_id: number | null;
  plan_item_id: number | null;
  course: string;
  provider: string;
  start_date: string;
  end_date: string;
  hours: number | null;
  expires_on: string | null;
  /** Evidence as a controlled document's code, or as an upload (stored under the uploads folder). */
  evidence_document_code: string | null;
  evidence_stored_name: string | null;
  evidence_original_name: string | null;
  evidence_mime: string | null;
  evidence_sha256: string | null;
  created_by_user_id: number | null;
  created_at: string;
}
