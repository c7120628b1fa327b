import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { ROLES } from "~/domain/accounts/roles";
import { useI18n } from "~/i18n/i18n-context";
import { FieldErrors } from "./form";

export function RoleCheckboxes({ field }: { field: FieldMetadata<string[]> }) {
  const { t } = useI18n();
  return (
    <fieldset className={field.errors?.length ? "field field--invalid" : "field"}>
      <legend>{t("users.field.roles")}</legend>
      {getCollectionProps(field, { type: "checkbox", options: [...ROLES] }).map((props) => (
        <label key={props.key} className="checkbox">
          <input {...props} key={props.key} />
          {t(`role.${props.value as (typeof ROLES)[number]}`)}
        </label>
      ))}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
