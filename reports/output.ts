import { finishReport, type ReportDocument } from "./document";

/** Finishes the report (header, footer, page numbers) and collects the whole PDF. */
export function toBuffer(report: ReportDocument): Promise<Buffer> {
  const { doc } = report;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    finishReport(report);
  });
}

/** Finishes the report and streams it, for `new Response(toWebStream(report), …)` in a route. */
export function toWebStream(report: ReportDocument): ReadableStream<Uint8Array> {
  const { doc } = report;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on("data", (chunk: Uint8Array) => controller.enqueue(new Uint8Array(chunk)));
      doc.on("end", () => controller.close());
      doc.on("error", (error: unknown) => controller.error(error));
      finishReport(report);
    },
    cancel() {
      doc.removeAllListeners("data");
    },
  });
}
