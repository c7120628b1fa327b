import type { LegalClockKey } from "~/domain/feedback/deadlines";
import { useI18n } from "~/i18n/i18n-context";

export interface ClockRow {
  key: LegalClockKey;
  dueAt: string;
  done: boolean;
  urgency?: "none" | "ok" | "soon" | "overdue";
  late?: boolean;
}

/** The legal clocks of a feedback item, as the staff item and the citizen's tracking page show them. */
export function LegalClockList({ clocks }: { clocks: readonly ClockRow[] }) {
  const { t, formatDate } = useI18n();
  if (clocks.length === 0) return null;
  return (
    <section aria-labelledby="legal-clocks">
      <h2 id="legal-clocks">{t("clock.title")}</h2>
      <dl className="facts" data-testid="legal-clocks">
        {clocks.map((c) => (
          <div key={c.key} style={{ display: "contents" }}>
            <dt>{t(`clock.${c.key}`)}</dt>
            <dd>
              {formatDate(c.dueAt)}
              {c.done && c.key !== "complaintFiling" ? ` (${t("clock.done")})` : null}
              {c.late ? <span className="badge badge--danger"> {t("clock.lateFilingBadge")}</span> : null}
              {c.urgency === "overdue" || c.urgency === "soon" ? (
                <span className={c.urgency === "overdue" ? "badge badge--danger" : "badge badge--warn"}> {t(`inbox.urgency.${c.urgency}`)}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
