import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf, weekdayOf } from './civil-date';
import { periodKey, periodOfLocalDate, type PeriodKind } from './period';

const at = (iso: string) => Date.parse(iso);

describe('periodKey', () => {
  const cases: Array<[label: string, instant: string, zone: string, kind: PeriodKind, key: string]> = [
    ['a day', '2026-03-05T10:00:00Z', 'Europe/Moscow', 'day', '2026-03-05'],
    ['a day, already tomorrow in Moscow', '2026-03-04T22:00:00Z', 'Europe/Moscow', 'day', '2026-03-05'],
    ['a day, still yesterday in New York', '2026-03-05T03:00:00Z', 'America/New_York', 'day', '2026-03-04'],
    ['an ISO week', '2026-03-05T10:00:00Z', 'Europe/Moscow', 'week', '2026-W10'],
    [
      '2026-W01 starts on Monday 2025-12-29',
      '2025-12-29T00:00:00+03:00',
      'Europe/Moscow',
      'week',
      '2026-W01',
    ],
    ['Sunday 2025-12-28 is still 2025-W52', '2025-12-28T23:59:59+03:00', 'Europe/Moscow', 'week', '2025-W52'],
    ['2027-01-01 is in 2026-W53', '2027-01-01T12:00:00+03:00', 'Europe/Moscow', 'week', '2026-W53'],
    ['2027-01-03 (Sunday) is in 2026-W53', '2027-01-03T12:00:00+03:00', 'Europe/Moscow', 'week', '2026-W53'],
    ['2027-01-04 starts 2027-W01', '2027-01-04T00:00:00+03:00', 'Europe/Moscow', 'week', '2027-W01'],
    ['2024-12-30 is in 2025-W01', '2024-12-30T12:00:00Z', 'UTC', 'week', '2025-W01'],
    ['2021-01-03 is in 2020-W53', '2021-01-03T12:00:00Z', 'UTC', 'week', '2020-W53'],
    ['a week decided by the local date', '2026-01-04T23:30:00Z', 'Europe/Moscow', 'week', '2026-W02'],
    ['a month', '2026-03-05T10:00:00Z', 'Europe/Moscow', 'month', '2026-03'],
    ['a month, already April in Moscow', '2026-03-31T22:30:00Z', 'Europe/Moscow', 'month', '2026-04'],
    ['a month, still March in New York', '2026-04-01T03:30:00Z', 'America/New_York', 'month', '2026-03'],
    ['Q1', '2026-03-31T20:59:59Z', 'Europe/Moscow', 'quarter', '2026-Q1'],
    ['Q2 from local midnight of 1 April', '2026-03-31T21:00:00Z', 'Europe/Moscow', 'quarter', '2026-Q2'],
    ['Q3', '2026-07-01T00:00:00Z', 'UTC', 'quarter', '2026-Q3'],
    ['Q4', '2026-12-31T23:59:59Z', 'UTC', 'quarter', '2026-Q4'],
    ['Q4 of last year in New York', '2027-01-01T04:59:59Z', 'America/New_York', 'quarter', '2026-Q4'],
  ];
  it.each(cases)('%s: %s in %s → %s %s', (_label, instant, zone, kind, key) => {
    expect(periodKey(kind, at(instant), zone)).toBe(key);
  });

  it('ISO weeks: every date of a week shares the key; Monday starts it; the year is the Thursday’s', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (epochDay) => {
        const weekday = weekdayOf(epochDay);
        const key = periodOfLocalDate('week', epochDay, weekday);
        const monday = epochDay - weekday + 1;
        for (let d = monday; d < monday + 7; d++)
          expect(periodOfLocalDate('week', d, weekdayOf(d))).toBe(key);
        expect(periodOfLocalDate('week', monday - 1, 7)).not.toBe(key);
        const thursdayYear = new Date((monday + 3) * 86_400_000).getUTCFullYear();
        expect(key.slice(0, 4)).toBe(String(thursdayYear).padStart(4, '0'));
        // Week 1 holds 4 January.
        if (key.endsWith('-W01')) {
          const jan4 = epochDayOf(thursdayYear, 1, 4);
          expect(jan4 >= monday && jan4 < monday + 7).toBe(true);
        }
      }),
    );
  });
});
