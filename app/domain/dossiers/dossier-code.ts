/**
 * Dossier codes as Circular 01/2018/TT-VPCP art. 19 sets them: `<unit code>-YYMMDD-NNNN`,
 * the receipt date and the sequence number within that day, e.g. `000.00.17.H53-210224-0001`.
 */
export function formatDossierCode(unitCode: string, receivedDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`Dossier sequence out of range: ${sequence}`);
  }
  const [year, month, day] = receivedDate.split("-");
  return `${unitCode}-${year!.slice(2)}${month}${day}-${String(sequence).padStart(4, "0")}`;
}

export const DOSSIER_CODE_PATTERN = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

export function dossierCodePrefix(unitCode: string, receivedDate: string): string {
  return formatDossierCode(unitCode, receivedDate, 1).slice(0, -4);
}
