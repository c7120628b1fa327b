import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvCell, DashboardQuerySchema, resolvePeriod } from "~/domain/metrics/dashboard";
import { PROVINCE_COLUMNS, provinceCells } from "~/domain/metrics/province";
import { readsMasked } from "~/domain/shared/personal-data";
import { translator } from "~/i18n";
import { getLanguage } from "~/i18n/language.server";
import { recordInspectorDownload } from "~/models/issued-documents.server";
import { getProvinceComparison } from "~/models/province.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { csvResponse, csvRow } from "~/utils/csv";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/** The province comparison as CSV (UTF-8 with BOM), for the same period as the page; formula-safe cells (csvRow). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/province"));
  const parsed = DashboardQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json({ errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const db = getDb();
  const now = new Date();
  const { period } = resolvePeriod(parsed.data, businessDateOf(now));
  const language = await getLanguage(request);
  const { rows } = await getProvinceComparison(db, user.unitId, period, now, language);
  const fileName = `so-sanh-cac-xa-${period.from}-${period.to}.csv`;
  if (readsMasked(user.roles)) {
    await recordInspectorDownload(db, {
      userId: user.id,
      unitId: user.unitId,
      code: fileName,
      details: { kind: "province_comparison", parameters: { from: period.from, to: period.to } },
      now,
    });
  }
  const t = translator(language);
  async function* lines() {
    yield csvRow(PROVINCE_COLUMNS.map((c) => t(`province.col.${c}`)));
    for (const [i, row] of rows.entries()) yield csvRow(provinceCells(row, i + 1).map((cell) => csvCell(cell, t)));
  }
  return csvResponse(fileName, lines());
}
