import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors } from "./form";

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

/** A fieldset of checkboxes for an array field, with its errors beside it. */
export function CheckboxGroup({
  field,
  legend,
  options,
  hint,
}: {
  field: FieldMetadata<unknown>;
  legend: string;
  options: readonly CheckboxOption[];
  hint?: string;
}) {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset className={field.errors?.length ? "field field--invalid checkbox-group" : "field checkbox-group"}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {getCollectionProps(field as FieldMetadata<string[]>, { type: "checkbox", options: options.map((o) => o.value) }).map((props) => (
        <label key={props.key} className="checkbox">
          <input {...props} key={props.key} />
          {labels.get(props.value)}
        </label>
      ))}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
