import ICAL from 'ical.js';
import { assertCan, ValidationError } from '../../core';
import { epochDayOf, formatIsoDate } from '../../core/time/civil-date';
import type { IcsHolidays } from '../../contract/catalog.schema';
import type { CallContext } from '../service-context';

/**
 * Holidays from an iCalendar file (RFC 5545), as a public-holiday calendar exported from a
 * calendar application gives them, for a business calendar's `holidays` list.
 *
 * - A whole-day event (`DTSTART;VALUE=DATE`) is a holiday on each of its dates: a one-off event
 *   gives `YYYY-MM-DD` (a multi-day one every date up to its exclusive `DTEND`).
 * - One repeated every year without end (`RRULE:FREQ=YEARLY`, interval 1, no other day rules)
 *   gives `--MM-DD`, recurring; a yearly one with `COUNT` or `UNTIL` gives its dates one by one.
 * - Timed events, other recurrences, cancelled events and changed occurrences (`RECURRENCE-ID`)
 *   are listed in `skipped` with why, so a person sees what was left out.
 *
 * Text that is not iCalendar is a ValidationError.
 */
export function readIcsHolidays(text: string): IcsHolidays {
  const calendars = parseCalendars(text);
  const holidays = new Map<string, IcsHolidays['holidays'][number]>();
  const skipped: IcsHolidays['skipped'] = [];
  const add = (date: string, summary: string, recurring: boolean) => {
    if (!holidays.has(date)) holidays.set(date, { date, summary, recurring });
  };

  for (const vevent of calendars.flatMap((c) => c.getAllSubcomponents('vevent'))) {
    const summary = String(vevent.getFirstPropertyValue('summary') ?? '').trim();
    const skip = (reason: string) => skipped.push({ summary, reason });
    try {
      const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
      if (status === 'CANCELLED') {
        skip('the event is cancelled');
        continue;
      }
      if (vevent.hasProperty('recurrence-id')) {
        skip('it changes one occurrence of a repeating event');
        continue;
      }
      if (!vevent.hasProperty('dtstart')) {
        skip('it has no start date');
        continue;
      }
      const event = new ICAL.Event(vevent);
      const start = event.startDate;
      if (!start.isDate) {
        skip('it has a time of day, not whole days');
        continue;
      }
      const first = epochDayOf(start.year, start.month, start.day);
      const end = event.endDate;
      const days = Math.max(1, epochDayOf(end.year, end.month, end.day) - first);
      if (days > 366) {
        skip(`it lasts ${days} days`);
        continue;
      }
      const rule = vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null;
      const dates = (from: number) => Array.from({ length: days }, (_, i) => formatIsoDate(from + i));

      if (rule === null && !vevent.hasProperty('rdate')) {
        for (const date of dates(first)) add(date, summary, false);
        continue;
      }
      if (rule !== null && !isPlainYearly(rule, start.month, start.day)) {
        skip(`it repeats by a rule other than every year on its date (${rule.toString()})`);
        continue;
      }
      if (rule !== null && !rule.isFinite() && !vevent.hasProperty('rdate')) {
        for (const date of dates(first)) add(`--${date.slice(5)}`, summary, true);
        continue;
      }
      // A finite yearly rule (or extra RDATEs): its occurrences one by one.
      const it = event.iterator();
      let occurrences = 0;
      for (let next = it.next(); next; next = it.next()) {
        if (++occurrences > MAX_OCCURRENCES) break;
        for (const date of dates(epochDayOf(next.year, next.month, next.day))) add(date, summary, false);
      }
      if (occurrences > MAX_OCCURRENCES)
        skip(`it repeats more than ${MAX_OCCURRENCES} times; the first ones are kept`);
    } catch (error) {
      skip(`it could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    holidays: [...holidays.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    skipped,
  };
}

/** Occurrences read from one finite repeating event at most. */
const MAX_OCCURRENCES = 200;

/** Every year on the start's own date: FREQ=YEARLY, INTERVAL=1, and no BY-rule picking other days. */
function isPlainYearly(rule: InstanceType<typeof ICAL.Recur>, month: number, day: number): boolean {
  if (rule.freq !== 'YEARLY' || (rule.interval ?? 1) !== 1) return false;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  for (const [name, values] of Object.entries(parts)) {
    if (values === undefined || values.length === 0) continue;
    if (name === 'BYMONTH' && values.length === 1 && Number(values[0]) === month) continue;
    if (name === 'BYMONTHDAY' && values.length === 1 && Number(values[0]) === day) continue;
    return false;
  }
  return true;
}

function parseCalendars(text: string) {
  const refuse = (message: string): never => {
    throw new ValidationError([{ in: 'body', path: '', message }], `Not an iCalendar file: ${message}`);
  };
  if (text.trim() === '') refuse('the file is empty');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) refuse('it does not start with BEGIN:VCALENDAR');
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    refuse(error instanceof Error ? error.message : String(error));
  }
  const jcals = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const calendars = jcals.map((jcal) => new ICAL.Component(jcal as unknown[]));
  if (calendars.length === 0 || calendars.some((c) => c.name !== 'vcalendar'))
    refuse('it holds no VCALENDAR');
  return calendars;
}

/** `POST /calendars/holidays/ics`: whoever may propose standards may read holidays from a file. */
export function importIcsHolidays(ctx: CallContext, text: string): IcsHolidays {
  assertCan(ctx.actor, 'standards.propose');
  return readIcsHolidays(text);
}
