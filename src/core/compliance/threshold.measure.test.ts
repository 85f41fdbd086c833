import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../../test/calendars';
import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import { evaluateThreshold } from './threshold.measure';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const ctx: EvaluationContext = {
  calendar: roundTheClock(5),
  explain: true,
  asOfMs: T0 + 3600_000,
  unitNames: () => [],
  employeeNames: () => [],
};
const call = (extra: Partial<Interaction>): Interaction => ({
  id: 'c',
  channel: 'phone',
  unit: 'HR',
  started_at: T0,
  ...extra,
});
const at = (seconds: number) => T0 + seconds * 1000;
const rings = { type: 'threshold' as const, field: 'rings', max: 3 };
const wait = { type: 'threshold' as const, field: 'wait_seconds', max: 20 };

describe('threshold on rings (max 3, 5 s a ring)', () => {
  it.each([
    ['answered at 15 s = 3 rings, exactly at the limit', { answered_at: at(15) }, 'pass'],
    ['answered at 15.001 s = 4 rings, just over', { answered_at: T0 + 15_001 }, 'fail'],
    ['answered at 0 s = 0 rings', { answered_at: T0 }, 'pass'],
    ['rings given win over the wait', { answered_at: at(30), rings: 2 }, 'pass'],
    ['wait_seconds given wins over answered − started', { answered_at: at(60), wait_seconds: 10 }, 'pass'],
    ['abandoned after 14 s: never over the limit → na', { ended_at: at(14) }, 'na'],
    ['abandoned after 15 s: exactly 3 rings of waiting → na', { ended_at: at(15) }, 'na'],
    ['abandoned after 16 s: waited past 3 rings → fail', { ended_at: at(16) }, 'fail'],
    ['unanswered with rings 4 given → fail', { rings: 4, ended_at: at(1) }, 'fail'],
    ['unanswered, still ringing at as-of long after → fail', {}, 'fail'],
  ])('%s', (_title, extra, expected) => {
    expect(evaluateThreshold(call(extra), rings, ctx).verdict).toBe(expected);
  });

  it('explains the rings it counted and the limit', () => {
    expect(evaluateThreshold(call({ answered_at: T0 + 21_300 }), rings, ctx).reason).toBe(
      'answered after 5 rings (21.3 s at 5 s a ring) — more than 3',
    );
    expect(evaluateThreshold(call({ answered_at: at(9), rings: 2 }), rings, ctx).reason).toBe(
      'answered after 2 rings — within 3',
    );
  });

  it('uses the calendar’s ring cycle', () => {
    const slow = { ...ctx, calendar: roundTheClock(10) };
    expect(evaluateThreshold(call({ answered_at: at(25) }), rings, slow).verdict).toBe('pass');
    expect(evaluateThreshold(call({ answered_at: at(31) }), rings, slow).verdict).toBe('fail');
  });
});

describe('threshold on wait_seconds and other fields', () => {
  it.each([
    [{ answered_at: at(20) }, 'pass'],
    [{ answered_at: at(21) }, 'fail'],
    [{ ended_at: at(20) }, 'na'],
    [{ ended_at: at(21) }, 'fail'],
    [{ wait_seconds: 25, ended_at: at(5) }, 'fail'],
  ])('%j → %s', (extra, expected) => {
    expect(evaluateThreshold(call(extra), wait, ctx).verdict).toBe(expected);
  });

  it('judges any numeric column by min and max, and cannot judge a missing one', () => {
    const m = { type: 'threshold' as const, field: 'csat', min: 4, max: 5 };
    expect(evaluateThreshold(call({ numbers: { csat: 4 } }), m, ctx).verdict).toBe('pass');
    expect(evaluateThreshold(call({ numbers: { csat: 3 } }), m, ctx)).toEqual({
      verdict: 'fail',
      reason: 'csat 3 — less than 4',
    });
    expect(evaluateThreshold(call({}), m, ctx)).toEqual({ verdict: 'na', reason: 'no csat recorded' });
  });

  it('cannot judge an unanswered call against a minimum only', () => {
    const m = { type: 'threshold' as const, field: 'wait_seconds', min: 2 };
    expect(evaluateThreshold(call({ ended_at: at(100) }), m, ctx).verdict).toBe('na');
  });
});
