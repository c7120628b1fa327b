import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/form";
import { PERIOD_KINDS } from "~/domain/metrics/dashboard";
import { useI18n } from "~/i18n/i18n-context";

export interface PeriodPickerFieldset {
  period: FieldMetadata<string>;
  year: FieldMetadata<string>;
  month: FieldMetadata<string>;
  quarter: FieldMetadata<string>;
  from: FieldMetadata<string>;
  to: FieldMetadata<string>;
}

/** A period as month, quarter, year or a custom range: the dashboard's picker and the report download form. */
export function PeriodPickerFields({ fields }: { fields: PeriodPickerFieldset }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t("dashboard.picker.period")} htmlFor={fields.period.id} errorId={fields.period.errorId} errors={fields.period.errors}>
        <select {...getSelectProps(fields.period)}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dashboard.picker.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("dashboard.picker.year")} htmlFor={fields.year.id} errorId={fields.year.errorId} errors={fields.year.errors}>
        <input {...getInputProps(fields.year, { type: "number" })} min={2000} max={2100} />
      </Field>
      <Field label={t("dashboard.picker.month")} htmlFor={fields.month.id} errorId={fields.month.errorId} errors={fields.month.errors}>
        <select {...getSelectProps(fields.month)}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={String(i + 1)}>
              {t("dashboard.picker.monthOption", { month: String(i + 1) })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("dashboard.picker.quarter")} htmlFor={fields.quarter.id} errorId={fields.quarter.errorId} errors={fields.quarter.errors}>
        <select {...getSelectProps(fields.quarter)}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={String(q)}>
              {t("dashboard.picker.quarterOption", { quarter: String(q) })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("dashboard.picker.from")} htmlFor={fields.from.id} errorId={fields.from.errorId} errors={fields.from.errors}>
        <input {...getInputProps(fields.from, { type: "date" })} />
      </Field>
      <Field label={t("dashboard.picker.to")} htmlFor={fields.to.id} errorId={fields.to.errorId} errors={fields.to.errors}>
        <input {...getInputProps(fields.to, { type: "date" })} />
      </Field>
    </>
  );
}
