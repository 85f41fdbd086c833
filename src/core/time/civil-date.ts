import { ValidationError } from '../errors';

/**
 * Proleptic Gregorian date arithmetic on "epoch days" (days since 1970-01-01), in plain integers.
 * Business time and periods need the date of millions of instants; doing it with integer
 * arithmetic (Howard Hinnant's civil-date algorithms) instead of `Date` objects keeps that cheap
 * and free of the machine's time zone.
 */
export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Milliseconds in a 24-hour day: local times are counted from local midnight in these units. */
export const MS_PER_DAY = 86_400_000;

/**
 * The epoch day of a calendar date.
 *
 * Example: `epochDayOf(1970, 1, 1)` → `0`; `epochDayOf(2026, 3, 5)` → `20517`.
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0, so the leap day is the last day of the year
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The calendar date of an epoch day.
 *
 * Example: `civilDateOf(20517)` → `{ year: 2026, month: 3, day: 5 }`.
 */
export function civilDateOf(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/**
 * ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
 *
 * Example: `weekdayOf(epochDayOf(2026, 3, 5))` → `4` (Thursday).
 */
export function weekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The epoch day of a `YYYY-MM-DD` date, or `undefined` when the text is not a real date
 * (`2026-02-30` is refused rather than rolled over into March).
 *
 * Example: `parseIsoDate('2026-03-05')` → `20517`; `parseIsoDate('2026-02-30')` → `undefined`.
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const epochDay = epochDayOf(year, month, day);
  const back = civilDateOf(epochDay);
  return back.month === month && back.day === day ? epochDay : undefined;
}

/**
 * Like {@link parseIsoDate} but throws a `ValidationError` naming the value and where it was.
 *
 * Example: `requireIsoDate('2026-13-01', 'holidays.0')` throws
 * `ValidationError` with issue `{ path: 'holidays.0', code: 'invalid_date', … }`.
 */
export function requireIsoDate(text: string, path = ''): number {
  const epochDay = parseIsoDate(text);
  if (epochDay === undefined) {
    const message = `"${text}" is not a date in the form YYYY-MM-DD`;
    throw new ValidationError([{ path, code: 'invalid_date', message }], message);
  }
  return epochDay;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The `YYYY-MM-DD` text of an epoch day.
 *
 * Example: `formatIsoDate(20517)` → `'2026-03-05'`.
 */
export function formatIsoDate(epochDay: number): string {
  const { year, month, day } = civilDateOf(epochDay);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
