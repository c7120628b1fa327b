import type { RuleSet } from "../../app/domain/dossiers/rule-sets";

/** The rule set the dossier was received under: it picks the form numbers, headings and the desk's name. */
export type SlipRuleSet = Pick<RuleSet, "code" | "decree" | "circular" | "forms"> & {
  /** The desk's name under this rule set (rule-set data, issue 17); default: the layout's. */
  deskName?: string;
  /** Form titles from the rule-set data; default: the layout's. */
  titles?: Partial<Record<"receipt" | "supplement" | "refusal" | "apology" | "stop" | "controlSlip" | "trackingBook", string>>;
};

export interface SlipUnit {
  /** As it heads documents, e.g. "UBND xã Mường Sai". */
  name: string;
  districtName: string | null;
  provinceName: string;
  address: string | null;
  phone?: string | null;
  /** Default: "Bộ phận Tiếp nhận và Trả kết quả" (Decree 61/2018), "Trung tâm Phục vụ hành chính công" (Decree 118/2025). */
  deskName?: string | null;
  /** Place on the "…, ngày … tháng … năm …" line; default: the unit's name without "UBND xã". */
  placeName?: string | null;
}

/** `copy` is printed as is, except the codes the dossier table stores ("original", "copy", "certified"). */
export interface SlipDocument {
  name: string;
  copy?: string;
  count?: number;
}

export interface SlipDossier {
  code: string;
  procedureName: string;
  /** Working days the law allows; 0 for a same-day procedure. */
  processingDays: number;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  receivedAt: Date;
  dueAt: Date;
  /** The new appointment given by an apology slip, if any. */
  appointmentAt: Date | null;
  documents: readonly SlipDocument[];
  /** "Đăng ký nhận kết quả tại"; default: the desk and the unit's address. */
  resultPlace?: string | null;
  /** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …"; left blank (dotted) for the officer to fill in. */
  trackingBook?: { volume: string | null; entry: string | null } | null;
}

export interface SupplementRequest {
  missingItems: readonly string[];
  reason: string;
  requestedAt: Date;
}

export interface Refusal {
  reason: string;
  at: Date;
}

export interface Apology {
  reason: string;
  issuedAt: Date;
  newAppointmentAt: Date;
}

/** Mẫu 05 (Circular 03/2025): handling stopped, on the citizen's withdrawal or because the dossier cannot be handled. */
export interface StopNotice {
  cause: "withdrawn" | "stopped";
  reason: string;
  at: Date;
}

export type StepResult = "early" | "on_time" | "late";

/** One hand-over of the dossier, as a row of the process control slip. */
export interface HandoverStep {
  agency: string;
  /** Handed over by the giver, taken in by the receiver; null: not recorded, left dotted to write in. */
  handedAt: Date | null;
  receivedAt: Date | null;
  from: string | null;
  to: string | null;
  /** Null while the step is still open. */
  result: StepResult | null;
  note: string | null;
}

/** Everything the one-stop slips print. Each builder also needs its own part (see `SlipDataWith`). */
export interface DossierSlipData {
  ruleSet: SlipRuleSet;
  unit: SlipUnit;
  dossier: SlipDossier;
  /** The desk officer who received the dossier or issues the slip. */
  officerName: string | null;
  /** The head of the unit, who signs the apology slip. */
  leaderName?: string | null;
  /** Public lookup page for this dossier, e.g. `https://…/lookup?code=<code>`; encoded in the receipt's QR code. */
  lookupUrl: string;
  /** When the PDF is made: its creation date, so the same data gives the same bytes. */
  issuedAt: Date;
  supplement?: SupplementRequest;
  refusal?: Refusal;
  apology?: Apology;
  stop?: StopNotice;
  steps?: readonly HandoverStep[];
}

export type SlipPart = "supplement" | "refusal" | "apology" | "stop" | "steps";

export type SlipDataWith<K extends SlipPart> = DossierSlipData & Required<Pick<DossierSlipData, K>>;
