import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { REVIEW_CODE_PATTERN, reviewFileName } from "~/domain/management-review/review";
import { downloadReviewRecord, getManagementReview } from "~/models/management-reviews.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";

/**
 * The recorded meeting's record, served exactly as stored when it was locked (its hash is the one
 * in `issued_document`); none before recording. Every download by an inspector is logged, so the
 * response is never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/management-reviews"));
  const code = z.string().regex(REVIEW_CODE_PATTERN).safeParse(params.code);
  const db = getDb();
  const detail = code.success ? await getManagementReview(db, user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  const record = await downloadReviewRecord(db, user.unitId, detail.review, { userId: user.id, isInspector: user.roles.includes("inspector") });
  if (!record) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(record.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${reviewFileName(detail.review.code, "record")}"`,
      "Content-Length": String(record.pdf.byteLength),
      "Cache-Control": "no-store",
      "X-Verification-Code": record.code,
    },
  });
}
