import type { ReactNode } from "react";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";

/** Zod messages are catalogue keys; anything else (a library's default) shows as "invalid value". */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useI18n();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{t(isMessageKey(e) ? e : "error.invalid")}</li>
      ))}
    </ul>
  );
}

/** Form-level errors: catalogue keys, or messages the server already translated (with figures in them). */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useI18n();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{isMessageKey(e) ? t(e) : e}</p>
      ))}
    </div>
  );
}

interface FieldProps {
  label: string;
  htmlFor: string;
  hint?: string;
  hintId?: string;
  errorId: string;
  errors: string[] | undefined;
  children: ReactNode;
}

/** A labelled control with its hint and its errors beside it. */
export function Field({ label, htmlFor, hint, hintId, errorId, errors, children }: FieldProps) {
  return (
    <div className={errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={htmlFor}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
