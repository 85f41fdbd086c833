/** Scales for the trend chart: periods spread along x, compliance (0…1) up y, with round ticks. */

export interface Box {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The x of the i-th of n points: evenly spaced inside the plot, one point sits in the middle. */
export function xOf(i: number, n: number, box: Box): number {
  const inner = box.width - box.left - box.right;
  if (n <= 1) return box.left + inner / 2;
  return box.left + (inner * i) / (n - 1);
}

/**
 * The shown range of compliance: up to 100 %, down to a round 10 % below the lowest value or
 * target (so a line between 85 and 95 % is not squashed against a 0–100 axis).
 */
export function yDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const floor = Math.floor((low - 0.05) * 10 + 1e-9) / 10;
  return [Math.max(0, Math.min(floor, 0.9)), 1];
}

/** The y of a share within the domain (higher share → smaller y). */
export function yOf(share: number, domain: [number, number], box: Box): number {
  const [lo, hi] = domain;
  const inner = box.height - box.top - box.bottom;
  return box.top + inner * (1 - (share - lo) / (hi - lo));
}

/** Round ticks across the domain: every 10 % for short spans, 20 % or 25 % for longer ones. */
export function yTicks(domain: [number, number]): number[] {
  const [lo, hi] = domain;
  const span = hi - lo;
  const step = span <= 0.5 + 1e-9 ? 0.1 : span <= 0.8 + 1e-9 ? 0.2 : 0.25;
  const ticks: number[] = [];
  for (let v = hi; v >= lo - 1e-9; v -= step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks.reverse();
}

/** Which x labels to print so they do not overlap: every k-th, always the last. */
export function labelEvery(n: number, innerWidth: number, labelWidth: number): number {
  if (n <= 1) return 1;
  const fit = Math.max(1, Math.floor(innerWidth / labelWidth));
  return Math.max(1, Math.ceil(n / fit));
}

const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendGrain = (typeof GRAINS)[number];
const GRAIN_DAYS: Record<TrendGrain, number> = {
  day: 1,
  week: 7,
  month: 30.44,
  quarter: 91.31,
  year: 365.25,
};

/**
 * The periods the trend is drawn in: the standard's own, or a coarser one when the range would
 * give more than `maxPoints` of them (a daily standard over a year is drawn by week).
 */
export function trendGrain(own: TrendGrain, from: string, to: string, maxPoints = 60): TrendGrain {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  for (const grain of GRAINS.slice(GRAINS.indexOf(own)))
    if (days / GRAIN_DAYS[grain] <= maxPoints) return grain;
  return 'year';
}

/** About how wide a period label is at the chart's 11 px font, with room around it. */
export const labelWidth = (label: string) => label.length * 6.6 + 14;
