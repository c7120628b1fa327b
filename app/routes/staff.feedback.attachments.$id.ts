import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listAttachment } from "~/models/feedback.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { uploadPath } from "~/utils/uploads.server";

/** Serves an attachment to staff as a download, with its checked type; never from the web root. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/feedback"));
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const attachment = id.success ? await listAttachment(getDb(), user.unitId, id.data) : undefined;
  if (!attachment) throw new Response("Not found", { status: 404 });
  const bytes = await readFile(uploadPath(attachment.stored_name));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": attachment.mime,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.original_name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
