import type { OnlineServiceLevel, ProcedureField } from "~/domain/procedures/procedure";
import type { Translate } from "~/i18n";

export function fieldLabel(t: Translate, field: ProcedureField): string {
  return t(`procedureField.${field}`);
}

export function onlineServiceLabel(t: Translate, level: OnlineServiceLevel): string {
  return t(`onlineService.${level}`);
}

export function processingTimeLabel(t: Translate, days: number): string {
  return days === 0 ? t("procedures.sameDay") : t("procedures.workingDays", { days });
}

export function feeLabel(t: Translate, feeVnd: number | null, formatNumber: (n: number) => string): string {
  return feeVnd === null ? t("procedures.noFee") : t("procedures.feeVnd", { amount: formatNumber(feeVnd) });
}
