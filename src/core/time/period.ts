import { civilDateOf, weekdayOf } from './civil-date';
import { zonedTime, type ZonedTime } from './zoned-time';

/** The periods a standard's compliance is rolled up by. */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The period key of a local date, given by its epoch day and ISO weekday (1 = Monday).
 * Weeks are ISO 8601: a week belongs to the year of its Thursday, so the first days of January
 * can belong to the previous year's last week and the last days of December to the next year's
 * first.
 *
 * Example: for 2027-01-01 (a Friday) `periodOfLocalDate('week', epochDayOf(2027, 1, 1), 5)` →
 * `'2026-W53'`; `'month'` → `'2027-01'`; `'quarter'` → `'2027-Q1'`; `'day'` → `'2027-01-01'`.
 */
export function periodOfLocalDate(kind: PeriodKind, epochDay: number, weekday: number): string {
  if (kind === 'week') {
    const thursdayDay = epochDay - weekday + 4;
    const thursday = civilDateOf(thursdayDay);
    // Days since 1 January of the Thursday's year: week n holds that year's days 7(n-1)..7n-1.
    const jan1 = thursdayDay - dayOfYear(thursday.year, thursday.month, thursday.day);
    return `${pad(thursday.year, 4)}-W${pad(Math.floor((thursdayDay - jan1) / 7) + 1)}`;
  }
  const { year, month, day } = civilDateOf(epochDay);
  switch (kind) {
    case 'day':
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    case 'month':
      return `${pad(year, 4)}-${pad(month)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  }
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** 0-based day of the year. */
function dayOfYear(year: number, month: number, day: number): number {
  return (CUMULATIVE_DAYS[month - 1] as number) + day - 1 + (month > 2 && isLeap(year) ? 1 : 0);
}

/**
 * The period key of an instant in a time zone (a name or a {@link ZonedTime}).
 *
 * Example: `periodKey('week', Date.parse('2026-03-05T10:00:00Z'), 'Europe/Moscow')` → `'2026-W10'`;
 * `periodKey('day', Date.parse('2026-03-31T22:30:00Z'), 'Europe/Moscow')` → `'2026-04-01'`
 * (01:30 local, already April), and `'quarter'` of it → `'2026-Q2'`.
 */
export function periodKey(kind: PeriodKind, ms: number, zone: string | ZonedTime): string {
  const tz = typeof zone === 'string' ? zonedTime(zone) : zone;
  const epochDay = tz.localEpochDay(ms);
  return periodOfLocalDate(kind, epochDay, weekdayOf(epochDay));
}
