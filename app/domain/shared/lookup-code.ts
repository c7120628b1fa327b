import { TrackingCodeSchema } from "~/domain/feedback/feedback";
import type { MessageKey } from "~/i18n";
import { DossierCodeSchema } from "./fields";

/** What the citizen typed in the one box of /lookup. */
export type LookupCode =
  | { kind: "empty" }
  | { kind: "dossier"; code: string }
  | { kind: "tracking"; code: string }
  | { kind: "invalid"; error: MessageKey };

/**
 * Reads a dossier code (`000.31.14.H53-251203-0001`) or a feedback tracking code (`ABCD-EFGH-JKMN`,
 * with or without the dashes), in any case: both are issued in capitals, and a citizen typing
 * "h53…" means the same record. The two shapes cannot be mistaken for each other: a dossier code
 * ends in `-YYMMDD-NNNN`, a tracking code has three groups of four from an alphabet without 0 and 1.
 */
export function parseLookupCode(raw: string | null | undefined): LookupCode {
  const text = (raw ?? "").trim();
  if (text === "") return { kind: "empty" };
  const upper = text.toUpperCase();
  const dossier = DossierCodeSchema.safeParse(upper);
  if (dossier.success) return { kind: "dossier", code: dossier.data };
  const tracking = TrackingCodeSchema.safeParse(upper);
  if (tracking.success) return { kind: "tracking", code: tracking.data };
  return { kind: "invalid", error: upper.length > 60 ? "error.tooLong" : "lookup.error.code" };
}
