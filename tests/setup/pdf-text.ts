import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function withTempPdf<T>(pdf: Buffer, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "reports-test-"));
  const path = join(dir, "report.pdf");
  try {
    writeFileSync(path, pdf);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of each page as pdftotext extracts it (pages end with a form feed). */
/** `raw`: in the order the text was drawn, so that a table cell wrapped over lines reads as one run. */
export function pdfPages(pdf: Buffer, mode: "layout" | "plain" | "raw" = "layout"): string[] {
  const args = mode === "layout" ? ["-layout", "-enc", "UTF-8"] : mode === "raw" ? ["-raw", "-enc", "UTF-8"] : ["-enc", "UTF-8"];
  const text = withTempPdf(pdf, (path) =>
    execFileSync("pdftotext", [...args, path, "-"], { encoding: "utf8" }),
  );
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const output = withTempPdf(pdf, (path) =>
    execFileSync("pdfinfo", ["-isodates", path], { encoding: "utf8" }),
  );
  return Object.fromEntries(
    output
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] ?? "", match[2] ?? ""]),
  );
}

export function pageCount(pdf: Buffer): number {
  return Number(pdfInfo(pdf).Pages);
}

/** pdftotext -layout pads words with runs of spaces; tests compare words, not spacing. */
export function squashSpaces(text: string): string {
  return text.replace(/[ \t]+/g, " ");
}
