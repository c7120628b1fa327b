import { formatDate, formatDateTime } from "../format";
import type { DossierSlipData, SlipRuleSet, SlipUnit, StepResult } from "./data";

export const NATIONAL_NAME = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Where a value is unknown, the form keeps its dotted blank for the officer to fill in by hand. */
export const BLANK = "…………";

const DESK_NAME: Record<SlipRuleSet["code"], string> = {
  "nd61-2018": "Bộ phận Tiếp nhận và Trả kết quả",
  // Decree 118/2025: the commune's desk became its public administrative service centre.
  "nd118-2025": "Trung tâm Phục vụ hành chính công",
};

export const TITLE = {
  receipt: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  supplement: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
  refusal: "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
  controlSlip: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
  stop: "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ",
  trackingBook: "SỔ THEO DÕI HỒ SƠ",
} as const;

/** A form's title: the rule set's data when it names one, else the layout's. */
export function formTitle(ruleSet: SlipRuleSet, form: keyof typeof TITLE): string {
  return ruleSet.titles?.[form] ?? TITLE[form];
}

const APOLOGY_TITLE: Record<SlipRuleSet["code"], string> = {
  "nd61-2018": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
  "nd118-2025": "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
};

export function apologyTitle(ruleSet: SlipRuleSet): string {
  return ruleSet.titles?.apology ?? APOLOGY_TITLE[ruleSet.code];
}

const STEP_RESULT: Record<StepResult, string> = {
  early: "Trước hạn",
  on_time: "Đúng hạn",
  late: "Quá hạn",
};

export function stepResultLabel(result: StepResult | null): string {
  return result === null ? "" : STEP_RESULT[result];
}

const COPY_LABEL: Readonly<Record<string, string>> = {
  original: "Bản chính",
  copy: "Bản sao",
  certified: "Bản sao chứng thực",
};

export function copyLabel(copy: string | undefined): string {
  const value = copy?.trim();
  if (!value) return "—";
  return COPY_LABEL[value] ?? value;
}

export function deskName(data: Pick<DossierSlipData, "ruleSet" | "unit">): string {
  return orDefault(data.unit.deskName, data.ruleSet.deskName ?? DESK_NAME[data.ruleSet.code]);
}

/** "Bộ phận Tiếp nhận và Trả kết quả UBND xã Mường Sai". */
export function deskOfUnit(data: Pick<DossierSlipData, "ruleSet" | "unit">): string {
  return `${deskName(data)} ${data.unit.name}`;
}

const UNIT_PREFIX =
  /^(?:UBND|Uỷ ban nhân dân|Ủy ban nhân dân)\s+(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/iu;

export function placeName(unit: SlipUnit): string {
  return orDefault(unit.placeName, unit.name.replace(UNIT_PREFIX, ""));
}

export function orBlank(value: string | null | undefined): string {
  return orDefault(value, BLANK);
}

function orDefault(value: string | null | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** "09 giờ 15 phút, ngày 09/05/2024" in Asia/Ho_Chi_Minh, as the forms write a time. */
export function formatSlipTime(instant: Date): string {
  const [date = "", time = ""] = formatDateTime(instant).split(" ");
  const [hour = "", minute = ""] = time.split(":");
  return `${hour} giờ ${minute} phút, ngày ${date}`;
}

/** "ngày 14 tháng 05 năm 2024" in Asia/Ho_Chi_Minh. */
export function formatLongDate(instant: Date): string {
  const [day = "", month = "", year = ""] = formatDate(instant).split("/");
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Mường Sai, ngày 09 tháng 05 năm 2024". */
export function placeAndDate(unit: SlipUnit, instant: Date): string {
  return `${placeName(unit)}, ${formatLongDate(instant)}`;
}

/** "02 ngày làm việc", or "Trong ngày" for a same-day procedure. */
export function processingTime(days: number): string {
  return days <= 0 ? "Trong ngày" : `${pad2(days)} ngày làm việc`;
}

/** Trimmed, blank lines dropped, each item once (compared without case or extra spaces). */
export function distinctItems(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const item of items) {
    const text = item.trim().replace(/\s+/g, " ");
    const key = text.toLocaleLowerCase("vi");
    if (text === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(text);
  }
  return result;
}

export function requireText(value: string, what: string): string {
  const text = value.trim();
  if (text === "") throw new RangeError(`${what} must not be empty`);
  return text;
}
