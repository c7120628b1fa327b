import { useI18n } from "~/i18n/i18n-context";

export type CompetenceGap = { userId: number; missing: ReadonlyArray<{ code: string; title: string }> };

/**
 * "Note: <person> lacks a competence required to handle <field> dossiers: <code – title>; …", at the
 * assignment (which it does not stop) or beside the handler already assigned.
 */
export function CompetenceGapText({ name, field, missing, at }: { name: string; field: string; missing: CompetenceGap["missing"]; at: "assignment" | "handler" }) {
  const { t } = useI18n();
  const list = missing.map((c) => `${c.code} – ${c.title}`).join("; ");
  return <>{t(at === "assignment" ? "competence.warn.assignment" : "competence.warn.handler", { name, field, missing: list })}</>;
}
