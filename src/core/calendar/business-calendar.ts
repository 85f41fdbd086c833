import { weekdayOf } from '../time/civil-date';
import { periodKey, type PeriodKind } from '../time/period';
import { zonedTime, type LocalParts, type ZonedTime } from '../time/zoned-time';
import {
  checkCalendarSpec,
  isHoliday,
  type CalendarSpec,
  type CheckedCalendarSpec,
  type LocalInterval,
} from './calendar-spec';

/** A working interval as instants, `[startMs, endMs)`. */
export interface WorkingSpan {
  startMs: number;
  endMs: number;
}

/** A compiled business calendar: business time between instants, and its zone's local time. */
export interface BusinessCalendar {
  readonly id: string;
  /** The canonical IANA name of the calendar's zone. */
  readonly timezone: string;
  /** One ring cycle, in seconds. */
  readonly ringSeconds: number;
  /** Business milliseconds in `[fromMs, toMs)`; 0 when `toMs ≤ fromMs`. */
  businessMs(fromMs: number, toMs: number): number;
  /** The working intervals overlapping `[fromMs, toMs)`, clipped to it, in order. */
  workingSpans(fromMs: number, toMs: number): WorkingSpan[];
  /**
   * The first instant by which `amountMs` of business time has passed since `fromMs`, i.e. the
   * smallest `t` with `businessMs(fromMs, t) ≥ amountMs`; Infinity when the calendar has no such
   * time within ten years (a calendar without working days).
   */
  instantAfter(fromMs: number, amountMs: number): number;
  /** Local parts of an instant in the calendar's zone. */
  localParts(ms: number): LocalParts;
  /** The period key of an instant in the calendar's zone. */
  period(kind: PeriodKind, ms: number): string;
}

/** One local date's working time as instants: `[s0, e0, s1, e1, …]`, sorted, disjoint. */
interface Day {
  bounds: Float64Array;
  total: number;
}

/**
 * The working intervals of one local date as instants. A date's intervals are its `shifts` entry
 * if present, else none if it is a holiday (its date or, yearly, its month-day), else its weekday's; local times become instants by the
 * zone's rules (a time in a gap moves forward by the gap, an ambiguous one takes the first
 * occurrence). Around a transition those rules can make two intervals overlap or one run
 * backwards, so the instants are clipped to the date's own stretch of time (its midnight to the
 * next), empty ones dropped and overlapping ones merged: working time is a set of instants and
 * nothing is counted twice.
 */
function compileDay(zone: ZonedTime, spec: CheckedCalendarSpec, epochDay: number): Day {
  const local: LocalInterval[] =
    spec.shifts.get(epochDay) ??
    (isHoliday(spec, epochDay) ? [] : (spec.week[weekdayOf(epochDay) - 1] as LocalInterval[]));
  if (local.length === 0) return EMPTY_DAY;
  const dayStart = zone.instantOf(epochDay, 0);
  const dayEnd = zone.instantOf(epochDay + 1, 0);
  const pairs: [number, number][] = [];
  for (const { start, end } of local) {
    const s = Math.max(dayStart, zone.instantOf(epochDay, start));
    const e = Math.min(dayEnd, zone.instantOf(epochDay, end));
    if (e > s) pairs.push([s, e]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  let total = 0;
  for (const [s, e] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && s <= (merged[last] as number)) {
      const prevEnd = merged[last] as number;
      if (e > prevEnd) {
        total += e - prevEnd;
        merged[last] = e;
      }
    } else {
      merged.push(s, e);
      total += e - s;
    }
  }
  return { bounds: Float64Array.from(merged), total };
}

const EMPTY_DAY: Day = { bounds: new Float64Array(0), total: 0 };

/**
 * Compiles a calendar (checked with `checkCalendarSpec`, which throws `ValidationError` listing
 * every problem) into a {@link BusinessCalendar}.
 *
 * Business time never walks minute by minute: each local date's working intervals are turned
 * into instants once, on first use, and kept with their total, so a call costs one lookup per
 * local date spanned plus the intervals of the first and last date.
 *
 * Example: with `week: { fri: ['09:00-13:00', '14:00-16:45'], mon: ['09:00-13:00', '14:00-18:00'] }`
 * in Europe/Moscow, `businessMs(<Fri 16:00 local>, <Mon 12:16 local>)` → `(45 + 196) * 60_000`
 * (Fri 16:00–16:45 and Mon 09:00–12:16: 4 h 01 min), and `workingSpans` of the same pair gives
 * those two spans.
 */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const checked = checkCalendarSpec(spec);
  const zone = zonedTime(checked.timezone);
  const days = new Map<number, Day>();
  const dayOf = (epochDay: number): Day => {
    let day = days.get(epochDay);
    if (day === undefined) {
      day = compileDay(zone, checked, epochDay);
      days.set(epochDay, day);
    }
    return day;
  };
  /** Overlap of one day's intervals with [from, to). */
  const overlap = (day: Day, from: number, to: number): number => {
    const b = day.bounds;
    let sum = 0;
    for (let i = 0; i < b.length; i += 2) {
      const s = Math.max(b[i] as number, from);
      const e = Math.min(b[i + 1] as number, to);
      if (e > s) sum += e - s;
    }
    return sum;
  };

  return {
    id: checked.id,
    timezone: checked.timezone,
    ringSeconds: checked.ringSeconds,
    businessMs(fromMs, toMs) {
      if (!(toMs > fromMs)) return 0;
      const first = zone.localEpochDay(fromMs);
      const last = zone.localEpochDay(toMs);
      if (first === last) return overlap(dayOf(first), fromMs, toMs);
      let sum = overlap(dayOf(first), fromMs, toMs) + overlap(dayOf(last), fromMs, toMs);
      for (let d = first + 1; d < last; d++) sum += dayOf(d).total;
      return sum;
    },
    workingSpans(fromMs, toMs) {
      const spans: WorkingSpan[] = [];
      if (!(toMs > fromMs)) return spans;
      const last = zone.localEpochDay(toMs);
      for (let d = zone.localEpochDay(fromMs); d <= last; d++) {
        const b = dayOf(d).bounds;
        for (let i = 0; i < b.length; i += 2) {
          const s = Math.max(b[i] as number, fromMs);
          const e = Math.min(b[i + 1] as number, toMs);
          if (e > s) spans.push({ startMs: s, endMs: e });
        }
      }
      return spans;
    },
    instantAfter(fromMs, amountMs) {
      if (amountMs <= 0) return fromMs;
      let left = amountMs;
      const first = zone.localEpochDay(fromMs);
      for (let d = first; d < first + SEARCH_DAYS; d++) {
        const b = dayOf(d).bounds;
        for (let i = 0; i < b.length; i += 2) {
          const s = Math.max(b[i] as number, fromMs);
          const e = b[i + 1] as number;
          if (e <= s) continue;
          if (e - s >= left) return s + left;
          left -= e - s;
        }
      }
      return Number.POSITIVE_INFINITY;
    },
    localParts: (ms) => zone.localParts(ms),
    period: (kind, ms) => periodKey(kind, ms, zone),
  };
}

/** How far `instantAfter` looks ahead before it gives up: ten years of local dates. */
const SEARCH_DAYS = 3660;

const ALL_DAY = ['00:00-24:00'];

/**
 * A calendar open round the clock in `timezone`: business time equals elapsed time. Used when a
 * standards file defines no calendar (its periods still follow the file's zone), and in tests.
 * Example: `roundTheClockCalendar('Europe/Moscow').businessMs(a, b) === b - a`.
 */
export function roundTheClockCalendar(timezone: string, ringSeconds?: number): BusinessCalendar {
  return compileCalendar({
    id: 'round-the-clock',
    timezone,
    week: {
      mon: ALL_DAY,
      tue: ALL_DAY,
      wed: ALL_DAY,
      thu: ALL_DAY,
      fri: ALL_DAY,
      sat: ALL_DAY,
      sun: ALL_DAY,
    },
    ...(ringSeconds === undefined ? {} : { ring_seconds: ringSeconds }),
  });
}
