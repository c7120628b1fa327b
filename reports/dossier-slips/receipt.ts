import type { ReportDocument } from "../document";
import { FONT } from "../fonts";
import { drawQrCode } from "../qr";
import { addTable } from "../table";
import { COLOR, FONT_SIZE } from "../theme";
import type { DossierSlipData } from "./data";
import {
  addLabelled,
  addSignatures,
  addSlipTitle,
  type SignatureInset,
  addText,
  createSlipDocument,
  drawFormHeader,
} from "./layout";
import {
  copyLabel,
  deskName,
  deskOfUnit,
  formatSlipTime,
  orBlank,
  pad2,
  processingTime,
  TITLE,
} from "./wording";

export const QR_CAPTION = "Quét mã để tra cứu tình trạng hồ sơ";
const QR_SIZE = 52;
const QR_INSET_WIDTH = 104;

/** Mẫu số 01: receipt and result-appointment slip (Circular 01/2018/TT-VPCP, Circular 03/2025/TT-VPCP). */
export function buildReceiptSlip(data: DossierSlipData): ReportDocument {
  const { dossier, unit } = data;
  const report = createSlipDocument(data, "receipt", TITLE.receipt);

  drawFormHeader(report, { formNumber: data.ruleSet.forms.receipt, issuer: [unit.name, deskName(data)] });
  addSlipTitle(report, TITLE.receipt, dossier.code);

  addLabelled(report, `${deskOfUnit(data)} đã tiếp nhận hồ sơ của: Ông/bà`, dossier.applicantName);
  addLabelled(report, "Địa chỉ:", orBlank(dossier.applicantAddress), { boldValue: false });
  addLabelled(report, "Số điện thoại:", orBlank(dossier.applicantPhone), { boldValue: false });
  addLabelled(report, "Nội dung yêu cầu giải quyết:", dossier.procedureName, { gapAfter: 4 });

  addText(report, "1. Thành phần hồ sơ nộp gồm:", { gapAfter: 3 });
  addTable(report, {
    columns: [
      { header: "STT", width: 26, align: "center" },
      { header: "Tên giấy tờ", fraction: 1 },
      { header: "Bản chính/Bản sao", width: 88, align: "center" },
      { header: "Số lượng", width: 48, align: "center" },
    ],
    rows:
      dossier.documents.length === 0
        ? [["", "—", "", ""]]
        : dossier.documents.map((document, index) => [
            String(index + 1),
            document.name,
            copyLabel(document.copy),
            document.count === undefined ? "—" : pad2(document.count),
          ]),
    fontSize: FONT_SIZE.tiny,
    zebra: false,
  });

  addText(report, "2. Số lượng hồ sơ: 01 bộ");
  addText(report, `3. Thời gian giải quyết hồ sơ theo quy định: ${processingTime(dossier.processingDays)}`);
  addText(report, `4. Thời gian nhận hồ sơ: ${formatSlipTime(dossier.receivedAt)}`);
  addLabelled(report, "5. Thời gian trả kết quả giải quyết hồ sơ:", formatSlipTime(dossier.dueAt));
  addText(report, `6. Đăng ký nhận kết quả tại: ${resultPlace(data)}`, { hangingIndent: 10 });
  const book = dossier.trackingBook;
  addText(
    report,
    `Vào Sổ theo dõi hồ sơ, Quyển số: ${orBlank(book?.volume)}, Số thứ tự: ${orBlank(book?.entry)}`,
    {
      font: "italic",
      gapAfter: 3,
    },
  );

  addSignatures(
    report,
    [
      { title: "NGƯỜI NỘP HỒ SƠ", hint: "(Ký và ghi rõ họ tên)" },
      { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", hint: "(Ký và ghi rõ họ tên)", name: data.officerName },
    ],
    lookupQr(report, data.lookupUrl, lookupInWords(data.lookupUrl)),
  );
  return report;
}

/** The lookup QR code with its caption under it, set between the two signatures to keep the slip on one page. */
function lookupQr(report: ReportDocument, url: string, caption: string): SignatureInset {
  const { doc } = report;
  doc.font(FONT.regular).fontSize(FONT_SIZE.tiny);
  const captionHeight = doc.heightOfString(caption, {
    width: QR_INSET_WIDTH,
    align: "center",
    lineGap: 0,
  });
  return {
    width: QR_INSET_WIDTH,
    height: QR_SIZE + 2 + captionHeight,
    draw(x, top) {
      drawQrCode(report, url, { x: x + (QR_INSET_WIDTH - QR_SIZE) / 2, y: top, size: QR_SIZE });
      doc.font(FONT.regular).fontSize(FONT_SIZE.tiny).fillColor(COLOR.muted);
      doc.text(caption, x, top + QR_SIZE + 2, { width: QR_INSET_WIDTH, align: "center", lineGap: 0 });
    },
  };
}

/** The look-up address in words beside the QR code: the page without the query, and the code to type. */
export function lookupInWords(url: string): string {
  let page = url;
  try {
    const parsed = new URL(url);
    page = `${parsed.host}${parsed.pathname}`;
  } catch {
    page = url.split("?")[0] ?? url;
  }
  return `Quét mã hoặc vào ${page}, nhập mã hồ sơ để tra cứu`;
}

function resultPlace(data: DossierSlipData): string {
  const place = data.dossier.resultPlace?.trim();
  if (place) return place;
  const address = data.unit.address?.trim();
  return address ? `${deskOfUnit(data)}, ${address}` : deskOfUnit(data);
}
