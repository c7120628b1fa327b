import type { LoaderFunctionArgs } from "@remix-run/node";
import { PeriodQuerySchema } from "~/domain/metrics/period";
import { onTimeReportFileName, reportVariantFor } from "~/domain/reports/on-time-report";
import { isPublicReportPeriod } from "~/domain/reports/public-periods";
import { translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { issueOnTimeReport } from "~/models/on-time-report.server";
import { getPublicUnit, getUnit, unitAsOf } from "~/models/units.server";
import { businessDateOf } from "~/utils/clock";
import { jsonValidationError } from "~/utils/api.server";
import { getSessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";
import { requireWithinRateLimit } from "~/utils/rate-limit.server";

/**
 * The on-time performance report as PDF: `/reports/on-time.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD` or
 * `?year=YYYY`. Public with aggregate figures only; staff who may open the register get the late
 * dossiers too, inspectors with citizens' names masked (and each of their downloads is logged).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const url = new URL(request.url);
  const parsed = PeriodQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return jsonValidationError(parsed.error, await getLanguage(request));
  const db = getDb();
  const user = await getSessionUser(request);
  const variant = reportVariantFor(user, rolesFor("/staff/dossiers"));
  if (variant === "public") {
    await requireWithinRateLimit("reports", context);
    if (!isPublicReportPeriod(parsed.data.from, parsed.data.to)) {
      const t = translator(await getLanguage(request));
      return Response.json(
        { error: "validation_failed", issues: [{ path: "from", code: "reports.error.publicPeriod", message: t("reports.error.publicPeriod") }] },
        { status: 400 },
      );
    }
  }
  const current = user ? await getUnit(db, user.unitId) : await getPublicUnit(db);
  if (!current) throw new Response("No unit configured", { status: 503 });
  const period = parsed.data;
  // Named as it was at the period's end (or today, for a period still running): issue 14.
  const today = businessDateOf(now);
  const unit = (await unitAsOf(db, current.id, period.to < today ? period.to : today)) ?? current;
  const issued = await issueOnTimeReport(db, {
    unit: { id: unit.id, name: unit.name },
    period,
    variant,
    reader: user && variant !== "public" ? { userId: user.id, name: user.displayName, isInspector: variant === "masked" } : null,
    origin: publicOrigin(request),
    now,
  });
  return new Response(new Uint8Array(issued.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${onTimeReportFileName(period)}"`,
      "Content-Length": String(issued.pdf.byteLength),
      // One URL serves public and signed-in versions: no shared cache may keep either.
      "Cache-Control": "no-store",
      "X-Verification-Code": issued.code,
    },
  });
}
