import type { ReactNode } from "react";
import type { DossierActionType } from "~/domain/dossiers/lifecycle";
import { useI18n } from "~/i18n/i18n-context";

export type ActionVariant = "primary" | "secondary" | "danger";

/**
 * The officer's actions on a dossier: the next legal step as the one primary action, the other
 * allowed steps one click further in "Thao tác khác", and the steps that end the dossier without a
 * result (refuse, withdraw) in a group of their own. A group opens by itself when its form failed.
 */
export function DossierActions({
  primary,
  others,
  ending,
  form,
  failedOp,
}: {
  primary: DossierActionType | null;
  others: DossierActionType[];
  ending: DossierActionType[];
  form: (op: DossierActionType, variant: ActionVariant) => ReactNode;
  failedOp: string | undefined;
}) {
  const { t } = useI18n();
  const failedInside = failedOp !== undefined && [...others, ...ending].some((op) => op === failedOp);
  return (
    <section aria-labelledby="actions-title" className="dossier-actions">
      <h2 id="actions-title">{t("dossier.actions")}</h2>
      {!primary && others.length === 0 && ending.length === 0 ? <p>{t("dossier.noActions")}</p> : null}
      {primary ? (
        <div className="next-step" data-next-step={primary}>
          <h3 className="next-step__title">{t("desk.nextStep")}</h3>
          {form(primary, "primary")}
        </div>
      ) : null}
      {others.length > 0 || ending.length > 0 ? (
        <details className="more-actions" open={failedInside || undefined}>
          <summary>{t("desk.otherActions")}</summary>
          <div className="more-actions__body">
            {others.map((op) => form(op, "secondary"))}
            {ending.length > 0 ? (
              <div className="danger-zone" role="group" aria-labelledby="ending-actions-title">
                <h3 id="ending-actions-title">{t("desk.endingActions")}</h3>
                <p className="field-hint">{t("desk.endingHint")}</p>
                {ending.map((op) => form(op, "danger"))}
              </div>
            ) : null}
          </div>
        </details>
      ) : null}
    </section>
  );
}
