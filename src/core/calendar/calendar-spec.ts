import { ValidationError, type FieldIssue } from '../errors';
import { civilDateOf, parseIsoDate } from '../time/civil-date';
import { assertTimeZone } from '../time/zoned-time';

/** Weekday keys of a calendar's `week`, Monday first (index + 1 is the ISO weekday). */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * A business calendar as written in the standards file (snake_case, like the file):
 *
 * ```yaml
 * id: office
 * timezone: Europe/Moscow
 * week: { mon: ["09:00-13:00", "14:00-18:00"], fri: ["09:00-13:00", "14:00-16:45"] }
 * holidays: ["2026-01-01", "--01-07"]
 * shifts: { "2026-03-07": ["10:00-14:00"] }
 * ring_seconds: 5
 * ```
 */
export interface CalendarSpec {
  id: string;
  timezone: string;
  /** Local `"HH:MM-HH:MM"` intervals per weekday; a missing weekday is a day off. */
  week: Partial<Record<WeekdayKey, readonly string[]>>;
  /** Whole local dates off: `YYYY-MM-DD` once, `--MM-DD` every year (`--02-29` in leap years only). */
  holidays?: readonly string[];
  /** Dates whose intervals replace the week's (and win over `holidays`). */
  shifts?: Readonly<Record<string, readonly string[]>>;
  /** One ring cycle in seconds, to turn waiting time into rings; default 5. */
  ring_seconds?: number;
}

/** Default length of one ring cycle, in seconds. */
export const DEFAULT_RING_SECONDS = 5;

/** A local working interval in seconds since local midnight, `start < end ≤ 86400`. */
export interface LocalInterval {
  start: number;
  end: number;
}

/** A checked calendar: intervals parsed, dates as epoch days, the zone's canonical name. */
export interface CheckedCalendarSpec {
  id: string;
  timezone: string;
  /** Index 0 = Monday … 6 = Sunday. */
  week: LocalInterval[][];
  /** One-off holidays as epoch days. */
  holidays: Set<number>;
  /** Yearly holidays as `month * 100 + day` (`--01-07` → 107). */
  yearlyHolidays: Set<number>;
  shifts: Map<number, LocalInterval[]>;
  ringSeconds: number;
}

/** `--MM-DD`: a holiday every year (ISO 8601's date without a year). */
const YEARLY = /^--(\d{2})-(\d{2})$/;

/** `--MM-DD` as `month * 100 + day`, or undefined when no year has that date (`--02-29` is allowed). */
export function parseYearlyDate(text: string): number | undefined {
  const m = YEARLY.exec(text);
  if (!m) return undefined;
  // 2000 is a leap year, so every month-day that exists in some year parses.
  const day = parseIsoDate(`2000-${m[1]}-${m[2]}`);
  if (day === undefined) return undefined;
  const { month, day: dom } = civilDateOf(day);
  return month * 100 + dom;
}

/**
 * Whether a local date is a holiday of the calendar: its date or its month-day is listed (a
 * `--02-29` holiday falls only in leap years, as no other year has that date). Shifts win over
 * holidays; that is the caller's rule (`compileDay`).
 */
export function isHoliday(spec: CheckedCalendarSpec, epochDay: number): boolean {
  if (spec.holidays.has(epochDay)) return true;
  if (spec.yearlyHolidays.size === 0) return false;
  const { month, day } = civilDateOf(epochDay);
  return spec.yearlyHolidays.has(month * 100 + day);
}

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** The problem with an interval string, or the interval; shared by the throwing and listing forms. */
function readInterval(text: unknown): LocalInterval | string {
  if (typeof text !== 'string') return `${JSON.stringify(text)} is not an interval "HH:MM-HH:MM"`;
  const m = INTERVAL.exec(text.trim());
  if (!m) return `"${text}" is not an interval "HH:MM-HH:MM"`;
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const startOk = h1 <= 23 && m1 <= 59;
  // "24:00" may end a day; no other time past 23:59 exists.
  const endOk = (h2 <= 23 && m2 <= 59) || (h2 === 24 && m2 === 0);
  if (!startOk || !endOk)
    return `"${text}" has a time that does not exist (00:00 to 23:59, or 24:00 as an end)`;
  const start = (h1 * 60 + m1) * 60;
  const end = (h2 * 60 + m2) * 60;
  if (end <= start) return `"${text}" ends before it starts`;
  return { start, end };
}

/**
 * Parses one local working interval. "24:00" may end a day; an interval that ends before (or
 * when) it starts is refused — a night shift is written as two intervals on two days. Throws
 * `ValidationError` (issue code `invalid_interval`) whose message names the bad value.
 *
 * Example: `parseInterval('14:00-16:45')` → `{ start: 50400, end: 60300 }`;
 * `parseInterval('22:00-24:00')` → `{ start: 79200, end: 86400 }`;
 * `parseInterval('18:00-09:00')` throws `"18:00-09:00" ends before it starts`.
 */
export function parseInterval(text: string, path = ''): LocalInterval {
  const result = readInterval(text);
  if (typeof result === 'string') {
    throw new ValidationError([{ path, code: 'invalid_interval', message: result }], result);
  }
  return result;
}

/**
 * Checks a whole calendar and returns it parsed, or throws one `ValidationError` listing every
 * problem with its path (`week.fri.1`, `holidays.0`, `shifts.2026-03-07.0`, `timezone`, …), so a
 * person fixes the file in one pass.
 *
 * Example: `checkCalendarSpec({ id: 'office', timezone: 'Europe/Moscow', week: { mon: ['09:00-18:00'] } })`
 * → `{ id: 'office', timezone: 'Europe/Moscow', week: [[{ start: 32400, end: 64800 }], [], …],
 * holidays: Set {}, yearlyHolidays: Set {}, shifts: Map {}, ringSeconds: 5 }`.
 */
export function checkCalendarSpec(spec: CalendarSpec): CheckedCalendarSpec {
  const issues: FieldIssue[] = [];
  const intervals = (list: unknown, path: string): LocalInterval[] => {
    if (!Array.isArray(list)) {
      issues.push({ path, code: 'invalid_interval', message: 'expected a list of "HH:MM-HH:MM" intervals' });
      return [];
    }
    const out: LocalInterval[] = [];
    list.forEach((text, i) => {
      const r = readInterval(text);
      if (typeof r === 'string') issues.push({ path: `${path}.${i}`, code: 'invalid_interval', message: r });
      else out.push(r);
    });
    return out;
  };

  let timezone = spec.timezone;
  try {
    timezone = assertTimeZone(spec.timezone);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    issues.push(...e.issues);
  }

  const week = spec.week ?? {};
  for (const key of Object.keys(week)) {
    if (!(WEEKDAY_KEYS as readonly string[]).includes(key)) {
      issues.push({
        path: `week.${key}`,
        code: 'unknown_weekday',
        message: `"${key}" is not one of mon..sun`,
      });
    }
  }
  const weekIntervals = WEEKDAY_KEYS.map((key) => {
    const list = week[key];
    return list === undefined ? [] : intervals(list, `week.${key}`);
  });

  const holidays = new Set<number>();
  const yearlyHolidays = new Set<number>();
  (spec.holidays ?? []).forEach((text, i) => {
    const yearly = typeof text === 'string' && text.startsWith('--') ? parseYearlyDate(text) : undefined;
    const day = yearly === undefined ? parseIsoDate(text) : undefined;
    if (yearly !== undefined) yearlyHolidays.add(yearly);
    else if (day !== undefined) holidays.add(day);
    else
      issues.push({
        path: `holidays.${i}`,
        code: 'invalid_date',
        message: `"${text}" is not a date YYYY-MM-DD, or --MM-DD for every year`,
      });
  });

  const shifts = new Map<number, LocalInterval[]>();
  for (const [date, list] of Object.entries(spec.shifts ?? {})) {
    const day = parseIsoDate(date);
    if (day === undefined) {
      issues.push({
        path: `shifts.${date}`,
        code: 'invalid_date',
        message: `"${date}" is not a date YYYY-MM-DD`,
      });
    }
    const parsed = intervals(list, `shifts.${date}`);
    if (day !== undefined) shifts.set(day, parsed);
  }

  const ringSeconds = spec.ring_seconds ?? DEFAULT_RING_SECONDS;
  if (typeof ringSeconds !== 'number' || !Number.isFinite(ringSeconds) || ringSeconds <= 0) {
    issues.push({
      path: 'ring_seconds',
      code: 'invalid_number',
      message: 'ring_seconds must be a positive number',
    });
  }

  if (issues.length > 0) {
    throw new ValidationError(
      issues,
      `Calendar "${spec.id}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return { id: spec.id, timezone, week: weekIntervals, holidays, yearlyHolidays, shifts, ringSeconds };
}
