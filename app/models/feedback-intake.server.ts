import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffAttachmentType } from "~/domain/feedback/attachments";
import type { MessageKey } from "~/i18n";
import { storeUpload } from "~/utils/uploads.server";

/** The whole form, three files and the text, with room for multipart overhead. */
export const MAX_FEEDBACK_REQUEST_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * 1024;

export type FeedbackFormRead =
  | { ok: true; formData: FormData; files: File[] }
  | { ok: false; error: MessageKey; field: "attachments" | "" };

class RequestTooLargeError extends Error {}

/** The same request whose body fails once more than `limit` bytes have been read (chunked bodies too). */
function withBodyLimit(request: Request, limit: number): Request {
  if (!request.body) return request;
  let read = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(new RequestTooLargeError());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body: limited, duplex: "half" } as RequestInit);
}

/** Reads a multipart feedback form with size limits; oversized parts or bodies are refused, not truncated. */
export async function readFeedbackForm(request: Request): Promise<FeedbackFormRead> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FEEDBACK_REQUEST_BYTES) return { ok: false, error: "feedback.error.tooLarge", field: "" };
  const contentType = request.headers.get("Content-Type") ?? "";
  const limited = withBodyLimit(request, MAX_FEEDBACK_REQUEST_BYTES);
  let formData: FormData;
  try {
    formData = contentType.startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(limited, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }))
      : await limited.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: "feedback.error.attachmentSize", field: "attachments" };
    if (error instanceof RequestTooLargeError || (error as { cause?: unknown })?.cause instanceof RequestTooLargeError) {
      return { ok: false, error: "feedback.error.tooLarge", field: "" };
    }
    throw error;
  }
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
