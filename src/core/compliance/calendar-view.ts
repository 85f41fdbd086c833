/**
 * What the measures need of a business calendar (src/core/calendar implements it): business time
 * between instants, the working spans that make it up, local time in the calendar's zone, and
 * the ring cycle that turns waiting seconds into rings.
 */
export interface CalendarView {
  readonly id: string;
  readonly timezone: string;
  /** One ring cycle in seconds (default 5). */
  readonly ringSeconds: number;
  /** Overlap of [fromMs, toMs) with the working intervals, in ms. */
  businessMs(fromMs: number, toMs: number): number;
  /** The working intervals inside [fromMs, toMs), for explaining a verdict. */
  workingSpans(fromMs: number, toMs: number): ReadonlyArray<{ startMs: number; endMs: number }>;
  /** Local wall-clock parts of an instant in the calendar's zone. */
  localParts(ms: number): { weekday: number; minuteOfDay: number; secondOfDay: number };
  /** The period key of an instant in the calendar's zone: `2026-03-05`, `2026-W10`, `2026-03`, `2026-Q1`. */
  period(kind: PeriodKind, ms: number): string;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';
