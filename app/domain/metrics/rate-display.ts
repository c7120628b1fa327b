/**
 * How a rate (0–1) is shown as a percentage on every surface (pages, CSV, PDF): one decimal, but never
 * rounded up to 100% nor down to 0%: a unit with two late dossiers in 4,820 shows "99,95%", not "100%".
 */
export function displayPercent(rate: number): { percent: number; digits: number } {
  const percent = rate * 100;
  const rounded = Math.round(percent * 10) / 10;
  if (rounded >= 100 && rate < 1) return { percent: Math.floor(percent * 100) / 100, digits: 2 };
  if (rounded <= 0 && rate > 0) return { percent: Math.ceil(percent * 100) / 100, digits: 2 };
  return { percent: rounded, digits: 1 };
}
