import { hasAnyRole, type Role } from "~/domain/accounts/roles";
import { readsMasked } from "~/domain/shared/personal-data";
import type { Period } from "~/domain/metrics/on-time";
import { monthsOf } from "~/domain/metrics/period";
import type { DocumentVariant } from "./issued-document";

export interface ReportReader {
  roles: readonly Role[];
  mustChangePassword: boolean;
}

/**
 * Which version a reader gets: anyone not signed in, the aggregates; staff who may open the dossier
 * register, the full version; an inspector, the full version with citizens' names masked (that wins
 * over any other role the account holds: personal data never reaches an inspector).
 */
export function reportVariantFor(reader: ReportReader | null, registerRoles: readonly Role[]): Exclude<DocumentVariant, "record"> {
  if (!reader || reader.mustChangePassword) return "public";
  if (readsMasked(reader.roles)) return "masked";
  return hasAnyRole(reader.roles, registerRoles) ? "full" : "public";
}

/** "Lò Văn Hùng" → "L*** V*** H***": the initials only, whatever the length of each word. */
export function maskPersonName(name: string): string {
  const words = name.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "***";
  return words.map((word) => `${Array.from(word)[0]?.toLocaleUpperCase("vi") ?? ""}***`).join(" ");
}

const DAY_MS = 86_400_000;

/** Calendar days from the due day to the end day (business dates `YYYY-MM-DD`); 0 when not after it. */
export function daysLate(dueDate: string, endDate: string): number {
  const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
  return Math.max(0, days);
}

/** Monthly charts up to two years; a longer period is charted by year. */
export const MAX_CHART_MONTHS = 24;

export function chartGrain(period: Period): "month" | "year" {
  return monthsOf(period).length <= MAX_CHART_MONTHS ? "month" : "year";
}

/** The file name of the download: `bao-cao-giai-quyet-tthc-2021-01-01-2021-12-31.pdf`. */
export function onTimeReportFileName(period: Pick<Period, "from" | "to">): string {
  return `bao-cao-giai-quyet-tthc-${period.from}-${period.to}.pdf`;
}
