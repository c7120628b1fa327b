import MarkdownIt, { type Token } from "markdown-it";

import { advanceCursor, contentBox, ensureSpace, resetBodyStyle, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { addTable, type CellAlign, type TableColumn } from "./table";
import { addHeading, type HeadingLevel } from "./text-blocks";
import { COLOR, FONT_SIZE, LINE_GAP } from "./theme";

/** Bold wins over italic: there is no bold-italic face loaded. */
export type RunStyle = keyof typeof FONT;

/** A stretch of inline text in one face; "\n" is a hard line break. */
export interface TextRun {
  text: string;
  style: RunStyle;
}

export interface MarkdownTableColumn {
  header: string;
  align: CellAlign;
}

export type MarkdownBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; runs: TextRun[] }
  | { kind: "list"; ordered: boolean; start: number; items: MarkdownBlock[][] }
  | { kind: "table"; columns: MarkdownTableColumn[]; rows: string[][] }
  | { kind: "quote"; blocks: MarkdownBlock[] }
  | { kind: "code"; text: string }
  | { kind: "rule" };

// Raw HTML stays off: a document's "<script>" is printed as the characters it is.
const markdownIt = new MarkdownIt({ html: false });

// Same shape as the front matter that app/domain/documents/document.ts reads.
const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

export function stripFrontMatter(markdown: string): string {
  return markdown.replace(FRONT_MATTER, "");
}

/** The block structure of a Markdown text (front matter removed), as the PDF renders it. */
export function parseMarkdown(markdown: string): MarkdownBlock[] {
  const tokens = markdownIt.parse(stripFrontMatter(markdown).replace(/\r\n?/g, "\n"), {});
  return readBlocks(new TokenCursor(tokens), null);
}

/** Renders Markdown into the report at the cursor: headings, paragraphs, lists, tables, quotes, code, rules. */
export function addMarkdown(report: ReportDocument, markdown: string): void {
  renderBlocks(report, parseMarkdown(markdown), BODY_FRAME);
  resetBodyStyle(report);
}

// ---------------------------------------------------------------------------------------------
// Token stream → blocks

class TokenCursor {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index++;
    return token;
  }

  /** The inline token that follows an opening token (heading, paragraph, cell). */
  inline(): Token | undefined {
    const token = this.tokens[this.index];
    if (token?.type !== "inline") return undefined;
    this.index++;
    return token;
  }
}

function readBlocks(cursor: TokenCursor, closing: string | null): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (let token = cursor.next(); token; token = cursor.next()) {
    if (token.type === closing) break;
    switch (token.type) {
      case "heading_open":
        blocks.push({
          kind: "heading",
          level: Number(token.tag.slice(1)),
          text: plainText(inlineRuns(cursor.inline())),
        });
        break;
      case "paragraph_open":
        blocks.push({ kind: "paragraph", runs: inlineRuns(cursor.inline()) });
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        blocks.push(readList(cursor, token));
        break;
      case "table_open":
        blocks.push(readTable(cursor));
        break;
      case "blockquote_open":
        blocks.push({ kind: "quote", blocks: readBlocks(cursor, "blockquote_close") });
        break;
      case "fence":
      case "code_block":
        blocks.push({ kind: "code", text: token.content.replace(/\n$/, "") });
        break;
      // Never produced while `html` is off; kept as literal text should that ever change.
      case "html_block":
        blocks.push({ kind: "code", text: token.content.replace(/\n$/, "") });
        break;
      case "hr":
        blocks.push({ kind: "rule" });
        break;
      default:
        // Closing tokens of paragraphs and headings, and anything markdown-it adds later.
        break;
    }
  }
  return blocks;
}

function readList(cursor: TokenCursor, open: Token): MarkdownBlock {
  const ordered = open.type === "ordered_list_open";
  const closing = ordered ? "ordered_list_close" : "bullet_list_close";
  const start = Number(open.attrGet("start") ?? 1);
  const items: MarkdownBlock[][] = [];
  for (let token = cursor.next(); token && token.type !== closing; token = cursor.next()) {
    if (token.type === "list_item_open") items.push(readBlocks(cursor, "list_item_close"));
  }
  return { kind: "list", ordered, start: Number.isFinite(start) ? start : 1, items };
}

function readTable(cursor: TokenCursor): MarkdownBlock {
  const columns: MarkdownTableColumn[] = [];
  const rows: string[][] = [];
  let inHead = false;
  for (let token = cursor.next(); token && token.type !== "table_close"; token = cursor.next()) {
    switch (token.type) {
      case "thead_open":
        inHead = true;
        break;
      case "thead_close":
        inHead = false;
        break;
      case "tr_open":
        if (!inHead) rows.push([]);
        break;
      case "th_open":
      case "td_open": {
        const text = plainText(inlineRuns(cursor.inline()));
        if (inHead) columns.push({ header: text, align: cellAlign(token) });
        else rows.at(-1)?.push(text);
        break;
      }
      default:
        break;
    }
  }
  return { kind: "table", columns, rows };
}

function cellAlign(token: Token): CellAlign {
  const match = /text-align:\s*(left|center|right)/.exec(token.attrGet("style") ?? "");
  return (match?.[1] as CellAlign | undefined) ?? "left";
}

function inlineRuns(inline: Token | undefined): TextRun[] {
  const runs: TextRun[] = [];
  let bold = 0;
  let italic = 0;
  const links: { href: string; firstRun: number }[] = [];
  const push = (text: string) => {
    if (text !== "") runs.push({ text, style: bold > 0 ? "bold" : italic > 0 ? "italic" : "regular" });
  };

  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case "text":
      case "code_inline":
      case "html_inline":
        push(child.content);
        break;
      case "softbreak":
        push(" ");
        break;
      case "hardbreak":
        push("\n");
        break;
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "link_open":
        links.push({ href: child.attrGet("href") ?? "", firstRun: runs.length });
        break;
      case "link_close": {
        const link = links.pop();
        if (link) push(linkSuffix(plainText(runs.slice(link.firstRun)), link.href));
        break;
      }
      case "image": {
        push(child.content);
        push(linkSuffix(child.content, child.attrGet("src") ?? ""));
        break;
      }
      default:
        // Strikethrough marks and the like: their text still comes through as "text" children.
        break;
    }
  }
  return runs;
}

/** " (https://…)" after a link's text, unless the text already is the address (an autolink). */
function linkSuffix(text: string, href: string): string {
  if (href === "" || text === href || `mailto:${text}` === href) return "";
  return text === "" ? href : ` (${href})`;
}

function plainText(runs: readonly TextRun[]): string {
  return runs
    .map((run) => run.text)
    .join("")
    .replace(/\s*\n\s*/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Blocks → PDF

/** Where a block sits: its left offset from the margin, its colour, and quote bars beside it. */
interface Frame {
  indent: number;
  color: string;
  /** Offsets (from the left margin) of the vertical bars of enclosing block quotes. */
  bars: readonly number[];
  /** Inside a list item: paragraphs sit closer together. */
  tight: boolean;
}

const BODY_FRAME: Frame = { indent: 0, color: COLOR.text, bars: [], tight: false };

const BODY_SIZE = FONT_SIZE.body;
const PARAGRAPH_GAP = 6;
const ITEM_GAP = 2;
const LIST_GAP_AFTER = 4;
const BULLET_WIDTH = 14;
/** A list's markers sit this far in from the text around it. */
const LIST_INSET = 10;
const MARKER_GAP = 5;
const QUOTE_INDENT = 14;
const CODE_INDENT = 12;
/** Deeper nesting stops indenting, so that text always keeps at least half the width. */
const MAX_INDENT_SHARE = 0.5;
// addTable pads every cell by 4 pt on each side; one more point keeps a measured word on one line.
const TABLE_CELL_PADDING = 9;

interface Marker {
  text: string;
  /** Width of the marker column; the item's text starts after it. */
  width: number;
}

function renderBlocks(report: ReportDocument, blocks: readonly MarkdownBlock[], frame: Frame): void {
  for (const block of blocks) renderBlock(report, block, frame);
}

function renderBlock(report: ReportDocument, block: MarkdownBlock, frame: Frame, marker?: Marker): void {
  switch (block.kind) {
    case "heading":
      renderHeading(report, block.text, block.level, frame);
      break;
    case "paragraph":
      flowRuns(report, block.runs, frame, { marker, gapAfter: frame.tight ? ITEM_GAP : PARAGRAPH_GAP });
      break;
    case "list":
      renderList(report, block, frame);
      break;
    case "table":
      renderTable(report, block.columns, block.rows);
      break;
    case "quote":
      renderBlocks(report, block.blocks, {
        ...frame,
        indent: clampIndent(report, frame.indent + QUOTE_INDENT),
        color: COLOR.muted,
        bars: [...frame.bars, frame.indent + 4],
      });
      break;
    case "code": {
      const codeFrame = { ...frame, indent: clampIndent(report, frame.indent + CODE_INDENT) };
      flowRuns(report, codeRuns(block.text), codeFrame, { gapAfter: PARAGRAPH_GAP });
      break;
    }
    case "rule":
      renderRule(report, frame);
      break;
  }
}

function renderHeading(report: ReportDocument, text: string, level: number, frame: Frame): void {
  if (text.trim() === "") return;
  if (level >= 1 && level <= 3) {
    addHeading(report, text, level as HeadingLevel);
    return;
  }
  // h4 and below: a bold paragraph kept with a couple of lines of what follows.
  ensureSpace(report, 3 * lineHeight(report) + PARAGRAPH_GAP);
  advanceCursor(report, report.doc.y, 2);
  flowRuns(report, [{ text, style: "bold" }], frame, { gapAfter: 3 });
}

function renderList(
  report: ReportDocument,
  list: Extract<MarkdownBlock, { kind: "list" }>,
  frame: Frame,
): void {
  const { doc } = report;
  const labels = list.items.map((_, index) =>
    list.ordered ? `${list.start + index}.` : frame.indent > 0 && frame.tight ? "–" : "•",
  );
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const markerWidth = list.ordered
    ? Math.max(BULLET_WIDTH, ...labels.map((label) => doc.widthOfString(label) + MARKER_GAP))
    : BULLET_WIDTH;
  const markerFrame: Frame = {
    ...frame,
    indent: clampIndent(report, frame.indent + LIST_INSET),
    tight: true,
  };
  const itemFrame: Frame = { ...markerFrame, indent: clampIndent(report, markerFrame.indent + markerWidth) };

  list.items.forEach((item, index) => {
    const marker: Marker = { text: labels[index] ?? "•", width: markerWidth };
    const [first, ...rest] = item;
    if (first?.kind === "paragraph") {
      renderBlock(report, first, markerFrame, marker);
    } else {
      // An item that opens with something other than text: the marker gets a line of its own.
      flowRuns(report, [], markerFrame, { marker, gapAfter: ITEM_GAP });
      if (first) renderBlock(report, first, itemFrame);
    }
    renderBlocks(report, rest, itemFrame);
  });
  if (!frame.tight) advanceCursor(report, doc.y, LIST_GAP_AFTER);
}

function renderTable(
  report: ReportDocument,
  columns: readonly MarkdownTableColumn[],
  rows: readonly string[][],
): void {
  if (columns.length === 0) return;
  addTable(report, { columns: tableColumns(report, columns, rows), rows });
}

/**
 * Column widths the way a browser lays out an automatic table: every column gets at least its
 * longest word, and what is left goes to the columns in proportion to how much text they hold.
 */
function tableColumns(
  report: ReportDocument,
  columns: readonly MarkdownTableColumn[],
  rows: readonly string[][],
): TableColumn[] {
  const { doc } = report;
  const total = contentBox(report).width;
  const size = FONT_SIZE.small;
  const measure = (text: string, font: string) => {
    doc.font(font).fontSize(size);
    const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
    return { natural: doc.widthOfString(text), longestWord };
  };

  const minimum: number[] = [];
  const natural: number[] = [];
  columns.forEach((column, index) => {
    const cells = [
      measure(column.header, FONT.bold),
      ...rows.map((row) => measure(row[index] ?? "", FONT.regular)),
    ];
    const min = Math.max(...cells.map((cell) => cell.longestWord)) + TABLE_CELL_PADDING;
    minimum.push(min);
    natural.push(Math.max(min, Math.max(...cells.map((cell) => cell.natural)) + TABLE_CELL_PADDING));
  });

  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(natural) <= total) {
    widths = natural.map((width) => (width * total) / sum(natural));
  } else if (sum(minimum) >= total) {
    widths = minimum; // resolveColumnWidths shrinks them all to the page; long words then wrap.
  } else {
    const spare = total - sum(minimum);
    const wanted = sum(natural) - sum(minimum);
    widths = minimum.map((min, index) => min + (spare * ((natural[index] ?? min) - min)) / wanted);
  }
  return columns.map((column, index) => ({
    header: column.header,
    align: column.align,
    width: widths[index] ?? 0,
  }));
}

function renderRule(report: ReportDocument, frame: Frame): void {
  const { doc } = report;
  const space = 14;
  ensureSpace(report, space);
  const box = contentBox(report);
  const y = doc.y + space / 2 - 2;
  doc
    .moveTo(box.left + frame.indent, y)
    .lineTo(box.right, y)
    .lineWidth(0.8)
    .strokeColor(COLOR.rule)
    .stroke();
  resetBodyStyle(report);
  advanceCursor(report, doc.y + space);
}

/** A code block keeps its lines and its leading indentation (as no-break spaces). */
function codeRuns(text: string): TextRun[] {
  const lines = text
    .split("\n")
    .map((line) => line.replace(/^ +/, (spaces) => "\u00a0".repeat(spaces.length)));
  return [{ text: lines.join("\n"), style: "regular" }];
}

function clampIndent(report: ReportDocument, indent: number): number {
  return Math.min(indent, contentBox(report).width * MAX_INDENT_SHARE);
}

function lineHeight(report: ReportDocument): number {
  return report.doc.font(FONT.regular).fontSize(BODY_SIZE).currentLineHeight(true) + LINE_GAP;
}

// ---------------------------------------------------------------------------------------------
// Mixed-face text flow

interface Piece {
  text: string;
  style: RunStyle;
  width: number;
}

/** A word may change face midway ("**Hồ sơ**:"), so it is a list of pieces. */
type Word = Piece[];

interface Line {
  /** Words with the space (and its face) that comes before each, except the first. */
  words: { word: Word; space: Piece | null }[];
}

type FlowItem = { kind: "word"; word: Word } | { kind: "space"; style: RunStyle } | { kind: "break" };

/**
 * Lays runs out line by line at the frame's indent, breaking at spaces only (pdfkit's own wrapping
 * also breaks after "/" and would split "Ông/bà"), and moves to a new page whenever a line does not
 * fit. A word wider than the whole line (a long address) is cut where it must.
 */
function flowRuns(
  report: ReportDocument,
  runs: readonly TextRun[],
  frame: Frame,
  options: { marker?: Marker; gapAfter: number },
): void {
  const { doc } = report;
  const markerWidth = options.marker?.width ?? 0;
  const available = contentBox(report).width - frame.indent - markerWidth;
  const lines = breakLines(doc, toFlowItems(runs), available);
  if (lines.length === 0 && options.marker) lines.push({ words: [] });
  const height = lineHeight(report);

  lines.forEach((line, index) => {
    ensureSpace(report, height);
    const box = contentBox(report);
    const y = doc.y;
    const textLeft = box.left + frame.indent + markerWidth;
    for (const bar of frame.bars) {
      doc
        .moveTo(box.left + bar, y - 1)
        .lineTo(box.left + bar, y + height - 1)
        .lineWidth(1.5)
        .strokeColor(COLOR.rule)
        .stroke();
    }
    if (index === 0 && options.marker) {
      doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(frame.color);
      doc.text(options.marker.text, box.left + frame.indent, y, { lineBreak: false });
    }
    let x = textLeft;
    for (const segment of lineSegments(line)) {
      doc.font(FONT[segment.style]).fontSize(BODY_SIZE).fillColor(frame.color);
      doc.text(segment.text, x, y, { lineBreak: false });
      x += segment.width;
    }
    doc.y = y + height;
  });
  resetBodyStyle(report);
  advanceCursor(report, doc.y, options.gapAfter);
}

function toFlowItems(runs: readonly TextRun[]): FlowItem[] {
  const items: FlowItem[] = [];
  let word: Word = [];
  const endWord = () => {
    if (word.length > 0) items.push({ kind: "word", word });
    word = [];
  };
  for (const run of runs) {
    for (const part of run.text.split(/(\n|[ \t]+)/)) {
      if (part === "") continue;
      if (part === "\n") {
        endWord();
        items.push({ kind: "break" });
      } else if (/^[ \t]+$/.test(part)) {
        endWord();
        items.push({ kind: "space", style: run.style });
      } else {
        word.push({ text: part, style: run.style, width: 0 });
      }
    }
  }
  endWord();
  return items;
}

function breakLines(doc: PDFKit.PDFDocument, items: readonly FlowItem[], available: number): Line[] {
  const lines: Line[] = [];
  let current: Line = { words: [] };
  let currentWidth = 0;
  let pendingSpace: RunStyle | null = null;
  const endLine = () => {
    lines.push(current);
    current = { words: [] };
    currentWidth = 0;
  };
  const place = (word: Word, width: number) => {
    const space = current.words.length > 0 && pendingSpace ? measured(doc, " ", pendingSpace) : null;
    if (current.words.length > 0 && currentWidth + (space?.width ?? 0) + width > available) {
      endLine();
      current.words.push({ word, space: null });
      currentWidth = width;
    } else {
      current.words.push({ word, space });
      currentWidth += (space?.width ?? 0) + width;
    }
    pendingSpace = null;
  };

  for (const item of items) {
    if (item.kind === "space") {
      pendingSpace ??= item.style;
    } else if (item.kind === "break") {
      endLine();
      pendingSpace = null;
    } else {
      const word = item.word.map((piece) => measured(doc, piece.text, piece.style));
      const width = wordWidth(word);
      if (width <= available) {
        place(word, width);
      } else {
        for (const chunk of cutWord(doc, word, available)) place(chunk, wordWidth(chunk));
      }
    }
  }
  if (current.words.length > 0) endLine();
  return lines;
}

/** Cuts a word wider than the line into pieces that each fit, character by character. */
function cutWord(doc: PDFKit.PDFDocument, word: Word, available: number): Word[] {
  const chunks: Word[] = [];
  let chunk: Word = [];
  let width = 0;
  for (const piece of word) {
    for (const char of Array.from(piece.text)) {
      const glyph = measured(doc, char, piece.style);
      if (chunk.length > 0 && width + glyph.width > available) {
        chunks.push(chunk);
        chunk = [];
        width = 0;
      }
      const last = chunk.at(-1);
      if (last && last.style === glyph.style) {
        last.text += glyph.text;
        last.width += glyph.width;
      } else {
        chunk.push(glyph);
      }
      width += glyph.width;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Consecutive text in one face drawn as one string, spaces included, so extraction keeps the spaces. */
function lineSegments(line: Line): Piece[] {
  const segments: Piece[] = [];
  const append = (piece: Piece) => {
    const last = segments.at(-1);
    if (last && last.style === piece.style) {
      last.text += piece.text;
      last.width += piece.width;
    } else {
      segments.push({ ...piece });
    }
  };
  for (const { word, space } of line.words) {
    if (space) append(space);
    word.forEach(append);
  }
  return segments;
}

function measured(doc: PDFKit.PDFDocument, text: string, style: RunStyle): Piece {
  doc.font(FONT[style]).fontSize(BODY_SIZE);
  return { text, style, width: doc.widthOfString(text) };
}

function wordWidth(word: Word): number {
  return word.reduce((sum, piece) => sum + piece.width, 0);
}
