import type { MetaDescriptor } from "@remix-run/node";
import { makeTranslator, type MessageKey, type TranslateParams } from "~/i18n/format";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/language";
import { messagesFor } from "~/i18n/messages";
import { errorPageKeys, errorStatusOf } from "~/utils/error-status";

interface MatchLike {
  id: string;
  data: unknown;
  /** Set on the route whose loader threw: its page is the error page, so is its title. */
  error?: unknown;
}

/** A translated `<title>`: the page's name, then the unit's, in the visitor's language. */
export function pageMeta(
  matches: readonly MatchLike[],
  key: MessageKey,
  params?: TranslateParams,
): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as
    | { language?: unknown; unit?: { name?: string } | null }
    | undefined;
  const language = isLanguage(root?.language) ? root.language : DEFAULT_LANGUAGE;
  const translate = makeTranslator(messagesFor(language), language);
  // Remix gives every match `error: null` when nothing failed.
  const failed = matches.find((m) => m.error !== undefined && m.error !== null);
  const title = failed ? translate(errorPageKeys(errorStatusOf(failed.error)).title) : translate(key, params);
  const unitName = root?.unit?.name;
  return [{ title: unitName ? `${title} · ${unitName}` : title }];
}
