import type { BusinessCalendar } from '../calendar/business-calendar';
import { ValidationError, type FieldIssue } from '../errors';
import { seededRandom } from '../random';
import { civilDateOf, epochDayOf, formatIsoDate, parseIsoDate, weekdayOf } from '../time/civil-date';
import { assertTimeZone, zonedTime } from '../time/zoned-time';

/**
 * Audit schedules: the recurring rounds of a unit, as occurrences (UTC instants) in a window, and
 * the state of each occurrence at an instant (docs/AUDITS.md, "Schedules").
 *
 * Pure: the window, "now" and the unit's business calendar come in as arguments; nothing reads the
 * clock. Local times are read in the schedule's IANA zone through `core/time` (never the machine's
 * zone): a local time in a spring-forward gap moves forward by the gap, an ambiguous one in a
 * fall-back overlap takes the first occurrence (`ZonedTime.instantOf`).
 */

/**
 * When the rounds fall:
 * - `weekly`: every week on an ISO weekday (1 = Monday … 7 = Sunday) at a local `HH:MM`;
 * - `monthly`: every month on a day of the month at a local `HH:MM`; a day the month lacks is the
 *   month's last day (31 → 30 April, 28 or 29 February; 29 → 28 February in common years);
 * - `n_per_month`: `n` rounds a month at random instants within the business hours of the unit's
 *   calendar, drawn from `seed` (see {@link generateOccurrences}).
 */
export type ScheduleRule =
  | { kind: 'weekly'; weekday: number; time: string }
  | { kind: 'monthly'; day: number; time: string }
  | { kind: 'n_per_month'; n: number; seed: number };

export const SCHEDULE_KINDS = ['weekly', 'monthly', 'n_per_month'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** The most rounds a month `n_per_month` takes (a daily round is a `weekly` schedule per weekday). */
export const MAX_PER_MONTH = 100;
/** The longest window one call generates: about five years. */
export const MAX_WINDOW_MS = 5 * 366 * 86_400_000;

export interface AuditScheduleSpec {
  /** IANA zone the local times and months are read in, e.g. `Europe/Moscow`. */
  timezone: string;
  rule: ScheduleRule;
  /** How long after its start a round is due, in ms (> 0), e.g. 2 days. */
  dueAfterMs: number;
  /** How long after the due instant a round is still accepted as overdue before it is missed (≥ 0). */
  graceMs: number;
  /** First local date with rounds, `YYYY-MM-DD` (inclusive); none = no lower bound. */
  startsOn?: string | undefined;
  /** Last local date with rounds, `YYYY-MM-DD` (inclusive); none = open-ended. */
  endsOn?: string | undefined;
}

/** One round of a schedule. */
export interface Occurrence {
  /**
   * Stable name of the round within its schedule, the same whatever window generated it, so the
   * database can store each once: `weekly` the local date (`2026-03-09`), `monthly` the month
   * (`2026-03`), `n_per_month` the month and the round's place in it (`2026-03#2`, from 1).
   */
  key: string;
  /** When the round opens (UTC epoch ms). */
  startMs: number;
  /** `startMs + dueAfterMs`: the audit should be submitted by then. */
  dueMs: number;
  /** `dueMs + graceMs`: after this the round is missed. */
  closesMs: number;
}

/**
 * - `scheduled`: not open yet (now < start);
 * - `due`: open, to be done (start ≤ now < due);
 * - `overdue`: past due but within the grace period (due ≤ now < due + grace); still accepted;
 * - `missed`: past due + grace with no audit submitted;
 * - `done`: an audit for the round was submitted (at or before now), whenever that was.
 */
export type OccurrenceState = 'scheduled' | 'due' | 'overdue' | 'missed' | 'done';

/** When an audit was submitted relative to its round: by the due instant, within grace, or after. */
export type SubmissionTiming = 'on_time' | 'late' | 'after_close';

export interface ScheduleContext {
  /**
   * The unit's business calendar (`compileCalendar`): required by `n_per_month`, whose rounds fall
   * only in its working time. Ignored by the other kinds.
   */
  calendar?: BusinessCalendar | undefined;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

const issue = (path: string, code: string, message: string): FieldIssue => ({ path, code, message });

/** Seconds since local midnight of a valid `HH:MM`. */
const secondOfDay = (time: string) => {
  const m = HH_MM.exec(time) as RegExpExecArray;
  return (Number(m[1]) * 60 + Number(m[2])) * 60;
};

/**
 * Every problem with a schedule, all at once (paths as in the spec: `rule.weekday`, `due_after`…);
 * empty when it can generate rounds. `n_per_month` without a calendar is `generateOccurrences`'s
 * refusal, not the spec's.
 */
export function checkSchedule(spec: AuditScheduleSpec): FieldIssue[] {
  const problems: FieldIssue[] = [];
  try {
    assertTimeZone(spec.timezone);
  } catch {
    problems.push(
      issue('timezone', 'unknown_time_zone', `unknown time zone "${spec.timezone}": expected an IANA name`),
    );
  }
  const rule = spec.rule;
  const checkTime = (time: string) => {
    if (typeof time !== 'string' || !HH_MM.test(time))
      problems.push(issue('rule.time', 'invalid_time', `"${String(time)}" is not a local time HH:MM`));
  };
  switch (rule.kind) {
    case 'weekly':
      if (!(Number.isInteger(rule.weekday) && rule.weekday >= 1 && rule.weekday <= 7))
        problems.push(
          issue('rule.weekday', 'invalid_weekday', `weekday ${rule.weekday} is not 1 (Monday) … 7 (Sunday)`),
        );
      checkTime(rule.time);
      break;
    case 'monthly':
      if (!(Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 31))
        problems.push(issue('rule.day', 'invalid_day', `day ${rule.day} is not a day of the month 1…31`));
      checkTime(rule.time);
      break;
    case 'n_per_month':
      if (!(Number.isInteger(rule.n) && rule.n >= 1 && rule.n <= MAX_PER_MONTH))
        problems.push(
          issue('rule.n', 'invalid_count', `n ${rule.n} is not a whole number 1…${MAX_PER_MONTH}`),
        );
      if (!Number.isSafeInteger(rule.seed))
        problems.push(issue('rule.seed', 'invalid_seed', `seed ${rule.seed} is not a whole number`));
      break;
    default:
      problems.push(
        issue(
          'rule.kind',
          'invalid_kind',
          `unknown schedule kind "${String((rule as { kind: unknown }).kind)}" (expected ${SCHEDULE_KINDS.join(', ')})`,
        ),
      );
  }
  if (!(Number.isFinite(spec.dueAfterMs) && spec.dueAfterMs > 0))
    problems.push(issue('due_after', 'invalid_duration', 'the time to do a round must be above 0'));
  if (!(Number.isFinite(spec.graceMs) && spec.graceMs >= 0))
    problems.push(issue('grace', 'invalid_duration', 'the grace period cannot be negative'));
  const starts = spec.startsOn === undefined ? undefined : parseIsoDate(spec.startsOn);
  const ends = spec.endsOn === undefined ? undefined : parseIsoDate(spec.endsOn);
  if (spec.startsOn !== undefined && starts === undefined)
    problems.push(issue('starts_on', 'invalid_date', `"${spec.startsOn}" is not a date YYYY-MM-DD`));
  if (spec.endsOn !== undefined && ends === undefined)
    problems.push(issue('ends_on', 'invalid_date', `"${spec.endsOn}" is not a date YYYY-MM-DD`));
  if (starts !== undefined && ends !== undefined && ends < starts)
    problems.push(
      issue('ends_on', 'ends_before_start', `the schedule ends (${spec.endsOn}) before it starts`),
    );
  return problems;
}

/** Days in a month of a year (28…31). */
export function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? epochDayOf(year + 1, 1, 1) : epochDayOf(year, month + 1, 1);
  return next - epochDayOf(year, month, 1);
}

/** Months as one running number, so stepping over a year end is `+1`. */
const monthIndexOf = (year: number, month: number) => year * 12 + (month - 1);
const monthOfIndex = (index: number) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

/**
 * The generator of one month's draw: the schedule's seed mixed with the month, so each month's
 * rounds depend only on the seed and the month — never on the window asked for.
 */
function monthRandom(seed: number, monthIndex: number): () => number {
  const mixed =
    (Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(monthIndex + 1, 0x85ebca6b)) >>> 0;
  return seededRandom(mixed);
}

/**
 * The rounds of one month of an `n_per_month` schedule. The month's business time (the calendar's
 * working spans between the month's first local midnight and the next month's) is cut into `n`
 * equal slices and one instant is drawn uniformly inside each, then rounded down to the minute:
 * random, so the unit cannot predict the visit, yet spread over the month (never all in one week).
 * A month without business time has no rounds.
 */
function drawMonth(
  calendar: BusinessCalendar,
  monthStartMs: number,
  monthEndMs: number,
  n: number,
  random: () => number,
): number[] {
  const spans = calendar.workingSpans(monthStartMs, monthEndMs);
  const total = spans.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
  if (total <= 0) return [];
  const starts: number[] = [];
  let spanIndex = 0;
  let before = 0; // business ms in the spans before spanIndex
  for (let i = 0; i < n; i++) {
    const offset = ((i + random()) * total) / n;
    while (
      spanIndex < spans.length - 1 &&
      before + (spans[spanIndex]!.endMs - spans[spanIndex]!.startMs) <= offset
    ) {
      before += spans[spanIndex]!.endMs - spans[spanIndex]!.startMs;
      spanIndex++;
    }
    const span = spans[spanIndex]!;
    const instant = Math.min(span.endMs - 1, span.startMs + (offset - before));
    starts.push(Math.max(span.startMs, Math.floor(instant / MINUTE_MS) * MINUTE_MS));
  }
  return starts;
}

/**
 * The rounds of a schedule whose start falls in `[fromMs, toMs)`, in time order, each with its
 * due and closing instants. Rounds are the same whatever window asks for them (a round's key and
 * instants depend only on the spec and, for `n_per_month`, the calendar), so generating January
 * and February apart gives what generating both together gives.
 *
 * - `weekly`/`monthly`: the local date and time in the schedule's zone, as an instant by the zone's
 *   rules at that date (09:00 stays 09:00 local across DST changes, so the UTC instant moves).
 * - `n_per_month`: months are the zone's local months; rounds fall in `context.calendar`'s working
 *   time (its own zone decides its hours; normally the unit's zone is the calendar's).
 * - `startsOn`/`endsOn` keep only rounds whose start's local date lies between them.
 *
 * Throws `ValidationError` with every problem (`checkSchedule`), for a window that runs backwards
 * or spans more than about five years, and for `n_per_month` without a calendar.
 *
 * Example: `{timezone: 'Europe/Moscow', rule: {kind: 'weekly', weekday: 1, time: '10:00'},
 * dueAfterMs: 2 days}` over March 2026 → rounds on Mondays 2, 9, 16, 23 and 30 March at 07:00Z,
 * each due two days later.
 */
export function generateOccurrences(
  spec: AuditScheduleSpec,
  fromMs: number,
  toMs: number,
  context: ScheduleContext = {},
): Occurrence[] {
  const problems = checkSchedule(spec);
  if (!(Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs <= toMs))
    problems.push(issue('window', 'invalid_window', 'the window must run forwards: from ≤ to'));
  else if (toMs - fromMs > MAX_WINDOW_MS)
    problems.push(issue('window', 'window_too_long', 'a window may span at most about five years'));
  if (spec.rule.kind === 'n_per_month' && context.calendar === undefined)
    problems.push(
      issue(
        'calendar',
        'calendar_required',
        'n_per_month rounds fall in business hours: the unit needs a calendar',
      ),
    );
  if (problems.length > 0)
    throw new ValidationError(problems, `The schedule cannot run: ${problems[0]!.message}`);

  const zone = zonedTime(spec.timezone);
  const starts = spec.startsOn === undefined ? -Infinity : (parseIsoDate(spec.startsOn) as number);
  const ends = spec.endsOn === undefined ? Infinity : (parseIsoDate(spec.endsOn) as number);
  const out: Occurrence[] = [];
  const push = (key: string, startMs: number, localDay: number) => {
    if (startMs < fromMs || startMs >= toMs || localDay < starts || localDay > ends) return;
    const dueMs = startMs + spec.dueAfterMs;
    out.push({ key, startMs, dueMs, closesMs: dueMs + spec.graceMs });
  };
  // One local day either side of the window: a round's local date may differ from the UTC date.
  const firstDay = zone.localEpochDay(fromMs) - 1;
  const lastDay = zone.localEpochDay(toMs) + 1;
  const rule = spec.rule;

  switch (rule.kind) {
    case 'weekly': {
      const second = secondOfDay(rule.time);
      let day = firstDay + ((rule.weekday - weekdayOf(firstDay) + 7) % 7);
      for (; day <= lastDay; day += 7) push(formatIsoDate(day), zone.instantOf(day, second), day);
      break;
    }
    case 'monthly': {
      const second = secondOfDay(rule.time);
      const a = civilDateOf(firstDay);
      const b = civilDateOf(lastDay);
      for (let m = monthIndexOf(a.year, a.month); m <= monthIndexOf(b.year, b.month); m++) {
        const { year, month } = monthOfIndex(m);
        const day = epochDayOf(year, month, Math.min(rule.day, daysInMonth(year, month)));
        push(formatIsoDate(day).slice(0, 7), zone.instantOf(day, second), day);
      }
      break;
    }
    case 'n_per_month': {
      const calendar = context.calendar as BusinessCalendar;
      const a = civilDateOf(firstDay);
      const b = civilDateOf(lastDay);
      for (let m = monthIndexOf(a.year, a.month); m <= monthIndexOf(b.year, b.month); m++) {
        const { year, month } = monthOfIndex(m);
        const next = monthOfIndex(m + 1);
        const monthStart = zone.instantOf(epochDayOf(year, month, 1), 0);
        const monthEnd = zone.instantOf(epochDayOf(next.year, next.month, 1), 0);
        const label = formatIsoDate(epochDayOf(year, month, 1)).slice(0, 7);
        drawMonth(calendar, monthStart, monthEnd, rule.n, monthRandom(rule.seed, m)).forEach((startMs, i) =>
          push(`${label}#${i + 1}`, startMs, zone.localEpochDay(startMs)),
        );
      }
      break;
    }
  }
  return out.sort((x, y) => x.startMs - y.startMs);
}

/**
 * The state of a round at `nowMs`, given when an audit for it was submitted (`null`/`undefined`:
 * none yet). A submission after `nowMs` is not known at `nowMs` and does not count.
 *
 * Example: a round starting Monday 10:00, due 2 days later, grace 1 day: Sunday → `scheduled`,
 * Tuesday → `due`, Wednesday 11:00 → `overdue`, Thursday 11:00 → `missed`; submitted Tuesday →
 * `done` from then on.
 */
export function occurrenceState(
  occurrence: Occurrence,
  nowMs: number,
  submittedAtMs?: number | null,
): OccurrenceState {
  if (submittedAtMs !== undefined && submittedAtMs !== null && submittedAtMs <= nowMs) return 'done';
  if (nowMs < occurrence.startMs) return 'scheduled';
  if (nowMs < occurrence.dueMs) return 'due';
  if (nowMs < occurrence.closesMs) return 'overdue';
  return 'missed';
}

/**
 * When the state of a round changes next without anybody acting (for reminders and the server's
 * loop): the start while scheduled, the due instant while due, the close while overdue; `null` once
 * it is done or missed.
 */
export function nextStateChangeMs(
  occurrence: Occurrence,
  nowMs: number,
  submittedAtMs?: number | null,
): number | null {
  switch (occurrenceState(occurrence, nowMs, submittedAtMs)) {
    case 'scheduled':
      return occurrence.startMs;
    case 'due':
      return occurrence.dueMs;
    case 'overdue':
      // With no grace the round goes from due straight to missed.
      return occurrence.closesMs;
    default:
      return null;
  }
}

/**
 * How a submission stood against its round, on the same half-open intervals as
 * {@link occurrenceState}: `on_time` before the due instant (early ones too), `late` from it until
 * the close, `after_close` after that (the round had been missed; the audit
 * still counts as done, and reports can show it was late).
 */
export function submissionTiming(occurrence: Occurrence, submittedAtMs: number): SubmissionTiming {
  if (submittedAtMs < occurrence.dueMs) return 'on_time';
  if (submittedAtMs < occurrence.closesMs) return 'late';
  return 'after_close';
}
