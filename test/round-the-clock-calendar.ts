import type { CalendarView, PeriodKind } from '../src/core/compliance/calendar-view';

/**
 * A real, if simple, calendar for measure tests that do not exercise business hours: UTC, open
 * round the clock, so business time equals elapsed time. Business-hours behaviour is tested with
 * the compiled calendars of src/core/calendar.
 */
export function roundTheClockUtc(ringSeconds = 5): CalendarView {
  return {
    id: 'always',
    timezone: 'UTC',
    ringSeconds,
    businessMs: (a, b) => Math.max(0, b - a),
    workingSpans: (a, b) => (b > a ? [{ startMs: a, endMs: b }] : []),
    localParts: (ms) => {
      const d = new Date(ms);
      const secondOfDay = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
      return {
        weekday: ((d.getUTCDay() + 6) % 7) + 1,
        minuteOfDay: Math.floor(secondOfDay / 60),
        secondOfDay,
      };
    },
    period: (kind: PeriodKind, ms) => {
      const iso = new Date(ms).toISOString();
      if (kind === 'day') return iso.slice(0, 10);
      if (kind === 'month') return iso.slice(0, 7);
      if (kind === 'quarter') return `${iso.slice(0, 4)}-Q${Math.floor(new Date(ms).getUTCMonth() / 3) + 1}`;
      throw new Error('weeks are not needed in these tests');
    },
  };
}
