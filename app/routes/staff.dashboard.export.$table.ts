import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { csvCell, DASHBOARD_TABLES, dashboardTables, DashboardQuerySchema, listAccess, resolvePeriod } from "~/domain/metrics/dashboard";
import { readsMasked } from "~/domain/shared/personal-data";
import { translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getDashboard, resolveDashboardUnit } from "~/models/dashboard.server";
import { recordInspectorDownload } from "~/models/issued-documents.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { csvResponse, csvRow } from "~/utils/csv";
import { getDb } from "~/utils/db.server";
import { rolesFor, staffNavFor } from "~/utils/navigation";

/** One of the dashboard's tables as CSV (UTF-8 with BOM, for Excel), for the same period and unit; the file name carries the period. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dashboard"));
  const table = z.enum(DASHBOARD_TABLES).safeParse(params.table);
  if (!table.success) throw new Response("Not found", { status: 404 });
  const parsed = DashboardQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json({ errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const db = getDb();
  const now = new Date();
  const { unit, refused } = await resolveDashboardUnit(db, user.unitId, parsed.data.unit);
  if (refused) throw new Response("Forbidden", { status: 403 });
  const { period } = resolvePeriod(parsed.data, businessDateOf(now));
  const canOpen = listAccess(new Set(staffNavFor(user.roles).map((i) => i.to)), unit.id === user.unitId);
  const language = await getLanguage(request);
  const dashboard = await getDashboard(db, unit.id, period, now, canOpen, language);
  const spec = dashboardTables({ ...dashboard, period: dashboard.measured.period, linkRegister: canOpen.register })[table.data];
  const fileName = `bang-theo-doi-${table.data}-${period.from}-${period.to}.csv`;
  if (readsMasked(user.roles)) {
    await recordInspectorDownload(db, {
      userId: user.id,
      unitId: user.unitId,
      code: fileName,
      details: { kind: "dashboard_table", table: table.data, unitId: unit.id, parameters: { from: period.from, to: period.to } },
      now,
    });
  }
  const t = translator(language);
  async function* lines() {
    yield csvRow(spec.columns.map((c) => t(c)));
    for (const row of spec.rows) yield csvRow(row.map((cell) => csvCell(cell, t)));
  }
  return csvResponse(fileName, lines());
}
