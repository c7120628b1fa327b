export interface TickScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** Rounds a range to 1, 2, 5 or 10 times a power of ten (Heckbert, "Nice numbers for graph labels"). */
export function niceNumber(value: number, round: boolean): number {
  if (value <= 0 || !Number.isFinite(value)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const magnitude = 10 ** exponent;
  const fraction = value / magnitude;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

const STEP_MULTIPLIERS = [1, 2, 2.5, 5] as const;

/** Axis bounds and ticks covering [min, max]: the smallest 1/2/2.5/5 × 10ⁿ step giving at most `maxTicks` intervals. */
export function niceScale(min: number, max: number, maxTicks = 5): TickScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError("Scale bounds must be finite");
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    if (low === 0) high = 1;
    else if (low > 0) low = 0;
    else high = 0;
  }
  const intervals = Math.max(1, Math.floor(maxTicks));
  const step = niceStep(high - low, low, high, intervals);
  const niceMin = roundTo(Math.floor(low / step + 1e-9) * step, step);
  const niceMax = roundTo(Math.ceil(high / step - 1e-9) * step, step);
  const ticks: number[] = [];
  for (let index = 0; niceMin + index * step <= niceMax + step / 2; index++)
    ticks.push(roundTo(niceMin + index * step, step));
  return { min: niceMin, max: niceMax, step, ticks };
}

function niceStep(range: number, low: number, high: number, intervals: number): number {
  let exponent = Math.floor(Math.log10(range / intervals));
  for (;;) {
    for (const multiplier of STEP_MULTIPLIERS) {
      const step = multiplier * 10 ** exponent;
      const used = Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9);
      if (used <= intervals) return step;
    }
    exponent++;
  }
}

export interface DomainOptions {
  /** A value the axis must show, such as a target line. */
  target?: number;
  /** The axis reaches at least this value. */
  yMax?: number;
  /** Extra room above (and below) the data for value labels, as a share of the data extent. */
  headroom?: number;
}

/**
 * The [low, high] a value axis must cover: always 0, the data, the target and yMax. Headroom
 * for value labels is skipped when the data already sits under yMax (percentages stay 0–100).
 */
export function chartDomain(values: Iterable<number | null>, options: DomainOptions = {}): [number, number] {
  let [low, high] = valueExtent(values);
  const headroom = options.headroom ?? 0;
  if (headroom > 0 && !(options.yMax !== undefined && high <= options.yMax)) {
    low *= 1 + headroom;
    high *= 1 + headroom;
  }
  const extras = [options.target, options.yMax].filter((value): value is number => value !== undefined);
  return valueExtent([low, high], extras);
}

/** Decimal places needed to print multiples of `step` exactly (0.25 → 2, 2.5 → 1, 20 → 0). */
export function stepDecimals(step: number): number {
  if (step <= 0 || !Number.isFinite(step)) return 0;
  for (let decimals = 0; decimals < 10; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals;
  }
  return 10;
}

function roundTo(value: number, step: number): number {
  const factor = 10 ** stepDecimals(step);
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

export interface Band {
  start: number;
  width: number;
  center: number;
}

/** Splits [start, start + length] into `count` equal bands; `padding` is the empty share of each band. */
export function bandLayout(count: number, start: number, length: number, padding = 0.25): Band[] {
  if (count <= 0) return [];
  const step = length / count;
  const width = step * (1 - padding);
  return Array.from({ length: count }, (_, index) => {
    const bandStart = start + index * step + (step - width) / 2;
    return { start: bandStart, width, center: bandStart + width / 2 };
  });
}

export interface StackSegment {
  series: number;
  from: number;
  to: number;
}

/** Per category, the segments of a stacked bar: positives stack up from 0, negatives down. */
export function stackSegments(
  series: readonly (readonly (number | null)[])[],
  categoryCount: number,
): StackSegment[][] {
  return Array.from({ length: categoryCount }, (_, category) => {
    let up = 0;
    let down = 0;
    const segments: StackSegment[] = [];
    series.forEach((values, seriesIndex) => {
      const value = values[category];
      if (value === null || value === undefined || value === 0) return;
      if (value > 0) {
        segments.push({ series: seriesIndex, from: up, to: up + value });
        up += value;
      } else {
        segments.push({ series: seriesIndex, from: down, to: down + value });
        down += value;
      }
    });
    return segments;
  });
}

/** The smallest and largest value a chart has to show, always including 0 and any extra value (a target). */
export function valueExtent(
  values: Iterable<number | null>,
  extra: readonly number[] = [],
): [number, number] {
  let low = 0;
  let high = 0;
  for (const value of [...values, ...extra]) {
    if (value === null || !Number.isFinite(value)) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return [low, high];
}
