import type { AlphaVerdictOut, CalibrationDetail } from '../../../../src/contract/calibration.schema';
import type { Answer } from '../audits/offline-queue';

/**
 * What the calibration pages show, worked out without the browser: progress, the colour of an
 * agreement badge, how alpha is written, the bars of the leniency chart, the server's validation
 * issues by subject and item.
 */

/**
 * An own entry of a subject × item grid: subject ids and item ids (standard codes) are people's
 * words, so `constructor` must not find what every object inherits.
 */
export function cell<T>(
  grid: Record<string, Record<string, T>>,
  subject: string,
  item: string,
): T | undefined {
  if (!Object.hasOwn(grid, subject)) return undefined;
  const row = grid[subject]!;
  return Object.hasOwn(row, item) ? row[item] : undefined;
}

/** The grid with one entry set (or removed with `undefined`), as a new object. */
export function withCell<T>(
  grid: Record<string, Record<string, T>>,
  subject: string,
  item: string,
  value: T | undefined,
): Record<string, Record<string, T>> {
  const row = Object.hasOwn(grid, subject) ? grid[subject]! : {};
  const next = Object.fromEntries(Object.entries(row).filter(([k]) => k !== item));
  if (value !== undefined)
    Object.defineProperty(next, item, { value, enumerable: true, writable: true, configurable: true });
  const out = Object.fromEntries(Object.entries(grid).filter(([k]) => k !== subject));
  Object.defineProperty(out, subject, { value: next, enumerable: true, writable: true, configurable: true });
  return out as Record<string, Record<string, T>>;
}

/** The badge colour of an agreement verdict: full agreement is as good as reliable. */
export const VERDICT_COLOR: Record<AlphaVerdictOut, string> = {
  reliable: 'teal',
  full_agreement: 'teal',
  tentative: 'yellow',
  disagree: 'red',
  not_computable: 'gray',
};

/** α with three decimals in the reader's language (`0,304` in Russian); null when undefined. */
export function formatAlpha(alpha: number | null, lng: string): string | null {
  if (alpha === null) return null;
  return new Intl.NumberFormat(lng, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(alpha);
}

/** How many of the session's subject × item answers the participant has given, of how many. */
export function progressOf(
  detail: Pick<CalibrationDetail, 'subject_list' | 'sections'>,
  answers: Record<string, Record<string, Answer>>,
): { done: number; total: number } {
  const items = detail.sections.flatMap((s) => s.items.map((i) => i.id));
  let done = 0;
  for (const s of detail.subject_list)
    for (const id of items) if (cell(answers, s.id, id) !== undefined) done += 1;
  return { done, total: items.length * detail.subject_list.length };
}

/** Which subjects still miss an answer (to mark their tabs). */
export function incompleteSubjects(
  detail: Pick<CalibrationDetail, 'subject_list' | 'sections'>,
  answers: Record<string, Record<string, Answer>>,
): Set<string> {
  const items = detail.sections.flatMap((s) => s.items.map((i) => i.id));
  return new Set(
    detail.subject_list
      .filter((s) => items.some((id) => cell(answers, s.id, id) === undefined))
      .map((s) => s.id),
  );
}

/** The server's issues (`answers.<subject>.<item>`) grouped by subject, then item. */
export function issuesBySubject(
  issues: ReadonlyArray<{ path: string; code?: string | undefined; message: string }>,
): Map<string, Map<string, { code: string; message: string }[]>> {
  const out = new Map<string, Map<string, { code: string; message: string }[]>>();
  for (const issue of issues) {
    const m = /^answers\.([^.]+)\.(.+)$/.exec(issue.path);
    if (!m) continue;
    const bySubject = out.get(m[1]!) ?? new Map<string, { code: string; message: string }[]>();
    out.set(m[1]!, bySubject);
    bySubject.set(m[2]!, [
      ...(bySubject.get(m[2]!) ?? []),
      { code: issue.code ?? 'invalid', message: issue.message },
    ]);
  }
  return out;
}

export interface Bar {
  label: string;
  value: number | null;
  /** Left edge and width in the chart's coordinates; width 0 when there is no value. */
  x: number;
  width: number;
}

/**
 * Bars of a leniency chart `width` wide. Ordinal deviations (points, signed) grow left or right
 * from a zero line in the middle, scaled to the largest magnitude (at least 1 point); nominal
 * shares (0…1) grow from the left edge.
 */
export function leniencyBars(
  rows: ReadonlyArray<{ label: string; value: number | null }>,
  level: 'nominal' | 'ordinal',
  width: number,
): { bars: Bar[]; zeroX: number; max: number } {
  if (level === 'nominal') {
    return {
      zeroX: 0,
      max: 1,
      bars: rows.map((r) => ({
        label: r.label,
        value: r.value,
        x: 0,
        width: r.value === null ? 0 : Math.max(0, Math.min(1, r.value)) * width,
      })),
    };
  }
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.value ?? 0)));
  const zeroX = width / 2;
  const scale = width / 2 / max;
  return {
    zeroX,
    max,
    bars: rows.map((r) => {
      if (r.value === null) return { label: r.label, value: null, x: zeroX, width: 0 };
      const w = Math.abs(r.value) * scale;
      return { label: r.label, value: r.value, x: r.value < 0 ? zeroX - w : zeroX, width: w };
    }),
  };
}
