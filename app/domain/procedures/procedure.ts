import { z } from "zod";

/** Fields (lĩnh vực) of the commune desk's procedures. */
export const PROCEDURE_FIELDS = [
  "civil_status", // hộ tịch
  "justice", // chứng thực và tư pháp khác
  "land_construction", // đất đai, xây dựng
  "social_affairs", // lao động – thương binh và xã hội, người có công, bảo trợ xã hội
  "other", // văn hoá, nông nghiệp, … as the catalogue needs
] as const;
export type ProcedureField = (typeof PROCEDURE_FIELDS)[number];
export const ProcedureFieldSchema = z.enum(PROCEDURE_FIELDS);

/** Online public service offered for a procedure (old "level 3" = partial, "level 4" = full). */
export const ONLINE_SERVICE_LEVELS = ["none", "partial", "full"] as const;
export type OnlineServiceLevel = (typeof ONLINE_SERVICE_LEVELS)[number];
export const OnlineServiceLevelSchema = z.enum(ONLINE_SERVICE_LEVELS);

/** A catalogue entry as the seed and the editor describe it. */
export interface ProcedureDefinition {
  /** National procedure code from the national procedures database, e.g. "1.001193". */
  code: string;
  name: string;
  field: ProcedureField;
  /** Statutory processing time in working days; 0 means "same working day" (cut-off rule applies). */
  processingDays: number;
  /** How the law states the time when it is not plain working days (e.g. "Ngay trong ngày; sau 15 giờ thì trả trong ngày làm việc tiếp theo"). */
  processingNote: string | null;
  /** Fee in VND, or null when none is charged. */
  feeVnd: number | null;
  /** How the fee is set when not a flat amount (e.g. "2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản"). */
  feeNote: string | null;
  onlineService: OnlineServiceLevel;
  /** Papers the applicant submits (thành phần hồ sơ). */
  requiredDocuments: string[];
  /** What the citizen receives (kết quả). */
  result: string;
  /** Legal bases (căn cứ pháp lý). */
  legalBasis: string[];
}
