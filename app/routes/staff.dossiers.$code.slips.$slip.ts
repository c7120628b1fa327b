import type { LoaderFunctionArgs } from "@remix-run/node";
import { toWebStream } from "#reports/toolkit";
import { DossierCodeSchema } from "~/domain/shared/fields";
import { buildDossierSlip, SLIPS, type SlipKind } from "~/models/dossier-slips.server";
import { getDossierDetail } from "~/models/dossiers.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";

/** A dossier's slip as PDF: `/staff/dossiers/<code>/slips/<receipt|supplement|refusal|apology|control-slip>.pdf`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dossiers"));
  const code = DossierCodeSchema.safeParse(params.code);
  const kind = params.slip?.replace(/\.pdf$/, "") as SlipKind | undefined;
  if (!code.success || !kind || !SLIPS.includes(kind) || !params.slip?.endsWith(".pdf")) {
    throw new Response("Not found", { status: 404 });
  }
  const db = getDb();
  const detail = await getDossierDetail(db, user.unitId, code.data);
  if (!detail) throw new Response("Not found", { status: 404 });
  const lookupUrl = `${publicOrigin(request)}/lookup?code=${encodeURIComponent(code.data)}`;
  const report = await buildDossierSlip(db, detail, kind, lookupUrl, new Date());
  if (!report) throw new Response("Not found", { status: 404 });
  return new Response(toWebStream(report), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${code.data}-${kind}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
