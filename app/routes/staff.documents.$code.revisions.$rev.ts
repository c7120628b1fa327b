import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildControlledCopy } from "#reports/controlled-copy";
import { toWebStream } from "#reports/toolkit";
import { DocumentCodeSchema } from "~/domain/documents/document";
import { readsMasked } from "~/domain/shared/personal-data";
import { translator } from "~/i18n";
import { recordInspectorDownload } from "~/models/issued-documents.server";
import { getDocument } from "~/models/documents.server";
import { getUnit } from "~/models/units.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/** A revision's controlled copy: `/staff/documents/<code>/revisions/<n>.pdf`, marked obsolete or draft when so. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/documents"));
  const code = DocumentCodeSchema.safeParse(params.code);
  const revisionNumber = /^(\d{1,3})\.pdf$/.exec(params.rev ?? "")?.[1];
  if (!code.success || !revisionNumber) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const detail = await getDocument(db, user.unitId, code.data);
  const revision = detail?.revisions.find((r) => r.revision === Number(revisionNumber));
  if (!detail || !revision) throw new Response("Not found", { status: 404 });
  const unit = await getUnit(db, user.unitId);
  const now = new Date();
  const fileName = `${detail.document.code}-lan-${revision.revision}.pdf`;
  if (readsMasked(user.roles)) {
    await recordInspectorDownload(db, { userId: user.id, unitId: user.unitId, code: fileName, details: { kind: "controlled_copy", document: detail.document.code, revision: revision.revision }, now });
  }
  // Controlled copies are Vietnamese documents: their labels are printed in Vietnamese.
  const t = translator("vi");
  const report = buildControlledCopy({
    unit: { name: unit?.name ?? "" },
    document: {
      code: detail.document.code,
      title: revision.title,
      typeLabel: t(`docType.${detail.document.type}`),
      revision: revision.revision,
      status: revision.state,
      effectiveDate: revision.effective_date,
      approvedBy: revision.approved_by_name,
      approvedAt: revision.approved_at ? new Date(revision.approved_at) : null,
      ownerLabel: t(`role.${detail.document.owner_role}`),
      isoClauses: detail.document.isoClauses,
    },
    markdown: revision.body_md,
    issuedAt: now,
    issuedTo: user.displayName,
  });
  return new Response(toWebStream(report), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
