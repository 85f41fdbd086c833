import { compileCalendar, type BusinessCalendar } from '../../core/calendar/business-calendar';
import type { Locale } from '../../contract/common.schema';
import type { CalendarDefinition } from '../../contract/catalog.schema';
import { DEMO_EMPLOYEES, DEMO_UNITS } from './demo-organization';
import { DEMO_CALENDAR_DEFINITION } from './demo-standards';
import { seededRandom } from '../../core/random';

/**
 * North Wind's interaction records for the demo's dashboard: phone calls, e-mails, letters and
 * visits of every unit, from the first day of the month two months before "now" up to "now" (the
 * demo's standards are in force from 1 January, or from that day if it is earlier). Generated, not stored: each
 * local date has its own seeded random sequence, so a date's records (and their ids) are the same
 * whenever the demo is loaded; only what had not happened yet by "now" differs (a reply still to
 * come is absent, and that record is pending until it comes or its time runs out).
 *
 * The story the numbers tell (see docs/MONITORING.md):
 * - The reception answers the phone too late — one call in five after the third ring in September,
 *   better each month after the October meeting, still under the 90 % target.
 * - Accounts reply to written requests late, worst on the month-end closing days; HR replies well.
 * - The IT desk often skips a part of the greeting; legal writes some letters without a template.
 * - On one afternoon the IT desk's phones were down (calls went to mobiles): an exclusion window.
 *
 * Records are written in the engine's file format (instants with the Moscow offset) and validated
 * like a file's.
 */

type Text = Record<Locale, string>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The demo's zone, Moscow, is UTC+3 all year. */
const OFFSET = 3 * HOUR;

/** A phone outage the demo marks as an exclusion window. */
export const DEMO_OUTAGE: {
  unit: string;
  channels: ['phone'];
  standards: string[];
  reason: Text;
} = {
  unit: 'IT-DESK',
  channels: ['phone'],
  standards: ['TEL-01', 'TEL-02'],
  reason: {
    ru: 'Авария АТС: линии ИТ-поддержки не работали, звонки переводились на мобильные',
    en: "PBX outage: the IT desk's lines were down and calls were forwarded to mobiles",
  },
};

/** How each unit works: records a working day and how often each standard is missed. */
interface UnitProfile {
  calls: number;
  emails: number;
  letters: number;
  visits: number;
  /** Share of answered calls picked up after the third ring, by month since the start (last repeats). */
  lateRings: number[];
  /** Share of greetings missing a part. */
  badGreeting: number;
  /** Share of greetings in English. */
  english: number;
  /** Share of written replies later than a business day, on ordinary days and on closing days. */
  lateReply: number;
  lateReplyClosing: number;
  /** Share of replies without an approved template. */
  noTemplate: number;
}

const PROFILES: Record<string, UnitProfile> = {
  DEMO: {
    calls: 2,
    emails: 1,
    letters: 0.3,
    visits: 0,
    lateRings: [0.03],
    badGreeting: 0.04,
    english: 0.2,
    lateReply: 0.05,
    lateReplyClosing: 0.05,
    noTemplate: 0.02,
  },
  HR: {
    calls: 12,
    emails: 10,
    letters: 1,
    visits: 2,
    lateRings: [0.05],
    badGreeting: 0.04,
    english: 0.1,
    lateReply: 0.04,
    lateReplyClosing: 0.05,
    noTemplate: 0.02,
  },
  ACC: {
    calls: 10,
    emails: 10,
    letters: 1,
    visits: 0,
    lateRings: [0.06],
    badGreeting: 0.05,
    english: 0.1,
    lateReply: 0.11,
    lateReplyClosing: 0.45,
    noTemplate: 0.02,
  },
  'ACC-PAY': {
    calls: 6,
    emails: 5,
    letters: 0.3,
    visits: 0,
    lateRings: [0.04],
    badGreeting: 0.03,
    english: 0.05,
    lateReply: 0.025,
    lateReplyClosing: 0.1,
    noTemplate: 0.02,
  },
  RECEPTION: {
    calls: 30,
    emails: 3,
    letters: 0,
    visits: 8,
    lateRings: [0.22, 0.17, 0.13],
    badGreeting: 0.05,
    english: 0.15,
    lateReply: 0.05,
    lateReplyClosing: 0.05,
    noTemplate: 0.015,
  },
  'IT-DESK': {
    calls: 20,
    emails: 12,
    letters: 0,
    visits: 0,
    lateRings: [0.06],
    badGreeting: 0.13,
    english: 0.3,
    lateReply: 0.05,
    lateReplyClosing: 0.05,
    noTemplate: 0.02,
  },
  LEGAL: {
    calls: 5,
    emails: 6,
    letters: 1.5,
    visits: 0,
    lateRings: [0.04],
    badGreeting: 0.04,
    english: 0.1,
    lateReply: 0.06,
    lateReplyClosing: 0.06,
    noTemplate: 0.1,
  },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant in the file format, in Moscow time: 2026-09-01T09:15:03+03:00. */
function local(ms: number): string {
  const d = new Date(Math.round(ms / 1000) * 1000 + OFFSET);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+03:00`;
}

/** Midnight of a Moscow date given as days since 1970-01-01, as an instant. */
const midnight = (epochDay: number) => epochDay * DAY - OFFSET;
const epochDayOf = (ms: number) => Math.floor((ms + OFFSET) / DAY);

/**
 * Where the demo's records start: the 1st of the month two months before `now`, Moscow time (in
 * January, that is November of the year before: the demo then back-dates its catalog to it).
 */
export function demoRecordsStart(now: Date): number {
  const d = new Date(now.getTime() + OFFSET);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1) - OFFSET;
}

let calendar: BusinessCalendar | undefined;
const officeCalendar = () => (calendar ??= compileCalendar(DEMO_CALENDAR_DEFINITION as CalendarDefinition));

/**
 * The outage afternoon: the first working Wednesday at least 44 days after `fromMs`, 14:00–17:30
 * Moscow time. Undefined when that afternoon is not over by `nowMs` (a short range).
 */
export function demoOutageSpan(
  fromMs: number,
  nowMs: number,
): { startMs: number; endMs: number } | undefined {
  const cal = officeCalendar();
  for (let day = epochDayOf(fromMs) + 44; midnight(day) < nowMs; day++) {
    // 1970-01-01 was a Thursday: day 6 is a Wednesday.
    if ((day - 6) % 7 !== 0 || cal.businessMs(midnight(day), midnight(day + 1)) === 0) continue;
    const span = { startMs: midnight(day) + 14 * HOUR, endMs: midnight(day) + 17.5 * HOUR };
    return span.endMs <= nowMs ? span : undefined;
  }
  return undefined;
}

const employeesOf = new Map<string, Array<{ code: string; name: Text }>>();
for (const e of DEMO_EMPLOYEES) {
  const list = employeesOf.get(e.unit) ?? [];
  list.push({ code: e.code, name: e.name });
  employeesOf.set(e.unit, list);
}
const unitName = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));

/** The greeting for a local hour, as the demo's TEL-02 expects it. */
function timeGreeting(hour: number, lang: Locale): string {
  if (hour < 12) return lang === 'ru' ? 'Доброе утро' : 'Good morning';
  if (hour < 18) return lang === 'ru' ? 'Добрый день' : 'Good afternoon';
  return lang === 'ru' ? 'Добрый вечер' : 'Good evening';
}

/** What was said on picking up: the full greeting, or one with a part missing. */
function greeting(rand: () => number, hour: number, unit: string, name: Text, bad: boolean): string {
  const lang: Locale = rand() < PROFILES[unit]!.english ? 'en' : 'ru';
  const hello = timeGreeting(hour, lang);
  const unitText = unitName.get(unit)![lang];
  const person = name[lang];
  const speaking = lang === 'ru' ? `${person}, слушаю` : `${person} speaking`;
  if (!bad) return `${hello}, ${unitText}, ${speaking}.`;
  const miss = rand();
  if (miss < 0.45) return `${hello}, ${unitText}.`; // no name
  if (miss < 0.7) return `${hello}, ${speaking}.`; // no unit
  if (miss < 0.9) return `${lang === 'ru' ? 'Здравствуйте' : 'Hello'}, ${unitText}, ${speaking}.`;
  return lang === 'ru' ? 'Алло?' : 'Hello?';
}

/** `n` around `mean` (±30 %), rounded at random so fractions add up over days. */
function countAround(rand: () => number, mean: number): number {
  const x = mean * (0.7 + 0.6 * rand());
  return Math.floor(x + rand());
}

/** A uniformly random instant inside the day's working spans. */
function instantIn(
  rand: () => number,
  spans: ReadonlyArray<{ startMs: number; endMs: number }>,
  total: number,
) {
  let at = rand() * total;
  for (const s of spans) {
    const len = s.endMs - s.startMs;
    if (at < len) return s.startMs + Math.floor(at / 1000) * 1000;
    at -= len;
  }
  return spans[spans.length - 1]!.endMs - 60_000;
}

/** The month-end closing days: the last two working days of a month and the first of the next. */
function isClosingDay(day: number): boolean {
  const cal = officeCalendar();
  const working = (d: number) => cal.businessMs(midnight(d), midnight(d + 1)) > 0;
  const monthOf = (d: number) => new Date(d * DAY).getUTCMonth();
  let after = 0;
  for (let d = day + 1; monthOf(d) === monthOf(day) && after < 2; d++) if (working(d)) after++;
  if (after < 2) return true;
  for (let d = day - 1; monthOf(d) === monthOf(day); d--) if (working(d)) return false;
  return true;
}

/** A record in the engine's file format (docs/formats/interaction-records.md). */
export type DemoRecord = Record<string, string | number>;

/**
 * Every demo record started in `[fromMs, nowMs)`, in order of local date. Deterministic: the same
 * date always gives the same records; what happens after `nowMs` is left out (a call still going
 * on, a reply still to come).
 */
export function demoInteractions(fromMs: number, nowMs: number): DemoRecord[] {
  const cal = officeCalendar();
  const outage = demoOutageSpan(fromMs, nowMs);
  const firstMonth =
    new Date(fromMs + OFFSET).getUTCFullYear() * 12 + new Date(fromMs + OFFSET).getUTCMonth();
  const out: DemoRecord[] = [];
  for (let day = epochDayOf(fromMs); midnight(day) < nowMs; day++) {
    const spans = cal.workingSpans(midnight(day), midnight(day + 1));
    const total = spans.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
    if (total === 0) continue;
    const rand = seededRandom(0x5eed ^ Math.imul(day, 2654435761));
    const date = new Date(day * DAY);
    const stamp = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth() - firstMonth;
    const closing = isClosingDay(day);
    const weekday = (day + 3) % 7; // 0 = Monday
    let n = 0;
    const id = (kind: string) => `NW-${kind}-${stamp}-${pad(++n, 4)}`;
    const keep = (record: DemoRecord, startedAt: number) => {
      if (startedAt >= fromMs && startedAt < nowMs) out.push(record);
    };

    for (const unit of DEMO_UNITS.map((u) => u.code)) {
      const p = PROFILES[unit]!;
      const staff = employeesOf.get(unit)!;
      const pick = () => staff[Math.floor(rand() * staff.length)]!;

      // Phone calls: rings, then a greeting; a few are never picked up. While the IT desk's lines
      // are down, people call it all the more (about the outage itself).
      const outageToday =
        outage !== undefined && unit === DEMO_OUTAGE.unit && epochDayOf(outage.startMs) === day
          ? outage
          : undefined;
      const calls = countAround(rand, p.calls * (weekday === 0 ? 1.3 : 1));
      const extra = outageToday ? 14 : 0;
      for (let i = 0; i < calls + extra; i++) {
        const startedAt =
          i < calls
            ? instantIn(rand, spans, total)
            : instantIn(rand, [outageToday!], outageToday!.endMs - outageToday!.startMs);
        const who = pick();
        const recordId = id('CALL');
        const hour = new Date(startedAt + OFFSET).getUTCHours();
        const down =
          outage !== undefined &&
          unit === DEMO_OUTAGE.unit &&
          startedAt >= outage.startMs &&
          startedAt < outage.endMs;
        const lateShare = p.lateRings[Math.min(month, p.lateRings.length - 1)]! * (hour === 13 ? 1.5 : 1);
        if (!down && rand() < 0.015) {
          const rings = 6 + Math.floor(rand() * 5);
          const endedAt = startedAt + rings * 5000;
          if (endedAt <= nowMs)
            keep(
              {
                id: recordId,
                channel: 'phone',
                unit,
                employee: who.code,
                started_at: local(startedAt),
                ended_at: local(endedAt),
                rings,
              },
              startedAt,
            );
          continue;
        }
        const rings = down
          ? 7 + Math.floor(rand() * 6)
          : rand() < lateShare
            ? 4 + Math.floor(rand() * 4)
            : 1 + Math.floor(rand() * 3);
        const answeredAt = startedAt + ((rings - 1) * 5 + 1 + Math.floor(rand() * 4)) * 1000;
        const endedAt = answeredAt + (30 + Math.floor(rand() * 330)) * 1000;
        const record: DemoRecord = {
          id: recordId,
          channel: 'phone',
          unit,
          employee: who.code,
          started_at: local(startedAt),
          answered_at: local(answeredAt),
          ended_at: local(endedAt),
          rings,
        };
        // A few calls were not transcribed: their greeting cannot be judged.
        if (rand() >= 0.03) record.greeting = greeting(rand, hour, unit, who.name, rand() < p.badGreeting);
        if (endedAt <= nowMs) keep(record, startedAt);
      }

      // E-mails and letters: a reply within a business day (mostly), on a template (mostly).
      for (const [channel, mean] of [
        ['email', p.emails],
        ['letter', p.letters],
      ] as const) {
        const count = countAround(rand, mean);
        for (let i = 0; i < count; i++) {
          const startedAt = instantIn(rand, spans, total);
          const who = pick();
          const recordId = id(channel === 'email' ? 'MAIL' : 'LTR');
          const late = rand() < (closing ? p.lateReplyClosing : p.lateReply);
          const lost = rand() < 0.01;
          // Business time to the reply: up to 7 h 30 min, or 8 h 30 min to 2 business days when late.
          const businessMs = late
            ? 8.5 * HOUR + rand() * 7.5 * HOUR
            : (channel === 'letter' ? 2 * HOUR : 10 * MINUTE) +
              rand() * (channel === 'letter' ? 5.5 : 7) * HOUR;
          const answeredAt = cal.instantAfter(startedAt, businessMs) + Math.floor(rand() * 60) * 1000;
          const t = rand();
          const template =
            rand() < p.noTemplate
              ? rand() < 0.6
                ? 'LTR-FREEFORM'
                : undefined
              : t < 0.3
                ? 'LTR-ACK'
                : t < 0.9
                  ? 'LTR-ANSWER'
                  : 'LTR-REFUSAL';
          const record: DemoRecord = {
            id: recordId,
            channel,
            unit,
            employee: who.code,
            started_at: local(startedAt),
          };
          if (!lost && answeredAt <= nowMs) {
            record.answered_at = local(answeredAt);
            if (template !== undefined) record.template = template;
          }
          keep(record, startedAt);
        }
      }

      // Visits: walk-ins at the reception, and HR's walk-in hours on Tuesdays and Thursdays.
      const visits = countAround(
        rand,
        p.visits * (unit === 'HR' ? (weekday === 1 || weekday === 3 ? 2.5 : 0) : 1),
      );
      for (let i = 0; i < visits; i++) {
        const startedAt = instantIn(rand, spans, total);
        const who = pick();
        const wait = 20 + Math.floor(rand() * rand() * 900);
        const endedAt = startedAt + (wait + 120 + Math.floor(rand() * 900)) * 1000;
        const record: DemoRecord = {
          id: id('VISIT'),
          channel: 'visit',
          unit,
          employee: who.code,
          started_at: local(startedAt),
          answered_at: local(startedAt + wait * 1000),
          ended_at: local(endedAt),
          wait_seconds: wait,
        };
        if (endedAt <= nowMs) keep(record, startedAt);
      }
    }
  }
  return out;
}
