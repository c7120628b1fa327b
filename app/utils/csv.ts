import { Readable, pipeline } from "node:stream";
import { stringify as stringifyStream, type Options } from "csv-stringify";
import { stringify } from "csv-stringify/sync";

export type CsvValues = ReadonlyArray<string | number | null | undefined>;

const CSV_OPTIONS: Options = {
  escape_formulas: true,
  record_delimiter: "\r\n",
  // A line break inside a value is quoted too (csv-stringify quotes only its own delimiter by default).
  quoted_match: /[\r\n]/,
};

/**
 * One RFC 4180 CSV row (csv-stringify). A text that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return: `=HYPERLINK(…)` typed as a name) is written with a
 * leading apostrophe, so Excel shows it as text (OWASP "CSV injection"); numbers stay numbers.
 */
export function csvRow(values: CsvValues): string {
  return stringify([values.map((v) => (v === undefined ? null : v))], CSV_OPTIONS);
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
    // A download the client abandons ends the rows' query too, handing its database connection back.
    async cancel() {
      await iterator.return?.();
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

/**
 * A CSV download of many rows: the records flow through one csv-stringify stream (the same rules as
 * `csvRow`, BOM first) into the response, with backpressure, so a year of the register never sits in memory.
 */
export function csvStreamResponse(filename: string, records: AsyncIterable<CsvValues>): Response {
  const stringifier = stringifyStream({ ...CSV_OPTIONS, bom: true });
  const source = Readable.from(records, { objectMode: true });
  // pipeline, not pipe: a client that abandons the download destroys the stringifier, and pipeline then
  // destroys the source, which ends the records' query and hands its database connection back to the pool.
  pipeline(source, stringifier, () => {});
  return new Response(Readable.toWeb(stringifier) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
