import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffAttachmentType } from "~/domain/feedback/attachments";
import type { MessageKey } from "~/i18n";
import { readForm } from "~/utils/form-body.server";
import { storeUpload } from "~/utils/uploads.server";

/** The whole form, three files and the text, with room for multipart overhead. */
export const MAX_FEEDBACK_REQUEST_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * 1024;

export type FeedbackFormRead =
  | { ok: true; formData: FormData; files: File[] }
  | { ok: false; error: MessageKey; field: "attachments" | "" };

/** Reads a multipart feedback form with size limits; oversized parts or bodies are refused, not truncated. */
export async function readFeedbackForm(request: Request): Promise<FeedbackFormRead> {
  const read = await readForm(request, { maxBytes: MAX_FEEDBACK_REQUEST_BYTES, maxFileBytes: MAX_ATTACHMENT_BYTES });
  if (!read.ok) {
    if (read.reason === "file_too_large") return { ok: false, error: "feedback.error.attachmentSize", field: "attachments" };
    if (read.reason === "too_large") return { ok: false, error: "feedback.error.tooLarge", field: "" };
    return { ok: false, error: "error.malformedForm", field: "" };
  }
  const { formData } = read;
  const files = formData.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.size > 0);
  formData.delete("attachments");
  if (files.length > MAX_ATTACHMENTS) return { ok: false, error: "feedback.error.attachmentCount", field: "attachments" };
  return { ok: true, formData, files };
}

export interface CheckedAttachment {
  bytes: Uint8Array;
  originalName: string;
  mime: string;
  extension: string;
}

/** Each file must really be an image or a PDF, whatever its name or declared type says. */
export async function checkAttachments(files: File[]): Promise<{ ok: true; attachments: CheckedAttachment[] } | { ok: false; error: MessageKey }> {
  const attachments: CheckedAttachment[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, error: "feedback.error.attachmentSize" };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffAttachmentType(bytes);
    if (!type) return { ok: false, error: "feedback.error.attachmentType" };
    attachments.push({ bytes, originalName: file.name.slice(0, 200) || `tep.${type.extension}`, mime: type.mime, extension: type.extension });
  }
  return { ok: true, attachments };
}

export async function storeAttachments(attachments: CheckedAttachment[]) {
  const stored = [];
  for (const a of attachments) {
    const file = await storeUpload(a.bytes, a.extension);
    stored.push({ storedName: file.storedName, originalName: a.originalName, mime: a.mime, size: file.size, sha256: file.sha256 });
  }
  return stored;
}
