import { describe, expect, it } from 'vitest';
import type { Interaction } from './interaction';
import { roundTheClock } from '../../../test/calendars';
import type { EvaluationContext } from './evaluation-context';
import { evaluateTemplate } from './template.measure';

const m = { type: 'template' as const, allowed: ['T-STD-1', 'T-STD-2'] };
const ctx: EvaluationContext = {
  calendar: roundTheClock(),
  explain: true,
  asOfMs: 0,
  unitNames: () => [],
  employeeNames: () => [],
};
const letter = (extra: Partial<Interaction>): Interaction => ({
  id: 'l',
  channel: 'letter',
  unit: 'HR',
  started_at: 0,
  ...extra,
});

describe('template measure', () => {
  it.each([
    [{ answered_at: 1, template: 'T-STD-1' }, 'pass'],
    [{ answered_at: 1, template: 't-std-1' }, 'fail'],
    [{ answered_at: 1, template: 'T-OTHER' }, 'fail'],
    [{ answered_at: 1 }, 'fail'],
    [{ template: 'T-STD-1' }, 'na'],
  ])('%j → %s', (extra, expected) => {
    expect(evaluateTemplate(letter(extra), m, ctx).verdict).toBe(expected);
  });

  it('words a reason only when asked to explain', () => {
    const quiet = { ...ctx, explain: false };
    expect(evaluateTemplate(letter({ answered_at: 1, template: 'T-X' }), m, quiet)).toEqual({
      verdict: 'fail',
      reason: '',
    });
    expect(evaluateTemplate(letter({ answered_at: 1, template: 'T-X' }), m, ctx).reason).toBe(
      'template T-X is not approved (approved: T-STD-1, T-STD-2)',
    );
  });
});
