import type { LoaderFunctionArgs } from "@remix-run/node";
import { PeriodQuerySchema } from "~/domain/metrics/period";
import { translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getServiceIndex } from "~/models/service-index.server";
import { getPublicUnit } from "~/models/units.server";
import { jsonError, jsonValidationError } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

/**
 * The Decision 766 scorecard of the unit (aggregates only) for `?year=YYYY` or `?from=&to=`: the
 * national portal's shape, `{ unit, period, total, maxTotal, groups: [{ code, name, points,
 * maxPoints, indicators: [{ code, name, value, points, maxPoints, measured }] }] }`, judged at
 * `min(end of period, now)` like every other figure (`judgedAt`; null and every value null for a
 * period not begun).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const parsed = PeriodQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonValidationError(parsed.error, language);
  const db = getDb();
  const unit = await getPublicUnit(db);
  if (!unit) return jsonError(503, "no_unit", "No unit is configured");
  const { measured, scorecard, months } = await getServiceIndex(db, unit.id, parsed.data, new Date(), language);
  if (!scorecard) return jsonError(404, "no_service_index", "No service index applies to this period");
  const future = measured.status === "future";
  const t = translator(language);
  return Response.json(
    {
      unit: { code: unit.code, name: unit.name },
      period: { from: parsed.data.from, to: parsed.data.to },
      status: measured.status,
      judgedAt: future ? null : measured.period.endInstant,
      version: scorecard.version,
      total: scorecard.total,
      maxTotal: scorecard.maxTotal,
      measuredMaxTotal: scorecard.measuredMaxTotal,
      groups: scorecard.groups.map((g) => ({
        code: g.code,
        name: g.name,
        points: g.points,
        maxPoints: g.maxPoints,
        indicators: g.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          value: i.value,
          points: i.points,
          maxPoints: i.maxPoints,
          measured: i.measured,
          ...(i.reason ? { reason: t(i.reason), reasonCode: i.reason } : {}),
          ...(i.denominator !== null ? { numerator: i.numerator, denominator: i.denominator } : {}),
        })),
      })),
      months,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
