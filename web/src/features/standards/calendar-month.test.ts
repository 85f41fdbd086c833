import { describe, expect, it } from 'vitest';
import { epochDayOf } from '../../../../src/core/time/civil-date';
import {
  checkedOrUndefined,
  dayOf,
  monthTitle,
  formatMonth,
  monthWeeks,
  parseMonth,
  shiftMonth,
  showInterval,
  todayIn,
  weeklyMinutes,
} from './calendar-month';

/** A Moscow office: 8 h Monday–Thursday, a short Friday, weekends off, two yearly holidays, one-off ones and a shift. */
const moscow = checkedOrUndefined({
  id: 'office',
  timezone: 'Europe/Moscow',
  week: {
    mon: ['09:00-13:00', '14:00-18:00'],
    tue: ['09:00-13:00', '14:00-18:00'],
    wed: ['09:00-13:00', '14:00-18:00'],
    thu: ['09:00-13:00', '14:00-18:00'],
    fri: ['09:00-13:00', '14:00-16:45'],
  },
  holidays: ['--05-01', '--05-09', '2026-05-11'],
  // 9 May 2026 is a Saturday and a yearly holiday; the shift wins over both.
  shifts: { '2026-05-09': ['10:00-14:00'], '2026-05-04': ['09:00-12:00'] },
})!;

const compact = (weeks: ReturnType<typeof monthWeeks>) =>
  weeks.map((w) => w.map((d) => `${d.inMonth ? '' : '~'}${d.day}${d.kind[0]}`).join(' '));

describe('monthWeeks', () => {
  it('lays out May 2026 Monday first, with April filling the first week and the list/shift rules applied', () => {
    const weeks = monthWeeks(moscow, 2026, 5);
    // w = work, o = off, h = holiday, s = shift; ~ = a neighbouring month's day.
    expect(compact(weeks)).toEqual([
      '~27w ~28w ~29w ~30w 1h 2o 3o',
      '4s 5w 6w 7w 8w 9s 10o',
      '11h 12w 13w 14w 15w 16o 17o',
      '18w 19w 20w 21w 22w 23o 24o',
      '25w 26w 27w 28w 29w 30o 31o',
    ]);
    expect(weeks[0]![0]!.date).toBe('2026-04-27');
    expect(weeks[4]![6]!.date).toBe('2026-05-31');
  });

  it('fills the last week of June 2026 with July (no leading days: 1 June is a Monday)', () => {
    const weeks = monthWeeks(moscow, 2026, 6);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toMatchObject({ date: '2026-06-01', inMonth: true });
    expect(weeks[4]!.map((d) => `${d.date}${d.inMonth ? '' : '~'}`)).toEqual([
      '2026-06-29',
      '2026-06-30',
      '2026-07-01~',
      '2026-07-02~',
      '2026-07-03~',
      '2026-07-04~',
      '2026-07-05~',
    ]);
  });

  it('crosses the year in December (the grid ends in January of the next year)', () => {
    const weeks = monthWeeks(moscow, 2026, 12);
    // 1 Dec 2026 is a Tuesday; 31 Dec a Thursday.
    expect(weeks[0]![0]).toMatchObject({ date: '2026-11-30', inMonth: false });
    expect(weeks.at(-1)!.at(-1)).toMatchObject({ date: '2027-01-03', inMonth: false });
  });

  it('a yearly holiday falls in every year, a one-off only in its own', () => {
    const may2027 = monthWeeks(moscow, 2027, 5).flat();
    const kind = (date: string) => may2027.find((d) => d.date === date)?.kind;
    expect(kind('2027-05-10')).toBe('work'); // Monday: the 2026-05-11 holiday does not repeat
    expect(kind('2027-05-11')).toBe('work');
    expect(kind('2027-05-03')).toBe('work');
    expect(kind('2027-05-01')).toBe('holiday'); // Saturday, but the list says why it is off
  });
});

describe('dayOf', () => {
  it('gives a working day its intervals and minutes', () => {
    expect(dayOf(moscow, epochDayOf(2026, 5, 8), true)).toEqual({
      date: '2026-05-08',
      day: 8,
      inMonth: true,
      kind: 'work',
      intervals: ['09:00–13:00', '14:00–16:45'],
      minutes: 405,
    });
  });

  it('a holiday has no hours even on a working weekday', () => {
    expect(dayOf(moscow, epochDayOf(2026, 5, 1), true)).toMatchObject({
      kind: 'holiday',
      intervals: [],
      minutes: 0,
    });
  });

  it('a shift replaces the weekday and wins over a holiday', () => {
    expect(dayOf(moscow, epochDayOf(2026, 5, 9), false)).toMatchObject({
      kind: 'shift',
      inMonth: false,
      intervals: ['10:00–14:00'],
      minutes: 240,
    });
    expect(dayOf(moscow, epochDayOf(2026, 5, 4), true)).toMatchObject({
      kind: 'shift',
      intervals: ['09:00–12:00'],
      minutes: 180,
    });
  });
});

describe('weeklyMinutes and showInterval', () => {
  it('sums the week table only', () => {
    expect(weeklyMinutes(moscow)).toBe(4 * 480 + 405);
  });

  it('shows 24:00 as the end of a day', () => {
    expect(showInterval({ start: 22 * 3600, end: 86_400 })).toBe('22:00–24:00');
  });
});

describe('checkedOrUndefined', () => {
  it('is undefined for a calendar the engine refuses', () => {
    expect(checkedOrUndefined({ id: 'x', timezone: 'Europe/Moscow', week: { mon: ['18:00-09:00'] } })).toBe(
      undefined,
    );
    expect(checkedOrUndefined({ id: 'x', timezone: 'Mars/Olympus', week: {} })).toBe(undefined);
  });

  it('reads yearly holidays', () => {
    expect([...moscow.yearlyHolidays].sort()).toEqual([501, 509]);
  });
});

describe('todayIn', () => {
  const instant = new Date('2026-05-31T22:30:00Z');
  it('is the date in the given zone, not UTC', () => {
    expect(todayIn('Europe/Moscow', instant)).toBe('2026-06-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-05-31');
  });
});

describe('the month in the address (?month=2026-05)', () => {
  it('reads only a real year-month', () => {
    expect(parseMonth('2026-05')).toEqual({ year: 2026, month: 5 });
    expect(parseMonth('2026-12')).toEqual({ year: 2026, month: 12 });
    for (const bad of ['2026-13', '2026-00', '2026-5', '2026-05-01', '', null])
      expect(parseMonth(bad)).toBe(undefined);
  });

  it('writes it back with two-digit months', () => {
    expect(formatMonth(2026, 5)).toBe('2026-05');
    expect(formatMonth(2026, 11)).toBe('2026-11');
  });

  it('steps across years both ways', () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth(2026, 5, -17)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth(2026, 5, 0)).toEqual({ year: 2026, month: 5 });
  });
});

describe('monthTitle', () => {
  it('names the month in the nominative with the year, capitalized, without "г."', () => {
    expect(monthTitle('ru', 2026, 11)).toBe('Ноябрь 2026');
    expect(monthTitle('ru', 2026, 5)).toBe('Май 2026');
    expect(monthTitle('en', 2026, 11)).toBe('November 2026');
  });
});
