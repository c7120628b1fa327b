// The one-stop desk's printed slips (Circular 01/2018/TT-VPCP, Circular 03/2025/TT-VPCP): data in,
// `ReportDocument` out; the route finishes it with `toWebStream` or `toBuffer`.
export { buildControlSlip, CONTROL_SLIP_COLUMNS } from "./dossier-slips/control-slip";
export type {
  Apology,
  DossierSlipData,
  HandoverStep,
  Refusal,
  SlipDataWith,
  SlipDocument,
  SlipDossier,
  SlipPart,
  SlipRuleSet,
  SlipUnit,
  StepResult,
  StopNotice,
  SupplementRequest,
} from "./dossier-slips/data";
export { buildApologySlip, buildRefusalSlip, buildStopNotice, buildSupplementSlip } from "./dossier-slips/notices";
export { buildReceiptSlip, QR_CAPTION } from "./dossier-slips/receipt";
export { deskName, formatSlipTime } from "./dossier-slips/wording";
export {
  buildTrackingBook,
  TRACKING_BOOK_COLUMNS,
  type TrackingBookData,
  type TrackingBookRow,
  type TrackingBookSection,
} from "./dossier-slips/tracking-book";
