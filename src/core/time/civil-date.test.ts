import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  civilDateOf,
  epochDayOf,
  formatIsoDate,
  parseIsoDate,
  requireIsoDate,
  weekdayOf,
} from './civil-date';

describe('civil dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2026-03-05', 20517, 4],
    ['2024-02-29', 19782, 4],
    ['2000-03-01', 11017, 3],
    ['1969-12-31', -1, 3],
    ['2027-01-01', 20819, 5],
  ])('%s is epoch day %i, weekday %i', (text, epochDay, weekday) => {
    expect(parseIsoDate(text)).toBe(epochDay);
    expect(formatIsoDate(epochDay)).toBe(text);
    expect(weekdayOf(epochDay)).toBe(weekday);
  });

  it('agrees with Date.UTC (read in UTC, never the machine zone) over ±1000 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400_000, max: 400_000 }), (epochDay) => {
        const d = new Date(epochDay * 86_400_000);
        const expected = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        expect(civilDateOf(epochDay)).toEqual(expected);
        expect(epochDayOf(expected.year, expected.month, expected.day)).toBe(epochDay);
        expect(weekdayOf(epochDay)).toBe(((d.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-3-5',
    '26-03-05',
    '',
    '2026-03-05T00:00',
  ])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
    expect(() => requireIsoDate(text, 'holidays.0')).toThrow(ValidationError);
  });

  it('names the value and the path when it refuses', () => {
    try {
      requireIsoDate('2026-02-30', 'holidays.3');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toEqual([
        { path: 'holidays.3', code: 'invalid_date', message: expect.stringContaining('2026-02-30') },
      ]);
    }
  });
});
