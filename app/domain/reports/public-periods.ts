/*
 * The periods a visitor without an account may ask the on-time report for: a whole month, a whole
 * quarter or a whole year. Each public report is stored once per period and day (issued_document),
 * so free ranges would let anyone fill the database with copies (issue 13).
 */

const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parse(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Whether `from`–`to` (inclusive `YYYY-MM-DD`) is exactly one calendar month, quarter or year. */
export function isPublicReportPeriod(from: string, to: string): boolean {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b || a.day !== 1 || b.day !== monthEnd(b.year, b.month) || a.year !== b.year) return false;
  const months = b.month - a.month + 1;
  if (months === 1) return true;
  if (months === 3) return a.month % 3 === 1;
  return months === 12 && a.month === 1;
}
