import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { buildCorrectiveActionRequest } from "#reports/corrective-action-request";
import { toWebStream } from "#reports/toolkit";
import { readsMasked } from "~/domain/shared/personal-data";
import { translator } from "~/i18n";
import { recordInspectorDownload } from "~/models/issued-documents.server";
import { getNonconformity } from "~/models/nonconformities.server";
import { unitAsOf } from "~/models/units.server";
import { businessDateOf } from "~/utils/clock";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

const CodeSchema = z.string().regex(/^NC-\d{4}-\d{3,}$/);

/** A nonconformity's corrective-action request as PDF: `/staff/nonconformities/<code>/request.pdf`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/nonconformities"));
  const code = CodeSchema.safeParse(params.code);
  if (!code.success) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const masked = readsMasked(user.roles);
  const detail = await getNonconformity(db, user.unitId, code.data, { maskPersonalData: masked });
  if (!detail) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const fileName = `${detail.nc.code}.pdf`;
  if (masked) {
    await recordInspectorDownload(db, { userId: user.id, unitId: user.unitId, code: fileName, details: { kind: "corrective_action_request", nonconformity: detail.nc.code }, now });
  }
  const unit = await unitAsOf(db, user.unitId, businessDateOf(new Date(detail.nc.found_at)));
  // Official forms are printed in Vietnamese, whatever the reader's language.
  const t = translator("vi");
  const { nc, actions, links } = detail;
  const report = buildCorrectiveActionRequest({
    unit: { name: unit?.name ?? "" },
    nc: {
      code: nc.code,
      title: nc.title,
      sourceLabel: t(`nc.source.${nc.source}`),
      process: nc.process,
      isoClause: nc.iso_clause,
      gradeLabel: t(`nc.grade.${nc.grade}`),
      stateLabel: t(`nc.state.${nc.state}`),
      foundAt: nc.found_at,
      foundBy: nc.foundByName,
      repeat: nc.repeat,
      description: nc.description,
      evidence: nc.evidence,
      correction: nc.correction,
      mergedIntoCode: nc.mergedIntoCode,
    },
    cause: {
      methodLabel: nc.cause_method ? t(`nc.method.${nc.cause_method}`) : null,
      lines: nc.analysis,
      rootCause: nc.root_cause,
    },
    actions: actions.map((a) => ({
      round: a.round,
      description: a.description,
      owner: a.ownerName,
      dueDate: a.due_date,
      statusLabel: t(`nc.actions.status.${a.status}`),
      evidence: a.evidence,
      doneBy: a.doneByName,
      doneAt: a.done_at,
    })),
    verification: { by: nc.verifiedByName, at: nc.verified_at, note: nc.verification_note },
    links: links.map((l) => ({ kindLabel: t(`nc.link.${l.entity_type}`), reference: l.label, reason: l.reason })),
    signatures: { preparedBy: user.displayName, approvedBy: null },
    issuedAt: now,
  });
  return new Response(toWebStream(report), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
