import { roundTheClockCalendar, type BusinessCalendar } from '../src/core/calendar/business-calendar';

/** A calendar open round the clock, for measure tests that do not exercise business hours. */
export const roundTheClock = (ringSeconds = 5, timezone = 'UTC'): BusinessCalendar =>
  roundTheClockCalendar(timezone, ringSeconds);
