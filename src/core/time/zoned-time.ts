import { ValidationError } from '../errors';
import { civilDateOf, epochDayOf, MS_PER_DAY, weekdayOf } from './civil-date';

/**
 * Time in one IANA time zone: the local parts of a UTC instant and the instant of a local time.
 *
 * `Intl.DateTimeFormat` knows every zone's rules but costs microseconds per call, and the engine
 * asks about millions of instants per run. Offsets only change at transitions (a few a year), so
 * each zone remembers its offset per 15-minute UTC bucket: after the first record of a quarter
 * hour, the rest cost a map lookup and integer arithmetic. A bucket that holds a transition
 * (never on modern rules, whose transitions fall on quarter hours, but possible with historical
 * local-mean-time offsets) remembers the exact second of the change.
 *
 * The machine's own zone is never consulted: every formatter is built with an explicit `timeZone`.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
  /** Seconds since local midnight, 0..86399. */
  secondOfDay: number;
  /** Days from 1970-01-01 to the local date, for date arithmetic (see civil-date.ts). */
  epochDay: number;
}

const BUCKET_MS = 15 * 60_000;
const BUCKETS_PER_DAY = 96;

interface Transition {
  /** The first instant (ms, on a whole second) at the new offset. */
  at: number;
  before: number;
  after: number;
}

/** Throws the typed error for a zone that `Intl` does not know (or an offset posing as a zone). */
function unknownZone(name: string): never {
  const message = `Unknown time zone "${name}": expected an IANA name such as Europe/Moscow`;
  throw new ValidationError([{ path: 'timezone', code: 'unknown_time_zone', message }], message);
}

function formatterFor(name: string): Intl.DateTimeFormat {
  // Fixed offsets like "+03:00" are not IANA zones and have no DST rules; refuse them explicitly
  // in case a newer ICU starts accepting them.
  if (typeof name !== 'string' || name.trim() === '' || /^[+-]/.test(name)) unknownZone(String(name));
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return unknownZone(name);
  }
}

export class ZonedTime {
  /** The canonical IANA name, e.g. `America/New_York` for `america/new_york`. */
  readonly name: string;
  private readonly formatter: Intl.DateTimeFormat;
  /** Offset (ms) per 15-minute UTC bucket; NaN marks a bucket that holds a transition. */
  private readonly offsets = new Map<number, number>();
  private readonly transitions = new Map<number, Transition>();
  /** First buckets of the UTC days already tried whole (see fillBucket). */
  private readonly checkedDays = new Set<number>();

  constructor(name: string) {
    this.formatter = formatterFor(name);
    this.name = this.formatter.resolvedOptions().timeZone;
  }

  /**
   * The zone's offset from UTC at an instant, in ms (positive east of Greenwich).
   *
   * Example: `zonedTime('Europe/Moscow').offsetMs(Date.UTC(2026, 0, 1))` → `10_800_000` (+03:00).
   */
  offsetMs(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) offset = this.fillBucket(bucket);
    if (offset === offset) return offset; // not NaN: the bucket has one offset
    const t = this.transitions.get(bucket) as Transition;
    return ms < t.at ? t.before : t.after;
  }

  /**
   * The local calendar parts of an instant in this zone.
   *
   * Example: `zonedTime('America/New_York').localParts(Date.parse('2026-03-09T13:30:00Z'))` →
   * `{ year: 2026, month: 3, day: 9, weekday: 1, minuteOfDay: 570, secondOfDay: 34200, epochDay: 20521 }`
   * (09:30 EDT on a Monday).
   */
  localParts(ms: number): LocalParts {
    const local = ms + this.offsetMs(ms);
    const epochDay = Math.floor(local / MS_PER_DAY);
    const secondOfDay = Math.floor((local - epochDay * MS_PER_DAY) / 1000);
    const { year, month, day } = civilDateOf(epochDay);
    return {
      year,
      month,
      day,
      weekday: weekdayOf(epochDay),
      minuteOfDay: Math.floor(secondOfDay / 60),
      secondOfDay,
      epochDay,
    };
  }

  /**
   * The epoch day of the local date of an instant: the cheapest question, asked once or twice per
   * business-time calculation.
   *
   * Example: `zonedTime('Europe/Moscow').localEpochDay(Date.parse('2026-03-04T22:00:00Z'))` → `20517`
   * (already 01:00 on 5 March in Moscow).
   */
  localEpochDay(ms: number): number {
    return Math.floor((ms + this.offsetMs(ms)) / MS_PER_DAY);
  }

  /**
   * The instant (epoch ms) of a local date and time of day in this zone. `secondOfDay` may be
   * 86400 (`24:00`), which is the next day's midnight.
   *
   * The two rules of the issue, like Temporal's `disambiguation: 'compatible'`:
   * - a local time that does not exist (inside a spring-forward gap) moves forward by the gap:
   *   02:30 on 8 March 2026 in New York is 03:30 EDT;
   * - an ambiguous one (inside a fall-back overlap) takes the first occurrence:
   *   01:30 on 1 November 2026 in New York is 01:30 EDT (05:30Z), not EST.
   *
   * Example: `zonedTime('Europe/Moscow').instantOf(epochDayOf(2026, 3, 5), 9 * 3600)` →
   * `Date.parse('2026-03-05T06:00:00Z')`.
   */
  instantOf(epochDay: number, secondOfDay: number): number {
    const wall = epochDay * MS_PER_DAY + secondOfDay * 1000;
    // Offsets lie within ±14 h, so a day either side of the wall time brackets any transition
    // that could affect it; the earlier offset is the one "before" a gap or an overlap.
    const before = this.offsetMs(wall - MS_PER_DAY);
    const after = this.offsetMs(wall + MS_PER_DAY);
    const first = wall - before;
    if (before === after || this.offsetMs(first) === before) return first;
    const second = wall - after;
    if (this.offsetMs(second) === after) return second;
    // Neither offset gives this wall time back: it is in a gap. Reading it with the offset from
    // before the gap lands exactly the gap's length later on the clock.
    return first;
  }

  private fillBucket(bucket: number): number {
    // First try the whole UTC day around the bucket: when its first and last seconds share an
    // offset, so do its 96 buckets (no zone changes offset and back within one day), and a cold
    // year costs 365 pairs of Intl calls instead of 35,040.
    const dayFirst = Math.floor(bucket / BUCKETS_PER_DAY) * BUCKETS_PER_DAY;
    if (!this.checkedDays.has(dayFirst)) {
      this.checkedDays.add(dayFirst);
      const a = this.intlOffset(dayFirst * BUCKET_MS);
      if (a === this.intlOffset((dayFirst + BUCKETS_PER_DAY) * BUCKET_MS - 1000)) {
        for (let b = dayFirst; b < dayFirst + BUCKETS_PER_DAY; b++) this.offsets.set(b, a);
        return a;
      }
    }
    const start = bucket * BUCKET_MS;
    const last = start + BUCKET_MS - 1000; // offsets change on whole seconds
    const a = this.intlOffset(start);
    const b = this.intlOffset(last);
    if (a === b) {
      this.offsets.set(bucket, a);
      return a;
    }
    // Binary search for the first second at the new offset.
    let lo = start; // at offset a
    let hi = last; // not at offset a
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.intlOffset(mid) === a) lo = mid;
      else hi = mid;
    }
    this.transitions.set(bucket, { at: hi, before: a, after: b });
    this.offsets.set(bucket, NaN);
    return NaN;
  }

  /** The offset as Intl reports it: the local wall time read as UTC, minus the instant. */
  private intlOffset(ms: number): number {
    const second = ms - (((ms % 1000) + 1000) % 1000);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    let bc = false;
    for (const part of this.formatter.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          sec = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
      }
    }
    if (bc) year = 1 - year;
    const wall = epochDayOf(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + sec) * 1000;
    return wall - second;
  }
}

const zones = new Map<string, ZonedTime>();

/**
 * The shared {@link ZonedTime} of a zone name, so every calendar and standard in a run shares one
 * offset cache per zone. Throws `ValidationError` (issue code `unknown_time_zone`) for an unknown
 * zone.
 *
 * Example: `zonedTime('Europe/Berlin').localParts(Date.parse('2026-07-01T10:00:00Z')).minuteOfDay`
 * → `720` (12:00 CEST).
 */
export function zonedTime(name: string): ZonedTime {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ZonedTime(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The canonical name of a valid IANA zone; throws `ValidationError` (issue code
 * `unknown_time_zone`, path `timezone`) otherwise.
 *
 * Example: `assertTimeZone('europe/moscow')` → `'Europe/Moscow'`; `assertTimeZone('Mars/Olympus')`
 * throws.
 */
export function assertTimeZone(name: string): string {
  return zonedTime(name).name;
}
