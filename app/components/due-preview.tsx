import { useI18n } from "~/i18n/i18n-context";

export interface DuePreviewValue {
  dueAt: string;
  countedFrom: string;
  rule: "same_day" | "working_days";
  processingDays: number;
  sameDayCutoff: string;
}

export function DuePreview({ preview }: { preview: DuePreviewValue | null }) {
  const { t, formatDateTime, formatDate } = useI18n();
  return (
    <section className="due-preview" aria-live="polite" aria-labelledby="due-title">
      <h2 id="due-title">{t("intake.dueTitle")}</h2>
      {preview ? (
        <>
          <p className="due-preview__date">{t("intake.dueAt", { date: formatDateTime(preview.dueAt) })}</p>
          <p className="field-hint">
            {preview.rule === "same_day"
              ? t("intake.dueRuleSameDay", { cutoff: preview.sameDayCutoff })
              : t("intake.dueRuleDays", { days: preview.processingDays, from: formatDate(preview.countedFrom) })}
          </p>
        </>
      ) : (
        <p className="field-hint">—</p>
      )}
    </section>
  );
}
