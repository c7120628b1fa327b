import type { MetaDescriptor } from "@remix-run/node";
import { errorPageKeys, errorStatusOf } from "~/utils/error-status";
import { DEFAULT_LANGUAGE, LanguageSchema, translator, type MessageKey, type TranslateParams } from "~/i18n";

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
  const language = LanguageSchema.catch(DEFAULT_LANGUAGE).parse(root?.language);
  const failed = matches.find((m) => m.error !== undefined);
  const title = failed
    ? translator(language)(errorPageKeys(errorStatusOf(failed.error)).title)
    : translator(language)(key, params);
  const unitName = root?.unit?.name;
  return [{ title: unitName ? `${title} · ${unitName}` : title }];
}
