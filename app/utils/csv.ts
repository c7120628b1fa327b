import { stringify } from "csv-stringify/sync";

/**
 * One RFC 4180 CSV row (csv-stringify). A text that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return: `=HYPERLINK(…)` typed as a name) is written with a
 * leading apostrophe, so Excel shows it as text (OWASP "CSV injection"); numbers stay numbers.
 */
export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return stringify([values.map((v) => (v === undefined ? null : v))], {
    escape_formulas: true,
    record_delimiter: "\r\n",
    // A line break inside a value is quoted too (csv-stringify quotes only its own delimiter by default).
    quoted_match: /[\r\n]/,
  });
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
