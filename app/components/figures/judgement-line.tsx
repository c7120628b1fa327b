import type { PeriodStatus } from "~/domain/metrics/period";
import { useI18n } from "~/i18n/i18n-context";

/**
 * When the figures on a page were judged (decision record 0010), in the same words on every page:
 * a past period at its end, a running one now (up to today), a future one not at all.
 */
export function JudgementLine({
  unit,
  status,
  chosen,
  judgedAt,
}: {
  unit: string;
  status: PeriodStatus;
  chosen: { from: string; to: string };
  judgedAt: string;
}) {
  const { t, formatDate, formatDateTime } = useI18n();
  return (
    <p className="dashboard-period" role="status" data-judgement={status}>
      {t(`figures.judgement.${status}`, { unit, from: formatDate(chosen.from), to: formatDate(chosen.to), at: formatDateTime(judgedAt) })}
    </p>
  );
}
