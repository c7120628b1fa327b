import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LanguageSchema } from "~/i18n/language-schema";
import { languageCookie } from "~/i18n/language.server";
import { safeRedirectPath } from "~/utils/auth.server";

const LanguageChangeSchema = z.object({
  lang: LanguageSchema,
  redirectTo: z.string().optional(),
});

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageChangeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "Unsupported language" }, { status: 400 });
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.lang) },
  });
}
