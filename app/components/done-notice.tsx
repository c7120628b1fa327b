import { useSearchParams } from "@remix-run/react";
import type { MessageKey } from "~/i18n/format";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";

export type DoneArea = "document" | "review" | "nc" | "audit" | "feedback";

/** The message for `?done=<intent>` on an area's page: what happened, or plain "saved" for an unknown intent. */
export function doneMessageKey(area: DoneArea, intent: string): MessageKey {
  const key = `done.${area}.${intent}`;
  return isMessageKey(key) ? key : "document.saved";
}

/** The notice a record page shows after its action redirected back with `?done=<intent>`. */
export function DoneNotice({ area }: { area: DoneArea }) {
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const intent = searchParams.get("done");
  if (intent === null) return null;
  return (
    <p className="notice" role="status">
      {t(doneMessageKey(area, intent))}
    </p>
  );
}
