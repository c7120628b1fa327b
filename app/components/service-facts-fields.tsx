import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { PAYMENT_METHODS, RETURN_METHODS } from "~/domain/dossiers/service-facts";
import { useI18n } from "~/i18n/i18n-context";
import { Field } from "./form";

/** How the fee was paid: intake's select (the scorecard's group 4). */
export function PaymentMethodField({ meta }: { meta: FieldMetadata<string> }) {
  const { t } = useI18n();
  return (
    <Field label={t("serviceFacts.paymentMethod")} htmlFor={meta.id} errorId={meta.errorId} errors={meta.errors}>
      <select {...getSelectProps(meta)}>
        {PAYMENT_METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`paymentMethod.${method}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** How the result goes back: at intake and when it is returned (the scorecard's indicator 6.3). */
export function ReturnMethodField({ meta }: { meta: FieldMetadata<string> }) {
  const { t } = useI18n();
  return (
    <Field label={t("serviceFacts.returnMethod")} htmlFor={meta.id} errorId={meta.errorId} errors={meta.errors}>
      <select {...getSelectProps(meta)}>
        {RETURN_METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`returnMethod.${method}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
