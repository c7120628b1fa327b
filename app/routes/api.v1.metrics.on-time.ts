import type { LoaderFunctionArgs } from "@remix-run/node";
import { PeriodQuerySchema } from "~/domain/metrics/period";
import { getLanguage } from "~/i18n/language.server";
import { getOnTimeStatement } from "~/models/metrics-report.server";
import { getPublicUnit } from "~/models/units.server";
import { jsonError, jsonValidationError } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/** Public on-time figures (aggregates only) for `?from=YYYY-MM-DD&to=YYYY-MM-DD` or `?year=YYYY`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireWithinRateLimit("reports", context);
  const parsed = PeriodQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonValidationError(parsed.error, await getLanguage(request));
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) return jsonError(503, "no_unit", "No unit is configured");
  const statement = await getOnTimeStatement(db, unit.id, parsed.data, new Date());
  return Response.json(
    { unit: { code: unit.code, name: unit.name }, ...statement },
    { headers: { "Cache-Control": "no-store" } },
  );
}
