import { contentBox, ensureSpace, type ReportDocument } from "../document";
import { FONT } from "../fonts";
import { COLOR } from "../theme";

export type RunFont = keyof typeof FONT;

/** A stretch of text in one font; runs are separate words (a space between them). */
export interface TextRun {
  text: string;
  font: RunFont;
}

export interface FlowOptions {
  size: number;
  lineGap: number;
  align: "left" | "justify";
  /** Indent of every line after the first, for numbered items. */
  hangingIndent: number;
}

interface Word {
  text: string;
  font: RunFont;
  width: number;
}

interface Line {
  words: Word[];
  /** Last line of a paragraph: never stretched. */
  last: boolean;
}

/**
 * Flows text across lines and pages, breaking at spaces only: pdfkit follows UAX #14, which also
 * breaks after a slash and so splits the forms' "Ông/bà" over two lines. Justified lines are
 * stretched word by word; "\n" ends a paragraph.
 */
export function flowText(report: ReportDocument, runs: readonly TextRun[], options: FlowOptions): void {
  const { doc } = report;
  const box = contentBox(report);
  const lines = breakLines(doc, runs, options, box.width);
  doc.fillColor(COLOR.text).fontSize(options.size);
  const lineHeight = doc.currentLineHeight(true) + options.lineGap;

  lines.forEach((line, index) => {
    ensureSpace(report, lineHeight);
    const left = contentBox(report).left + (index === 0 ? 0 : options.hangingIndent);
    const available = box.width - (index === 0 ? 0 : options.hangingIndent);
    const y = doc.y;
    const natural = line.words.reduce(
      (sum, word, i) => sum + word.width + (i > 0 ? spaceWidth(doc, word.font, options.size) : 0),
      0,
    );
    const gaps = line.words.length - 1;
    const stretch =
      options.align === "justify" && !line.last && gaps > 0 ? Math.max(0, (available - natural) / gaps) : 0;

    let x = left;
    line.words.forEach((word, i) => {
      if (i > 0) x += spaceWidth(doc, word.font, options.size) + stretch;
      doc.font(FONT[word.font]).fontSize(options.size);
      // A single word wider than the line (a long URL) is the only thing pdfkit may still wrap.
      const wrap = word.width > available;
      doc.text(word.text, x, y, wrap ? { width: available, lineGap: options.lineGap } : { lineBreak: false });
      x += word.width;
    });
    doc.y = Math.max(y + lineHeight, doc.y);
  });
  doc.x = box.left;
}

function breakLines(
  doc: PDFKit.PDFDocument,
  runs: readonly TextRun[],
  options: FlowOptions,
  width: number,
): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let currentWidth = 0;
  const available = () => width - (lines.length === 0 ? 0 : options.hangingIndent);
  const endLine = (last: boolean) => {
    lines.push({ words: current, last });
    current = [];
    currentWidth = 0;
  };

  for (const run of runs) {
    const paragraphs = run.text.split("\n");
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) endLine(true);
      for (const text of paragraph.split(/[ \t]+/)) {
        if (text === "") continue;
        doc.font(FONT[run.font]).fontSize(options.size);
        const word = { text, font: run.font, width: doc.widthOfString(text) };
        const gap = current.length > 0 ? spaceWidth(doc, run.font, options.size) : 0;
        if (current.length > 0 && currentWidth + gap + word.width > available()) {
          endLine(false);
          current.push(word);
          currentWidth = word.width;
        } else {
          current.push(word);
          currentWidth += gap + word.width;
        }
      }
    });
  }
  if (current.length > 0 || lines.length === 0) endLine(true);
  return lines;
}

function spaceWidth(doc: PDFKit.PDFDocument, font: RunFont, size: number): number {
  return doc.font(FONT[font]).fontSize(size).widthOfString(" ");
}
