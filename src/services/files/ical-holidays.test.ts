import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core';
import { readIcsHolidays } from './ical-holidays';

/** A calendar file around the given VEVENT bodies, with CRLF line ends as RFC 5545 has them. */
const ics = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//Holidays//EN',
    ...events.flatMap((lines, i) => ['BEGIN:VEVENT', `UID:event-${i}@example.org`, ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('readIcsHolidays', () => {
  it('reads a one-off whole-day event as its date', () => {
    expect(readIcsHolidays(ics(['DTSTART;VALUE=DATE:20260504', 'SUMMARY:Day off']))).toEqual({
      holidays: [{ date: '2026-05-04', summary: 'Day off', recurring: false }],
      skipped: [],
    });
  });

  it('reads a multi-day event as every date up to its exclusive end, or its duration', () => {
    const result = readIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20261230', 'DTEND;VALUE=DATE:20270103', 'SUMMARY:New Year holidays'],
        ['DTSTART;VALUE=DATE:20260612', 'DURATION:P2D', 'SUMMARY:Russia Day'],
      ),
    );
    expect(result.holidays.map((h) => h.date)).toEqual([
      '2026-06-12',
      '2026-06-13',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(result.holidays[2]).toEqual({
      date: '2026-12-30',
      summary: 'New Year holidays',
      recurring: false,
    });
  });

  it('reads a yearly event without end as --MM-DD, recurring, leap day included', () => {
    const result = readIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20200107', 'RRULE:FREQ=YEARLY', 'SUMMARY:Рождество Христово'],
        [
          'DTSTART;VALUE=DATE:20200223',
          'RRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=23',
          'SUMMARY:Defender Day',
        ],
        ['DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY', 'SUMMARY:Leap day'],
      ),
    );
    expect(result).toEqual({
      holidays: [
        { date: '--01-07', summary: 'Рождество Христово', recurring: true },
        { date: '--02-23', summary: 'Defender Day', recurring: true },
        { date: '--02-29', summary: 'Leap day', recurring: true },
      ],
      skipped: [],
    });
  });

  it('gives a yearly event with COUNT its dates one by one', () => {
    const result = readIcsHolidays(
      ics(['DTSTART;VALUE=DATE:20260308', 'RRULE:FREQ=YEARLY;COUNT=3', 'SUMMARY:8 March']),
    );
    expect(result.holidays).toEqual([
      { date: '2026-03-08', summary: '8 March', recurring: false },
      { date: '2027-03-08', summary: '8 March', recurring: false },
      { date: '2028-03-08', summary: '8 March', recurring: false },
    ]);
  });

  it('skips timed events, other repetitions, cancelled and changed occurrences, saying why', () => {
    const result = readIcsHolidays(
      ics(
        ['DTSTART:20260505T090000Z', 'DTEND:20260505T100000Z', 'SUMMARY:Staff meeting'],
        ['DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'SUMMARY:Mondays'],
        ['DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY;INTERVAL=2', 'SUMMARY:Every other year'],
        ['DTSTART;VALUE=DATE:20260101', 'STATUS:CANCELLED', 'SUMMARY:Cancelled'],
        ['DTSTART;VALUE=DATE:20260102', 'RECURRENCE-ID;VALUE=DATE:20260101', 'SUMMARY:Moved'],
        ['DTSTART;VALUE=DATE:20260909', 'SUMMARY:Kept'],
      ),
    );
    expect(result.holidays).toEqual([{ date: '2026-09-09', summary: 'Kept', recurring: false }]);
    expect(result.skipped).toEqual([
      { summary: 'Staff meeting', reason: 'it has a time of day, not whole days' },
      {
        summary: 'Mondays',
        reason: 'it repeats by a rule other than every year on its date (FREQ=WEEKLY;BYDAY=MO)',
      },
      {
        summary: 'Every other year',
        reason: 'it repeats by a rule other than every year on its date (FREQ=YEARLY;INTERVAL=2)',
      },
      { summary: 'Cancelled', reason: 'the event is cancelled' },
      { summary: 'Moved', reason: 'it changes one occurrence of a repeating event' },
    ]);
  });

  it('keeps the first summary of a date listed twice, and reads an empty calendar', () => {
    const twice = readIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20260101', 'SUMMARY:New Year'],
        ['DTSTART;VALUE=DATE:20260101', 'SUMMARY:Again'],
      ),
    );
    expect(twice.holidays).toEqual([{ date: '2026-01-01', summary: 'New Year', recurring: false }]);
    expect(readIcsHolidays(ics())).toEqual({ holidays: [], skipped: [] });
  });

  it.each([
    ['', 'the file is empty'],
    ['hello world', 'it does not start with BEGIN:VCALENDAR'],
    ['BEGIN:VCARD\r\nEND:VCARD\r\n', 'it does not start with BEGIN:VCALENDAR'],
    ['BEGIN:VCALENDAR\r\nthis is not a line\r\nEND:VCALENDAR\r\n', 'invalid line'],
  ])('refuses what is not iCalendar: %j', (text, message) => {
    let error: unknown;
    try {
      readIcsHolidays(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.message).toContain(message);
    expect((error as ValidationError).message).toMatch(/^Not an iCalendar file: /);
  });
});
