import { compileCalendar, type BusinessCalendar } from '../src/core/calendar/business-calendar';

const ALL_DAY = ['00:00-24:00'];

/**
 * A calendar open round the clock (business time equals elapsed time), for measure tests that do
 * not exercise business hours. It is the real compiled calendar, just with every hour working.
 */
export function roundTheClock(ringSeconds = 5, timezone = 'UTC'): BusinessCalendar {
  return compileCalendar({
    id: 'always',
    timezone,
    week: {
      mon: ALL_DAY,
      tue: ALL_DAY,
      wed: ALL_DAY,
      thu: ALL_DAY,
      fri: ALL_DAY,
      sat: ALL_DAY,
      sun: ALL_DAY,
    },
    ring_seconds: ringSeconds,
  });
}
