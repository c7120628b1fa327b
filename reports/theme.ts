export const COLOR = {
  text: "#1a1a1a",
  muted: "#5f6670",
  rule: "#b8bec6",
  grid: "#e1e5ea",
  headerFill: "#1f4e79",
  headerText: "#ffffff",
  zebraFill: "#f2f5f8",
  totalFill: "#dde6ef",
  stamp: "#c0392b",
  target: "#c0392b",
  good: "#2e7d32",
  warning: "#b26a00",
  bad: "#c62828",
  neutral: "#1f4e79",
  boxFill: "#f7f9fb",
  boxBorder: "#cfd6de",
} as const;

/** Distinguishable in grey print and for common colour blindness. */
export const SERIES_PALETTE = ["#1f5fa8", "#e08a1e", "#2e8b57", "#8e44ad", "#7f8c8d", "#c0392b"] as const;

export function seriesColor(index: number, override?: string): string {
  return override ?? SERIES_PALETTE[index % SERIES_PALETTE.length] ?? COLOR.neutral;
}

export const FONT_SIZE = {
  body: 10,
  small: 8.5,
  tiny: 7.5,
  heading: [15, 12.5, 11] as const,
  title: 16,
  subtitle: 11,
} as const;

export const LINE_GAP = 1.5;
