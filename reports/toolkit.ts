// The one import for report builders: `import { createReportDocument, addTable, toBuffer } from "#reports/toolkit"`.
export {
  advanceCursor,
  contentBox,
  createReportDocument,
  ensureSpace,
  pageLabel,
  remainingHeight,
  resetBodyStyle,
  startNewPage,
  type ContentBox,
  type PageOrientation,
  type PageSize,
  type ReportDocument,
  type ReportDocumentOptions,
  type ReportInfo,
} from "./document";
export {
  addBarChart,
  addLineChart,
  type BarChartSpec,
  type ChartSeries,
  type ChartTarget,
  type LineChartSpec,
} from "./charts";
export {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  REPORT_TIME_ZONE,
  type ReportLanguage,
} from "./format";
export { addKeyFigures, type FigureStatus, type KeyFigure, type KeyFigureOptions } from "./key-figures";
export { FONT } from "./fonts";
export { toBuffer, toWebStream } from "./output";
export { COLOR, FONT_SIZE, SERIES_PALETTE } from "./theme";
export { addQrCode, drawQrCode, type DrawnQr, type QrBlock, type QrPlacement } from "./qr";
export {
  addTable,
  resolveColumnWidths,
  type CellAlign,
  type TableColumn,
  type TablePlacement,
  type TableSpec,
} from "./table";
export {
  addHeading,
  addKeyValues,
  addParagraph,
  addSpacer,
  type HeadingLevel,
  type KeyValue,
  type KeyValueOptions,
  type ParagraphOptions,
} from "./text-blocks";
