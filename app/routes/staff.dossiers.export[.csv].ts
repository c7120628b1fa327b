import type { LoaderFunctionArgs } from "@remix-run/node";
import { RegisterFilterSchema } from "~/domain/dossiers/register-filter";
import { getLanguage } from "~/i18n/language.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { registerCsvResponse } from "~/utils/register-csv.server";

/** The tracking book (sổ theo dõi hồ sơ) as CSV, with the register's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dossiers"));
  const parsed = RegisterFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json({ errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const language = await getLanguage(request);
  const { after: _after, ...filter } = parsed.data;
  return registerCsvResponse(getDb(), { ...filter, unitId: user.unitId, now: new Date() }, language);
}
