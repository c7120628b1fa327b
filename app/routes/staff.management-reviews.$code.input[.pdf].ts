import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { REVIEW_CODE_PATTERN, reviewFileName } from "~/domain/management-review/review";
import { getManagementReview, issueReviewInputReport } from "~/models/management-reviews.server";
import { getUnit } from "~/models/units.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";

/**
 * The management review input report (QT-05 step 3) as PDF, computed from the data at the moment
 * of the download and issued with a verification code; an inspector's download is logged.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/management-reviews"));
  const code = z.string().regex(REVIEW_CODE_PATTERN).safeParse(params.code);
  const db = getDb();
  const detail = code.success ? await getManagementReview(db, user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  const unit = await getUnit(db, user.unitId);
  if (!unit) throw new Response("No unit configured", { status: 503 });
  const issued = await issueReviewInputReport(db, {
    unit: { id: unit.id, name: unit.name },
    review: detail.review,
    reader: { userId: user.id, name: user.displayName, isInspector: user.roles.includes("inspector") },
    origin: publicOrigin(request),
    now: new Date(),
  });
  return new Response(new Uint8Array(issued.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${reviewFileName(detail.review.code, "input")}"`,
      "Content-Length": String(issued.pdf.byteLength),
      "Cache-Control": "no-store",
      "X-Verification-Code": issued.code,
    },
  });
}
