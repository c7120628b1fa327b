import type { SubmissionResult } from "@conform-to/react";
import { useState, type ReactNode } from "react";
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

const union = (a: string[] | undefined, b: string[] | null | undefined): string[] | undefined => {
  const all = [...new Set([...(a ?? []), ...(b ?? [])])];
  return all.length ? all : undefined;
};

/**
 * The errors the server answered with ("wrong password", "the phone digits do not match"), kept
 * until the form is sent again. Conform replaces them with its own check when a field loses focus:
 * the error would vanish on the mousedown that leaves the field, the form would shrink under the
 * pointer and the click would land beside the button that moved up. Pass `onSubmit` to `useForm`.
 */
export function useServerErrors(lastResult: SubmissionResult<string[]> | null | undefined) {
  const [sentAfter, setSentAfter] = useState<SubmissionResult<string[]> | null | undefined>(undefined);
  const error = lastResult && lastResult !== sentAfter ? (lastResult.error ?? {}) : {};
  return {
    form: (client: string[] | undefined) => union(client, error[""]),
    field: (name: string, client: string[] | undefined) => union(client, error[name]),
    onSubmit: () => setSentAfter(lastResult),
  };
}
