import { z } from "zod";

/** Where a nonconformity was found (ISO 9001 §10.2). */
export const NC_SOURCES = [
  "internal_audit",
  "feedback",
  "late_dossier",
  "process_monitoring",
  "external_inspection",
  "management_review",
] as const;
export type NcSource = (typeof NC_SOURCES)[number];
export const NcSourceSchema = z.enum(NC_SOURCES);

export const NC_GRADES = ["major", "minor", "observation", "improvement"] as const;
export type NcGrade = (typeof NC_GRADES)[number];
export const NcGradeSchema = z.enum(NC_GRADES);

/**
 * Handling: open → correction taken (immediate fix) → cause analysed → actions planned → actions done
 * → effectiveness verified → closed. A verification that finds the fix ineffective re-opens it with new
 * actions (back to actions planned).
 */
export const NC_STATES = [
  "open",
  "correction_taken",
  "cause_analysed",
  "actions_planned",
  "actions_done",
  "verified",
  "closed",
] as const;
export type NcState = (typeof NC_STATES)[number];

export const ACTION_STATUSES = ["planned", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CAUSE_METHODS = ["five_whys", "categories"] as const;
export type CauseMethod = (typeof CAUSE_METHODS)[number];
