/** RFC 4180 CSV: quote a value when it holds a comma, quote, or line break. */
export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return (
    values
      .map((v) => {
        const text = v === null || v === undefined ? "" : String(v);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const UTF8_BOM = "\uFEFF";

export function csvResponse(filename: string, rows: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(UTF8_BOM));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
