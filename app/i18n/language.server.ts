import { createCookie } from "@remix-run/node";
import { DEFAULT_LANGUAGE, translator, type Language } from "./index";
import { LanguageSchema } from "./language-schema";

export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLanguage(request: Request): Promise<Language> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  const parsed = LanguageSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

export async function getTranslator(request: Request) {
  return translator(await getLanguage(request));
}
