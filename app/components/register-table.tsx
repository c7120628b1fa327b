import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import type { DossierState } from "~/domain/dossiers/lifecycle";
import { scrollRegion } from "~/components/scroll-region";

export interface RegisterRow {
  id: number;
  code: string;
  state: DossierState;
  channel: "direct" | "postal" | "online_partial" | "online_full";
  applicant_name: string;
  received_at: string;
  due_at: string;
  appointment_at: string | null;
  outcome: "early" | "on_time" | "late" | null;
  procedure_name: string;
}

/** `label` names the table's scroll box for screen readers (the heading it sits under). */
export function RegisterTable({ rows, label, overdue = false }: { rows: RegisterRow[]; label: string; overdue?: boolean }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-scroll" {...scrollRegion({ label: label })}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("register.col.code")}</th>
            <th scope="col">{t("register.col.procedure")}</th>
            <th scope="col">{t("register.col.applicant")}</th>
            <th scope="col">{t("register.col.received")}</th>
            <th scope="col">{t("register.col.due")}</th>
            <th scope="col">{t("register.col.state")}</th>
            <th scope="col">{t("register.col.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={overdue ? "row--overdue" : undefined}>
              <td className="nowrap">
                <Link to={`/staff/dossiers/${r.code}`}>{r.code}</Link>
              </td>
              <td>{r.procedure_name}</td>
              <td>{r.applicant_name}</td>
              <td className="nowrap">{formatDateTime(r.received_at)}</td>
              <td className="nowrap">
                {formatDateTime(r.due_at)}
                {r.appointment_at ? <div className="field-hint">→ {formatDateTime(r.appointment_at)}</div> : null}
              </td>
              <td>{t(`dossier.state.${r.state}`)}</td>
              <td>{r.outcome ? t(`outcome.${r.outcome}`) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
