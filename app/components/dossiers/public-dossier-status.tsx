import { Link } from "@remix-run/react";
import type { DossierState } from "~/domain/dossiers/lifecycle";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";

export interface PublicDossierStatusView {
  code: string;
  state: DossierState;
  procedure_name: string;
  received_at: string;
  due_at: string;
  appointment_at: string | null;
  clock_stopped_at: string | null;
  rated: boolean;
  supplement: { reason: string | null; missingItems: string[] } | null;
  steps: { kind: string; at: string }[];
}

/** What anyone holding a dossier code reads: status, dates, what to bring, the steps; never personal data. */
export function PublicDossierStatus({ dossier }: { dossier: PublicDossierStatusView }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const stopped = dossier.state === "supplement_requested" && dossier.clock_stopped_at !== null;
  return (
    <section aria-labelledby="result-title" className="section">
      <h2 id="result-title" className="break-anywhere">
        {dossier.code}
      </h2>
      <dl className="facts">
        <dt>{t("dossier.procedure")}</dt>
        <dd>{dossier.procedure_name}</dd>
        <dt>{t("dossier.state")}</dt>
        <dd>
          <strong>{t(`dossier.state.${dossier.state}`)}</strong>
        </dd>
        <dt>{t("dossier.receivedAt")}</dt>
        <dd>{formatDateTime(dossier.received_at)}</dd>
        <dt>{t("dossier.dueAt")}</dt>
        {stopped ? (
          <dd data-testid="clock-stopped">
            <strong>{t("citizen.dossier.clockStopped", { date: formatDate(dossier.clock_stopped_at!) })}</strong>
            <br />
            <span className="hint">{t("citizen.dossier.clockStoppedHint")}</span>
          </dd>
        ) : (
          <dd>{formatDateTime(dossier.due_at)}</dd>
        )}
        {dossier.appointment_at ? (
          <>
            <dt>{t("dossier.appointmentAt")}</dt>
            <dd>{formatDateTime(dossier.appointment_at)}</dd>
          </>
        ) : null}
        {dossier.state === "returned" && dossier.rated ? (
          <>
            <dt>{t("citizen.dossier.rating")}</dt>
            <dd data-testid="rated">{t("citizen.dossier.rated")}</dd>
          </>
        ) : null}
      </dl>
      {dossier.supplement ? (
        <section aria-labelledby="supplement-title" className="notice notice--warning">
          <h3 id="supplement-title">{t("citizen.dossier.missingItems")}</h3>
          {dossier.supplement.missingItems.length > 0 ? (
            <ul data-testid="missing-items">
              {dossier.supplement.missingItems.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
          {dossier.supplement.reason ? (
            <p>
              {t("citizen.dossier.supplementReason")}: {dossier.supplement.reason}
            </p>
          ) : null}
        </section>
      ) : null}
      {dossier.state === "returned" && !dossier.rated ? (
        <p>
          <Link to={`/feedback/rate?code=${encodeURIComponent(dossier.code)}`} className="button">
            {t("rating.link")}
          </Link>
        </p>
      ) : null}
      <h3>{t("lookup.steps")}</h3>
      <ol>
        {dossier.steps.map((s, i) => {
          const key = `dossier.event.${s.kind}`;
          return (
            <li key={i}>
              {formatDateTime(s.at)} — {isMessageKey(key) ? t(key) : s.kind}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
