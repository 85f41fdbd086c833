import {
  checkCalendarSpec,
  isHoliday,
  type CalendarSpec,
  type CheckedCalendarSpec,
  type LocalInterval,
} from '../../../../src/core/calendar/calendar-spec';
import { civilDateOf, epochDayOf, formatIsoDate, weekdayOf } from '../../../../src/core/time/civil-date';

/** One square of the month view. */
export interface MonthDay {
  date: string;
  day: number;
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean;
  /** `shift`: the date has its own hours; `holiday`: off by the list; `off`: the week has no hours that day. */
  kind: 'work' | 'off' | 'holiday' | 'shift';
  /** `09:00–13:00`… */
  intervals: string[];
  minutes: number;
}

const hhmm = (seconds: number) =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
export const showInterval = (i: LocalInterval) => `${hhmm(i.start)}–${hhmm(i.end)}`;

/** A calendar checked by the engine's own rules, or undefined while it does not pass them. */
export function checkedOrUndefined(spec: unknown): CheckedCalendarSpec | undefined {
  try {
    return checkCalendarSpec(spec as CalendarSpec);
  } catch {
    return undefined;
  }
}

/** A date's working hours by the engine's rule: its shift, else nothing on a holiday, else its weekday's. */
export function dayOf(spec: CheckedCalendarSpec, epochDay: number, inMonth: boolean): MonthDay {
  const { day } = civilDateOf(epochDay);
  const shift = spec.shifts.get(epochDay);
  const holiday = shift === undefined && isHoliday(spec, epochDay);
  const local = shift ?? (holiday ? [] : (spec.week[weekdayOf(epochDay) - 1] ?? []));
  return {
    date: formatIsoDate(epochDay),
    day,
    inMonth,
    kind: shift ? 'shift' : holiday ? 'holiday' : local.length === 0 ? 'off' : 'work',
    intervals: local.map(showInterval),
    minutes: local.reduce((sum, i) => sum + (i.end - i.start) / 60, 0),
  };
}

/** The weeks (Monday first) covering a month, `month` 1–12. */
export function monthWeeks(spec: CheckedCalendarSpec, year: number, month: number): MonthDay[][] {
  const first = epochDayOf(year, month, 1);
  const next = month === 12 ? epochDayOf(year + 1, 1, 1) : epochDayOf(year, month + 1, 1);
  const start = first - (weekdayOf(first) - 1);
  const end = next - 1 + (7 - weekdayOf(next - 1));
  const weeks: MonthDay[][] = [];
  for (let d = start; d <= end; d += 7)
    weeks.push(Array.from({ length: 7 }, (_, i) => dayOf(spec, d + i, d + i >= first && d + i < next)));
  return weeks;
}

/** Working hours in a week, by the week's own table (holidays and shifts aside). */
export function weeklyMinutes(spec: CheckedCalendarSpec): number {
  return spec.week.reduce((sum, day) => sum + day.reduce((s, i) => s + (i.end - i.start) / 60, 0), 0);
}

/** Today's date in a time zone, `YYYY-MM-DD`. */
export function todayIn(timezone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(now);
  }
}

/** `2026-11` → year and month; anything else → undefined. */
export function parseMonth(text: string | null): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}
export const formatMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
export function shiftMonth(year: number, month: number, by: number) {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The month's title: the month's own name (nominative — "Ноябрь", not "ноября") with the year, the
 * first letter capitalized ("Ноябрь 2026", "November 2026"); `Intl`'s month-and-year adds "г." in Russian.
 */
export function monthTitle(lng: string, year: number, month: number): string {
  const name = new Intl.DateTimeFormat(lng, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  return `${name.charAt(0).toLocaleUpperCase(lng)}${name.slice(1)} ${year}`;
}
