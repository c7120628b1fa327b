/*
 * Reading a posted form, multipart included, within limits. The HTTP server already refuses a body
 * over its path's limit (server/http-guards.js); this is the route's own, smaller one, answered
 * with a translated error beside the field. The platform's parser (undici) reads what browsers
 * send, including file names with "=" or quotes, which Remix's multipart parser refused with a 500.
 */

export type FormRead =
  | { ok: true; formData: FormData }
  | { ok: false; reason: "too_large" }
  | { ok: false; reason: "file_too_large" }
  | { ok: false; reason: "malformed" };

class BodyTooLargeError extends Error {}

/** The same request whose body fails once more than `limit` bytes have been read (chunked bodies too). */
function withBodyLimit(request: Request, limit: number): Request {
  if (!request.body) return request;
  let read = 0;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(new BodyTooLargeError());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
}

const tooLarge = (error: unknown): boolean =>
  error instanceof BodyTooLargeError || (error as { cause?: unknown } | null)?.cause instanceof BodyTooLargeError;

/** Reads the form; a body over `maxBytes` or a file over `maxFileBytes` is refused, not truncated. */
export async function readForm(request: Request, limits: { maxBytes: number; maxFileBytes?: number }): Promise<FormRead> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > limits.maxBytes) return { ok: false, reason: "too_large" };
  let formData: FormData;
  try {
    formData = await withBodyLimit(request, limits.maxBytes).formData();
  } catch (error) {
    if (tooLarge(error)) return { ok: false, reason: "too_large" };
    // Not a form the parser can read (a broken multipart body, a wrong content type).
    if (error instanceof TypeError) return { ok: false, reason: "malformed" };
    throw error;
  }
  if (limits.maxFileBytes !== undefined) {
    for (const value of formData.values()) {
      if (typeof value !== "string" && value.size > limits.maxFileBytes) return { ok: false, reason: "file_too_large" };
    }
  }
  return { ok: true, formData };
}
