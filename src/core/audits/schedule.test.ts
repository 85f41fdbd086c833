import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/business-calendar';
import { ValidationError } from '../errors';
import { zonedTime } from '../time/zoned-time';
import {
  checkSchedule,
  daysInMonth,
  generateOccurrences,
  nextStateChangeMs,
  occurrenceState,
  submissionTiming,
  type AuditScheduleSpec,
  type Occurrence,
} from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const starts = (occ: Occurrence[]) => occ.map((o) => iso(o.startMs));

const weekly = (timezone: string, weekday: number, time: string, extra: Partial<AuditScheduleSpec> = {}) =>
  ({
    timezone,
    rule: { kind: 'weekly', weekday, time },
    dueAfterMs: 2 * DAY,
    graceMs: DAY,
    ...extra,
  }) as AuditScheduleSpec;
const monthly = (timezone: string, day: number, time: string) =>
  ({
    timezone,
    rule: { kind: 'monthly', day, time },
    dueAfterMs: 2 * DAY,
    graceMs: DAY,
  }) as AuditScheduleSpec;
const perMonth = (timezone: string, n: number, seed: number) =>
  ({
    timezone,
    rule: { kind: 'n_per_month', n, seed },
    dueAfterMs: 2 * DAY,
    graceMs: DAY,
  }) as AuditScheduleSpec;

const office = (timezone: string, holidays: string[] = []) =>
  compileCalendar({
    id: 'office',
    timezone,
    week: {
      mon: ['09:00-13:00', '14:00-18:00'],
      tue: ['09:00-13:00', '14:00-18:00'],
      wed: ['09:00-13:00', '14:00-18:00'],
      thu: ['09:00-13:00', '14:00-18:00'],
      fri: ['09:00-13:00', '14:00-18:00'],
    },
    holidays,
  });

const validationCodes = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => i.code);
  }
  throw new Error('expected a ValidationError');
};

describe('weekly schedules', () => {
  it('gives each Monday 10:00 in Moscow with due and close instants', () => {
    const occ = generateOccurrences(
      weekly('Europe/Moscow', 1, '10:00'),
      at('2026-03-01T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    );
    expect(starts(occ)).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
      '2026-03-16T07:00:00.000Z',
      '2026-03-23T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(occ.map((o) => o.key)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(occ[0]!.dueMs).toBe(at('2026-03-04T07:00:00Z'));
    expect(occ[0]!.closesMs).toBe(at('2026-03-05T07:00:00Z'));
  });

  it('keeps 10:00 local when Moscow moved from +04 to +03 (26 October 2014)', () => {
    const occ = generateOccurrences(
      weekly('Europe/Moscow', 1, '10:00'),
      at('2014-10-15T00:00:00Z'),
      at('2014-11-05T00:00:00Z'),
    );
    expect(starts(occ)).toEqual([
      '2014-10-20T06:00:00.000Z',
      '2014-10-27T07:00:00.000Z',
      '2014-11-03T07:00:00.000Z',
    ]);
  });

  it('follows Moscow summer time while it existed (28 March 2010, 02:00 → 03:00)', () => {
    // Sunday 02:30 does not exist on 28 March 2010: it moves forward by the gap to 03:30 MSD.
    const occ = generateOccurrences(
      weekly('Europe/Moscow', 7, '02:30'),
      at('2010-03-20T00:00:00Z'),
      at('2010-04-05T00:00:00Z'),
    );
    expect(starts(occ)).toEqual([
      '2010-03-20T23:30:00.000Z',
      '2010-03-27T23:30:00.000Z',
      '2010-04-03T22:30:00.000Z',
    ]);
    expect(occ.map((o) => o.key)).toEqual(['2010-03-21', '2010-03-28', '2010-04-04']);
  });

  it('keeps 09:00 local across New York DST, and handles the gap and the overlap', () => {
    const nine = generateOccurrences(
      weekly('America/New_York', 1, '09:00'),
      at('2026-03-01T00:00:00Z'),
      at('2026-03-17T00:00:00Z'),
    );
    expect(starts(nine)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ]);
    // 02:30 on Sunday 8 March 2026 is in the spring-forward gap: 03:30 EDT.
    const gap = generateOccurrences(
      weekly('America/New_York', 7, '02:30'),
      at('2026-03-01T00:00:00Z'),
      at('2026-03-16T00:00:00Z'),
    );
    expect(starts(gap)).toEqual([
      '2026-03-01T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-15T06:30:00.000Z',
    ]);
    expect(zonedTime('America/New_York').localParts(gap[1]!.startMs).minuteOfDay).toBe(3 * 60 + 30);
    // 01:30 on Sunday 1 November 2026 happens twice: the first (EDT) is taken.
    const overlap = generateOccurrences(
      weekly('America/New_York', 7, '01:30'),
      at('2026-10-25T00:00:00Z'),
      at('2026-11-09T00:00:00Z'),
    );
    expect(starts(overlap)).toEqual([
      '2026-10-25T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-08T06:30:00.000Z',
    ]);
  });

  it('names rounds by the local date, which can differ from the UTC date', () => {
    // Monday 01:00 in Moscow is Sunday 22:00 UTC.
    const occ = generateOccurrences(
      weekly('Europe/Moscow', 1, '01:00'),
      at('2026-03-08T21:00:00Z'),
      at('2026-03-08T23:00:00Z'),
    );
    expect(occ).toHaveLength(1);
    expect(occ[0]).toMatchObject({ key: '2026-03-09', startMs: at('2026-03-08T22:00:00Z') });
  });

  it('takes [from, to): a round at from is in, one at to is out', () => {
    const spec = weekly('Europe/Moscow', 1, '10:00');
    expect(starts(generateOccurrences(spec, at('2026-03-02T07:00:00Z'), at('2026-03-09T07:00:00Z')))).toEqual(
      ['2026-03-02T07:00:00.000Z'],
    );
    expect(generateOccurrences(spec, at('2026-03-02T07:00:00Z'), at('2026-03-02T07:00:00Z'))).toEqual([]);
  });

  it('crosses the year end', () => {
    const occ = generateOccurrences(
      weekly('Europe/Moscow', 4, '12:00'),
      at('2026-12-20T00:00:00Z'),
      at('2027-01-10T00:00:00Z'),
    );
    expect(occ.map((o) => o.key)).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
  });

  it('keeps only rounds between startsOn and endsOn (local dates, inclusive)', () => {
    const spec = weekly('Europe/Moscow', 1, '10:00', { startsOn: '2026-03-09', endsOn: '2026-03-23' });
    const occ = generateOccurrences(spec, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'));
    expect(occ.map((o) => o.key)).toEqual(['2026-03-09', '2026-03-16', '2026-03-23']);
  });
});

describe('monthly schedules', () => {
  it('clamps day 31 to each month’s last day', () => {
    const occ = generateOccurrences(
      monthly('Europe/Moscow', 31, '10:00'),
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
    );
    expect(occ.map((o) => zonedTime('Europe/Moscow').localParts(o.startMs).day)).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(occ.map((o) => o.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(occ.every((o) => zonedTime('Europe/Moscow').localParts(o.startMs).minuteOfDay === 600)).toBe(true);
  });

  it('gives 29 February in leap years and 28 otherwise (2100 is not leap, 2000 was)', () => {
    const feb = (year: number, day: number) =>
      iso(
        generateOccurrences(
          monthly('Europe/Moscow', day, '10:00'),
          at(`${year}-02-01T00:00:00Z`),
          at(`${year}-03-01T00:00:00Z`),
        )[0]!.startMs,
      );
    expect(feb(2028, 29)).toBe('2028-02-29T07:00:00.000Z');
    expect(feb(2028, 30)).toBe('2028-02-29T07:00:00.000Z');
    expect(feb(2027, 29)).toBe('2027-02-28T07:00:00.000Z');
    expect(feb(2100, 31)).toBe('2100-02-28T07:00:00.000Z');
    expect(feb(2000, 31)).toBe('2000-02-29T07:00:00.000Z');
    expect([daysInMonth(2028, 2), daysInMonth(2027, 2), daysInMonth(2026, 12), daysInMonth(2026, 4)]).toEqual(
      [29, 28, 31, 30],
    );
  });

  it('keeps 09:00 local across New York DST and crosses the year end', () => {
    const occ = generateOccurrences(
      monthly('America/New_York', 15, '09:00'),
      at('2026-10-01T00:00:00Z'),
      at('2027-04-01T00:00:00Z'),
    );
    expect(starts(occ)).toEqual([
      '2026-10-15T13:00:00.000Z',
      '2026-11-15T14:00:00.000Z',
      '2026-12-15T14:00:00.000Z',
      '2027-01-15T14:00:00.000Z',
      '2027-02-15T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('puts a round on the 1st at 00:30 in Moscow in the previous UTC day and month', () => {
    const occ = generateOccurrences(
      monthly('Europe/Moscow', 1, '00:30'),
      at('2026-03-31T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    );
    expect(occ).toEqual([
      {
        key: '2026-04',
        startMs: at('2026-03-31T21:30:00Z'),
        dueMs: at('2026-04-02T21:30:00Z'),
        closesMs: at('2026-04-03T21:30:00Z'),
      },
    ]);
  });
});

describe('n_per_month schedules', () => {
  const moscow = office('Europe/Moscow');

  it('gives n rounds a month, each in a working minute, one in each n-th of the month’s business time', () => {
    const spec = perMonth('Europe/Moscow', 4, 42);
    const from = at('2026-01-31T21:00:00Z'); // 1 February 00:00 Moscow
    const to = at('2026-02-28T21:00:00Z'); // 1 March 00:00 Moscow
    const occ = generateOccurrences(spec, from, to, { calendar: moscow });
    expect(occ.map((o) => o.key)).toEqual(['2026-02#1', '2026-02#2', '2026-02#3', '2026-02#4']);
    const total = moscow.businessMs(from, to);
    expect(total).toBe(20 * 8 * HOUR); // 20 working days of 8 hours
    occ.forEach((o, i) => {
      expect(o.startMs % 60_000).toBe(0);
      expect(moscow.businessMs(o.startMs, o.startMs + 60_000)).toBe(60_000);
      const local = zonedTime('Europe/Moscow').localParts(o.startMs);
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.month).toBe(2);
      const done = moscow.businessMs(from, o.startMs);
      expect(done).toBeGreaterThanOrEqual(Math.floor((i * total) / 4 / 60_000) * 60_000);
      expect(done).toBeLessThan(((i + 1) * total) / 4);
      expect(o.dueMs - o.startMs).toBe(2 * DAY);
    });
  });

  it('is the same for the same seed, whatever the window; another seed gives other times', () => {
    const spec = perMonth('Europe/Moscow', 3, 7);
    const whole = generateOccurrences(spec, at('2026-01-01T00:00:00Z'), at('2026-07-01T00:00:00Z'), {
      calendar: moscow,
    });
    const again = generateOccurrences(spec, at('2026-01-01T00:00:00Z'), at('2026-07-01T00:00:00Z'), {
      calendar: moscow,
    });
    expect(again).toEqual(whole);
    const pieces = [
      ['2026-01-01', '2026-02-10'],
      ['2026-02-10', '2026-04-01'],
      ['2026-04-01', '2026-07-01'],
    ].flatMap(([a, b]) =>
      generateOccurrences(spec, at(`${a}T00:00:00Z`), at(`${b}T00:00:00Z`), { calendar: moscow }),
    );
    expect(pieces).toEqual(whole);
    // 3 a month from January to June, Moscow months starting 3 hours before UTC ones:
    // 1 January 00:00 UTC is already 03:00 in Moscow, and no round falls before 09:00.
    expect(whole).toHaveLength(18);
    const other = generateOccurrences(
      perMonth('Europe/Moscow', 3, 8),
      at('2026-01-01T00:00:00Z'),
      at('2026-07-01T00:00:00Z'),
      {
        calendar: moscow,
      },
    );
    expect(starts(other)).not.toEqual(starts(whole));
    // Months are drawn apart: the same seed does not give the same days every month.
    const daysOf = (month: string) =>
      whole
        .filter((o) => o.key.startsWith(month))
        .map((o) => zonedTime('Europe/Moscow').localParts(o.startMs).day);
    expect(daysOf('2026-03')).not.toEqual(daysOf('2026-04'));
  });

  it('is pinned: seed 42 in March 2026 gives these instants on every machine', () => {
    const occ = generateOccurrences(
      perMonth('Europe/Moscow', 2, 42),
      at('2026-03-01T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
      {
        calendar: moscow,
      },
    );
    // Tuesday 10 March 17:18 and Monday 23 March 14:48 in Moscow: one in each half of the month's
    // business time. A change here changes every deployed n_per_month schedule.
    expect(starts(occ)).toEqual(['2026-03-10T14:18:00.000Z', '2026-03-23T11:48:00.000Z']);
  });

  it('stays within business hours in a New York month with a DST change', () => {
    const ny = office('America/New_York');
    const occ = generateOccurrences(
      perMonth('America/New_York', 10, 99),
      at('2026-03-01T05:00:00Z'),
      at('2026-04-01T04:00:00Z'),
      {
        calendar: ny,
      },
    );
    expect(occ).toHaveLength(10);
    for (const o of occ) {
      const local = zonedTime('America/New_York').localParts(o.startMs);
      expect(local.month).toBe(3);
      expect(local.minuteOfDay).toBeGreaterThanOrEqual(9 * 60);
      expect(local.minuteOfDay).toBeLessThan(18 * 60);
      expect(local.minuteOfDay < 13 * 60 || local.minuteOfDay >= 14 * 60).toBe(true);
    }
    expect([...occ].sort((a, b) => a.startMs - b.startMs)).toEqual(occ);
  });

  it('skips holidays, and a month without business time has no rounds', () => {
    const febDays = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
    const closed = office('Europe/Moscow', febDays);
    const occ = generateOccurrences(
      perMonth('Europe/Moscow', 3, 1),
      at('2026-01-01T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
      {
        calendar: closed,
      },
    );
    expect(occ.map((o) => o.key)).toEqual([
      '2026-01#1',
      '2026-01#2',
      '2026-01#3',
      '2026-03#1',
      '2026-03#2',
      '2026-03#3',
    ]);
  });

  it('needs a calendar', () => {
    expect(validationCodes(() => generateOccurrences(perMonth('Europe/Moscow', 2, 1), 0, DAY))).toEqual([
      'calendar_required',
    ]);
  });
});

describe('checking a schedule', () => {
  it('lists every problem at once', () => {
    expect(
      checkSchedule({
        timezone: 'Mars/Olympus',
        rule: { kind: 'weekly', weekday: 8, time: '24:00' },
        dueAfterMs: 0,
        graceMs: -1,
        startsOn: '2026-02-30',
      }).map((p) => [p.path, p.code]),
    ).toEqual([
      ['timezone', 'unknown_time_zone'],
      ['rule.weekday', 'invalid_weekday'],
      ['rule.time', 'invalid_time'],
      ['due_after', 'invalid_duration'],
      ['grace', 'invalid_duration'],
      ['starts_on', 'invalid_date'],
    ]);
    expect(checkSchedule({ ...monthly('Europe/Moscow', 32, '9:00') }).map((p) => p.code)).toEqual([
      'invalid_day',
      'invalid_time',
    ]);
    expect(checkSchedule(perMonth('Europe/Moscow', 0, 1.5)).map((p) => p.code)).toEqual([
      'invalid_count',
      'invalid_seed',
    ]);
    expect(
      checkSchedule(
        weekly('Europe/Moscow', 1, '10:00', { startsOn: '2026-03-10', endsOn: '2026-03-01' }),
      ).map((p) => p.code),
    ).toEqual(['ends_before_start']);
    expect(checkSchedule(weekly('Europe/Moscow', 1, '10:00'))).toEqual([]);
  });

  it('refuses a backwards or too long window', () => {
    const spec = weekly('Europe/Moscow', 1, '10:00');
    expect(validationCodes(() => generateOccurrences(spec, DAY, 0))).toEqual(['invalid_window']);
    expect(validationCodes(() => generateOccurrences(spec, 0, 6 * 366 * DAY))).toEqual(['window_too_long']);
    expect(validationCodes(() => generateOccurrences(weekly('Mars/Olympus', 1, '10:00'), 0, DAY))).toEqual([
      'unknown_time_zone',
    ]);
  });
});

describe('occurrence states', () => {
  // Monday 10:00 Moscow, due 2 days later, 1 day of grace.
  const [occ] = generateOccurrences(
    weekly('Europe/Moscow', 1, '10:00'),
    at('2026-03-09T00:00:00Z'),
    at('2026-03-10T00:00:00Z'),
  );
  const o = occ!;

  it('moves scheduled → due → overdue → missed on half-open intervals', () => {
    expect(occurrenceState(o, o.startMs - 1)).toBe('scheduled');
    expect(occurrenceState(o, o.startMs)).toBe('due');
    expect(occurrenceState(o, o.dueMs - 1)).toBe('due');
    expect(occurrenceState(o, o.dueMs)).toBe('overdue');
    expect(occurrenceState(o, o.closesMs - 1)).toBe('overdue');
    expect(occurrenceState(o, o.closesMs)).toBe('missed');
    expect(occurrenceState(o, o.closesMs + 30 * DAY, null)).toBe('missed');
  });

  it('is done once submitted — early, on time, late or after the close — but not before the submission', () => {
    expect(occurrenceState(o, o.startMs + HOUR, o.startMs + HOUR)).toBe('done');
    expect(occurrenceState(o, o.closesMs + DAY, o.startMs - DAY)).toBe('done');
    expect(occurrenceState(o, o.closesMs + DAY, o.closesMs + HOUR)).toBe('done');
    expect(occurrenceState(o, o.startMs + HOUR, o.startMs + 2 * HOUR)).toBe('due');
  });

  it('goes straight from due to missed without grace', () => {
    const noGrace = { ...o, closesMs: o.dueMs };
    expect(occurrenceState(noGrace, o.dueMs - 1)).toBe('due');
    expect(occurrenceState(noGrace, o.dueMs)).toBe('missed');
  });

  it('says when the state changes next', () => {
    expect(nextStateChangeMs(o, o.startMs - DAY)).toBe(o.startMs);
    expect(nextStateChangeMs(o, o.startMs)).toBe(o.dueMs);
    expect(nextStateChangeMs(o, o.dueMs)).toBe(o.closesMs);
    expect(nextStateChangeMs(o, o.closesMs)).toBeNull();
    expect(nextStateChangeMs(o, o.startMs, o.startMs)).toBeNull();
  });

  it('times a submission against its round', () => {
    expect(submissionTiming(o, o.startMs - DAY)).toBe('on_time');
    expect(submissionTiming(o, o.dueMs - 1)).toBe('on_time');
    expect(submissionTiming(o, o.dueMs)).toBe('late');
    expect(submissionTiming(o, o.closesMs - 1)).toBe('late');
    expect(submissionTiming(o, o.closesMs)).toBe('after_close');
  });
});
