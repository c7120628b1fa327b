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
  // pdfkit goes on writing after a client abandons the download; the stream is then closed, and touching
  // its controller again would throw outside any request and bring the process down.
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on("data", (chunk: Uint8Array) => {
        if (open) controller.enqueue(new Uint8Array(chunk));
      });
      doc.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      doc.on("error", (error: unknown) => {
        if (open) controller.error(error);
        open = false;
      });
      finishReport(report);
    },
    cancel() {
      open = false;
    },
  });
}
