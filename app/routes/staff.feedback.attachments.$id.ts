import { readFile } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { sniffAttachmentType } from "~/domain/feedback/attachments";
import { listAttachment } from "~/models/feedback.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { rolesFor } from "~/utils/navigation";
import { uploadPath } from "~/utils/uploads.server";

/**
 * Serves an attachment to staff as a download; never from the web root. The bytes are checked
 * again against the type recorded at upload, and the file is named by the item's code with the
 * extension of that checked type: the citizen's own file name (a PDF that is also HTML, named
 * `.html`) is never what the browser saves it as.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/feedback"));
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const attachment = id.success ? await listAttachment(getDb(), user.unitId, id.data) : undefined;
  if (!attachment || attachment.erased_at !== null) throw new Response("Not found", { status: 404 });
  const bytes = new Uint8Array(await readFile(uploadPath(attachment.stored_name)));
  const type = sniffAttachmentType(bytes);
  if (!type || type.mime !== attachment.mime) throw new Response("Stored file does not match its recorded type", { status: 409 });
  return new Response(bytes, {
    headers: {
      "Content-Type": type.mime,
      "Content-Disposition": `attachment; filename="${attachment.code}-${attachment.id}.${type.extension}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
