import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { parseIsoDate } from '../time/civil-date';
import {
  checkCalendarSpec,
  isHoliday,
  parseInterval,
  parseYearlyDate,
  type CalendarSpec,
} from './calendar-spec';

const hm = (h: number, m = 0) => (h * 60 + m) * 60;

describe('parseInterval', () => {
  it.each([
    ['09:00-13:00', hm(9), hm(13)],
    ['14:00-16:45', hm(14), hm(16, 45)],
    ['00:00-24:00', 0, hm(24)],
    ['22:00-24:00', hm(22), hm(24)],
    ['09:00-09:01', hm(9), hm(9, 1)],
    [' 09:00-10:00 ', hm(9), hm(10)],
  ])('%j → %i..%i', (text, start, end) => {
    expect(parseInterval(text)).toEqual({ start, end });
  });

  it.each([
    ['18:00-09:00', 'ends before it starts'],
    ['09:00-09:00', 'ends before it starts'],
    ['24:00-24:00', 'does not exist'],
    ['09:00-24:01', 'does not exist'],
    ['09:60-10:00', 'does not exist'],
    ['25:00-26:00', 'does not exist'],
    ['9:00-10:00', 'is not an interval'],
    ['09:00–10:00', 'is not an interval'], // an en dash
    ['09:00', 'is not an interval'],
    ['', 'is not an interval'],
  ])('refuses %j (%s), naming the value', (text, why) => {
    try {
      parseInterval(text, 'week.mon.0');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const issue = (e as ValidationError).issues[0];
      expect(issue).toMatchObject({ path: 'week.mon.0', code: 'invalid_interval' });
      expect(issue?.message).toContain(`"${text}"`);
      expect(issue?.message).toContain(why);
    }
  });
});

describe('checkCalendarSpec', () => {
  it('parses a calendar, canonicalizes the zone and defaults ring_seconds to 5', () => {
    const checked = checkCalendarSpec({
      id: 'office',
      timezone: 'europe/moscow',
      week: { mon: ['09:00-13:00', '14:00-18:00'], sun: [] },
      holidays: ['2026-01-01'],
      shifts: { '2026-03-07': ['10:00-14:00'] },
    });
    expect(checked.timezone).toBe('Europe/Moscow');
    expect(checked.ringSeconds).toBe(5);
    expect(checked.week[0]).toEqual([
      { start: hm(9), end: hm(13) },
      { start: hm(14), end: hm(18) },
    ]);
    expect(checked.week.slice(1)).toEqual([[], [], [], [], [], []]);
    expect([...checked.holidays]).toEqual([20454]);
    expect([...checked.shifts]).toEqual([[20519, [{ start: hm(10), end: hm(14) }]]]);
  });

  it('lists every problem at once, each with its path', () => {
    const spec = {
      id: 'bad',
      timezone: 'Mars/Base',
      week: { mon: ['09:00-13:00', '18:00-09:00'], fry: ['09:00-10:00'] },
      holidays: ['2026-02-30'],
      shifts: { '2026-03-07': ['10:00'], 'next friday': ['10:00-11:00'] },
      ring_seconds: 0,
    } as unknown as CalendarSpec;
    try {
      checkCalendarSpec(spec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([
        ['timezone', 'unknown_time_zone'],
        ['week.fry', 'unknown_weekday'],
        ['week.mon.1', 'invalid_interval'],
        ['holidays.0', 'invalid_date'],
        ['shifts.2026-03-07.0', 'invalid_interval'],
        ['shifts.next friday', 'invalid_date'],
        ['ring_seconds', 'invalid_number'],
      ]);
      expect((e as ValidationError).message).toContain('"18:00-09:00" ends before it starts');
    }
  });

  it('reads yearly holidays --MM-DD apart from one-off dates, --02-29 included', () => {
    const checked = checkCalendarSpec({
      id: 'office',
      timezone: 'Europe/Moscow',
      week: {},
      holidays: ['2026-01-01', '--01-07', '--02-29', '--12-31'],
    });
    expect([...checked.holidays]).toEqual([20454]);
    expect([...checked.yearlyHolidays]).toEqual([107, 229, 1231]);
  });

  it.each(['--02-30', '--13-01', '--04-31', '--00-10', '--1-7', '---01-07', '01-07'])(
    'refuses the yearly holiday %s',
    (text) => {
      try {
        checkCalendarSpec({ id: 'office', timezone: 'UTC', week: {}, holidays: ['--01-01', text] });
        expect.unreachable();
      } catch (e) {
        expect((e as ValidationError).issues).toEqual([
          {
            path: 'holidays.1',
            code: 'invalid_date',
            message: `"${text}" is not a date YYYY-MM-DD, or --MM-DD for every year`,
          },
        ]);
      }
    },
  );
});

describe('parseYearlyDate and isHoliday', () => {
  it('turns --MM-DD into month * 100 + day', () => {
    expect(parseYearlyDate('--01-07')).toBe(107);
    expect(parseYearlyDate('--02-29')).toBe(229);
    expect(parseYearlyDate('--02-30')).toBeUndefined();
    expect(parseYearlyDate('2026-01-07')).toBeUndefined();
  });

  it('knows a date by its date or its month-day, --02-29 only in leap years', () => {
    const spec = checkCalendarSpec({
      id: 'office',
      timezone: 'UTC',
      week: {},
      holidays: ['2026-05-04', '--01-07', '--02-29'],
    });
    const day = (iso: string) => parseIsoDate(iso)!;
    expect(isHoliday(spec, day('2026-05-04'))).toBe(true);
    expect(isHoliday(spec, day('2027-05-04'))).toBe(false);
    expect(isHoliday(spec, day('2026-01-07'))).toBe(true);
    expect(isHoliday(spec, day('2031-01-07'))).toBe(true);
    expect(isHoliday(spec, day('2026-01-08'))).toBe(false);
    expect(isHoliday(spec, day('2028-02-29'))).toBe(true);
    expect(isHoliday(spec, day('2027-02-28'))).toBe(false);
    expect(isHoliday(spec, day('2027-03-01'))).toBe(false);
  });
});
