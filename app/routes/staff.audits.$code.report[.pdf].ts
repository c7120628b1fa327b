import type { LoaderFunctionArgs } from "@remix-run/node";
import { AUDIT_CODE_PATTERN } from "~/domain/audits/audit";
import { readsMasked } from "~/domain/shared/personal-data";
import { getApprovedReport, getAudit, renderDraftReport } from "~/models/audits.server";
import { recordInspectorDownload } from "~/models/issued-documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/**
 * An audit's report: once approved, the stored PDF exactly as issued (its hash is on /verify);
 * before that, a draft preview for staff (marked DỰ THẢO, no verification code, not recorded).
 * Inspectors get approved reports only, and each of their downloads is logged.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/audits"));
  const code = params.code ?? "";
  const db = getDb();
  const detail = AUDIT_CODE_PATTERN.test(code) ? await getAudit(db, user.unitId, code) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  const isInspector = readsMasked(user.roles);
  const fileName = `${detail.audit.code}.pdf`;

  if (detail.audit.state === "approved") {
    const stored = await getApprovedReport(db, user.unitId, detail);
    if (!stored) throw new Response("Stored report missing", { status: 500 });
    if (isInspector) {
      await recordInspectorDownload(db, {
        userId: user.id,
        unitId: user.unitId,
        code: stored.code,
        details: { kind: stored.kind, variant: "record", audit: detail.audit.code, sha256: stored.sha256 },
        now: new Date(),
      });
    }
    return pdfResponse(stored.pdf, fileName, { "X-Verification-Code": stored.code });
  }

  if (isInspector || detail.audit.state === "planned") throw new Response("Not found", { status: 404 });
  const draft = await renderDraftReport(db, user.unitId, detail);
  return pdfResponse(draft, `${detail.audit.code}-du-thao.pdf`, {});
}

function pdfResponse(pdf: Buffer, fileName: string, extra: Record<string, string>): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      ...extra,
    },
  });
}
