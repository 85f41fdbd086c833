import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/business-calendar';
import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import { evaluateResponseTime } from './response-time.measure';

const DAY = ['09:00-13:00', '14:00-18:00'];
const office = compileCalendar({
  id: 'office',
  timezone: 'Europe/Moscow',
  week: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: ['09:00-13:00', '14:00-16:45'] },
  holidays: ['2026-02-23'],
  shifts: { '2026-03-07': ['10:00-14:00'] },
});
const ctx = (asOf: string): EvaluationContext => ({
  calendar: office,
  explain: true,
  asOfMs: Date.parse(asOf),
  unitNames: () => [],
  employeeNames: () => [],
});
const mail = (started: string, answered?: string): Interaction => ({
  id: 'm',
  channel: 'email',
  unit: 'HR',
  started_at: Date.parse(started),
  answered_at: answered === undefined ? undefined : Date.parse(answered),
});
const within4h = {
  type: 'response_time' as const,
  within: '4h',
  withinMs: 4 * 3600_000,
  clock: 'business' as const,
};

describe('response time in business hours (Moscow office, short Friday)', () => {
  it('counts Friday 16:00–16:45 and Monday 09:00–12:16: 4 h 01 min, more than 4 h', () => {
    const v = evaluateResponseTime(
      mail('2026-03-13T16:00:00+03:00', '2026-03-16T12:16:00+03:00'),
      within4h,
      ctx('2026-04-01T00:00:00Z'),
    );
    expect(v).toEqual({
      verdict: 'fail',
      reason: '4 h 01 min of business time: Fri 16:00–16:45, Mon 09:00–12:16 — more than 4h',
    });
  });

  it.each([
    ['exactly at the limit', '2026-03-16T09:00:00+03:00', '2026-03-16T13:00:00+03:00', 'pass'],
    ['a second into lunch adds nothing', '2026-03-16T09:00:00+03:00', '2026-03-16T13:00:01+03:00', 'pass'],
    ['one second over, past lunch', '2026-03-16T09:00:00+03:00', '2026-03-16T14:00:01+03:00', 'fail'],
    ['the lunch break does not count', '2026-03-16T12:00:00+03:00', '2026-03-16T16:59:00+03:00', 'pass'],
    [
      'a holiday inside the span does not count',
      '2026-02-20T16:00:00+03:00',
      '2026-02-24T12:14:00+03:00',
      'pass',
    ],
    ['the transferred Saturday counts', '2026-03-06T16:00:00+03:00', '2026-03-07T13:30:00+03:00', 'fail'],
    ['a reply sent in another offset', '2026-03-16T09:00:00+03:00', '2026-03-16T10:00:00Z', 'pass'],
  ])('%s', (_title, started, answered, expected) => {
    expect(evaluateResponseTime(mail(started, answered), within4h, ctx('2026-04-01T00:00:00Z')).verdict).toBe(
      expected,
    );
  });

  it('is pending while the time has not run out, and breached before anyone replies once it has', () => {
    const m = mail('2026-03-16T09:00:00+03:00');
    expect(evaluateResponseTime(m, within4h, ctx('2026-03-16T13:00:00+03:00')).verdict).toBe('pending');
    expect(evaluateResponseTime(m, within4h, ctx('2026-03-16T14:00:01+03:00')).verdict).toBe('fail');
  });

  it('measures plain elapsed time with clock: calendar', () => {
    const m = { ...within4h, clock: 'calendar' as const };
    expect(
      evaluateResponseTime(
        mail('2026-03-13T16:00:00+03:00', '2026-03-13T20:00:00+03:00'),
        m,
        ctx('2026-04-01T00:00:00Z'),
      ),
    ).toEqual({
      verdict: 'pass',
      reason: '4 h 00 min — within 4h',
    });
  });
});
