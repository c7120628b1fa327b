import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useI18n } from "~/i18n/i18n-context";
import { Field } from "./form";

/** Issue 14: the unit a user works in, among the units the admin's unit covers. */
export function UnitSelect({ field, units }: { field: FieldMetadata<unknown>; units: ReadonlyArray<{ id: number; name: string }> }) {
  const { t } = useI18n();
  return (
    <Field label={t("users.field.unit")} htmlFor={field.id} errorId={field.errorId} errors={field.errors}>
      <select {...getSelectProps(field)}>
        {units.map((u) => (
          <option key={u.id} value={String(u.id)}>
            {u.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
