/** How a heatmap cell looks: its compliance against the target, or grey when it cannot say. */
export type Heat = 'good' | 'near' | 'bad' | 'few' | 'none';

/** A cell is amber (near) within this many percentage points below its target. */
export const NEAR_POINTS = 5;

/** Floating point noise: 0.85 is "within 5 points" of 0.9 even though 0.9 - 0.05 = 0.8500…01. */
const EPSILON = 1e-9;

/**
 * Green at or above the target, amber up to 5 points below it, red further below; grey when there
 * are too few judged records (`enough` false) and "none" when nothing was judged at all.
 */
export function heatOf(
  cell: { compliance: number | null; target: number; enough: boolean } | undefined,
): Heat {
  if (!cell || cell.compliance === null) return 'none';
  if (!cell.enough) return 'few';
  if (cell.compliance >= cell.target - EPSILON) return 'good';
  if (cell.compliance >= cell.target - NEAR_POINTS / 100 - EPSILON) return 'near';
  return 'bad';
}

/** A share as a whole percent for a label, `0.857` → `86`; one decimal when it would mislead (99.96 → 99.9, not 100). */
export function percent(share: number): string {
  const p = share * 100;
  const whole = Math.round(p);
  if ((whole === 100 && p < 100) || (whole === 0 && p > 0)) return (Math.floor(p * 10) / 10).toFixed(1);
  return String(whole);
}

/**
 * A cell's share as a label that never contradicts its colour: whole percents, but one decimal
 * (rounded down) when rounding would lift it onto a threshold it is below (89.6 % of a 90 % target
 * reads 89.6 %, not a green-looking 90 %).
 */
export function cellPercent(share: number, target: number): string {
  const whole = Math.round(share * 100);
  for (const threshold of [target, target - NEAR_POINTS / 100])
    if (share < threshold - EPSILON && whole >= Math.round(threshold * 100))
      return (Math.floor(share * 1000 + EPSILON) / 10).toFixed(1);
  return percent(share);
}
