import { create, type QRCodeErrorCorrectionLevel } from "qrcode";

import { advanceCursor, contentBox, ensureSpace, resetBodyStyle, type ReportDocument } from "./document";
import { FONT } from "./fonts";
import { COLOR, FONT_SIZE, LINE_GAP } from "./theme";

export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

export interface QrRun {
  row: number;
  column: number;
  length: number;
}

export function qrMatrix(text: string, errorCorrectionLevel: QRCodeErrorCorrectionLevel = "M"): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/** Horizontal runs of dark modules: one rectangle per run instead of per module keeps the PDF small. */
export function qrDarkRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      runs.push({ row, column: start, length: column - start });
    }
  }
  return runs;
}

export interface QrPlacement {
  x: number;
  y: number;
  /** Side of the square in points, quiet zone included. */
  size: number;
  /** Light modules around the symbol (default 4, as the QR standard asks). */
  quietZone?: number;
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
}

export interface DrawnQr {
  /** Modules per side of the symbol. */
  modules: number;
  darkModules: number;
  moduleSize: number;
}

/** Vector QR code (no image) at an absolute position; the cursor does not move. */
export function drawQrCode(report: ReportDocument, text: string, placement: QrPlacement): DrawnQr {
  const { doc } = report;
  const matrix = qrMatrix(text, placement.errorCorrectionLevel);
  const quietZone = placement.quietZone ?? 4;
  const moduleSize = placement.size / (matrix.size + 2 * quietZone);
  const origin = { x: placement.x + quietZone * moduleSize, y: placement.y + quietZone * moduleSize };

  doc.save();
  doc.rect(placement.x, placement.y, placement.size, placement.size).fill("#ffffff");
  const runs = qrDarkRuns(matrix);
  for (const run of runs) {
    doc.rect(
      origin.x + run.column * moduleSize,
      origin.y + run.row * moduleSize,
      run.length * moduleSize,
      moduleSize,
    );
  }
  doc.fill("#000000");
  doc.restore();

  return {
    modules: matrix.size,
    darkModules: runs.reduce((sum, run) => sum + run.length, 0),
    moduleSize,
  };
}

export interface QrBlock {
  text: string;
  /** Side in points (default 96, about 34 mm). */
  size?: number;
  /** Printed to the right of the code, e.g. how to verify and the link itself. */
  caption?: string;
}

/** QR code at the cursor with an optional caption beside it; moves the cursor below. */
export function addQrCode(report: ReportDocument, block: QrBlock): DrawnQr {
  const { doc } = report;
  const size = block.size ?? 96;
  ensureSpace(report, size);
  const box = contentBox(report);
  const top = doc.y;
  const drawn = drawQrCode(report, block.text, { x: box.left, y: top, size });
  if (block.caption) {
    const width = box.width - size - 12;
    doc.font(FONT.regular).fontSize(FONT_SIZE.small).fillColor(COLOR.muted);
    const height = Math.min(doc.heightOfString(block.caption, { width, lineGap: LINE_GAP }), size);
    doc.text(block.caption, box.left + size + 12, top + (size - height) / 2, {
      width,
      height: height + 1,
      lineGap: LINE_GAP,
      ellipsis: true,
    });
  }
  resetBodyStyle(report);
  advanceCursor(report, top + size, 8);
  return drawn;
}
