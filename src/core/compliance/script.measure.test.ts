import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../../test/calendars';
import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure } from './measure';
import { evaluateScript } from './script.measure';
import { containsPhrase, normalizeText } from './text-match';

const ctx: EvaluationContext = {
  calendar: roundTheClock(),
  explain: true,
  asOfMs: Date.parse('2026-03-03T00:00:00Z'),
  unitNames: (code) => (code === 'HR' ? ['отдел кадров', 'HR department'] : []),
  employeeNames: (code) => (code === 'E1' ? ['Джоан', 'Joan'] : []),
};
const script: Extract<Measure, { type: 'script' }> = {
  type: 'script',
  field: 'greeting',
  require: ['time_greeting', 'unit', 'employee'],
  greetings: [
    { from: '05:00', fromSecond: 5 * 3600, say: ['доброе утро', 'good morning'] },
    { from: '12:00', fromSecond: 12 * 3600, say: ['добрый день', 'good afternoon'] },
    { from: '18:00', fromSecond: 18 * 3600, say: ['добрый вечер', 'good evening'] },
  ],
};
const call = (time: string, greeting: string | undefined, extra: Partial<Interaction> = {}): Interaction => ({
  id: 'c',
  channel: 'phone',
  unit: 'HR',
  employee: 'E1',
  started_at: Date.parse(`2026-03-02T${time}Z`),
  greeting,
  ...extra,
});

describe('normalizeText and whole-word phrases', () => {
  it.each([
    ['Доброе утро!  Отдел кадров, Джоан.', 'доброе утро отдел кадров джоан'],
    ['Всё ЁЛКИ', 'все елки'],
    ['ﬁne — Ｆｕｌｌ width', 'fine full width'],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('matches whole words only', () => {
    expect(containsPhrase('good morning hr', 'morning')).toBe(true);
    expect(containsPhrase('good mornings hr', 'morning')).toBe(false);
    expect(containsPhrase('good morning hr', 'good morning')).toBe(true);
  });
});

describe('script measure', () => {
  it.each([
    ['09:15:00', 'Доброе утро, отдел кадров, Джоан слушает', 'pass'],
    ['09:15:00', 'Good morning, HR department, Joan speaking', 'pass'],
    ['09:15:00', 'Доброе утро, отдел кадров, Джоан слушает!', 'pass'],
    ['09:15:00', 'Добрoе утро, отдел кадров', 'fail'],
    ['09:15:00', 'Доброе утро! Отдел кадров. Меня зовут Джоан', 'pass'],
    ['11:59:59', 'Доброе утро, отдел кадров, Джоан', 'pass'],
    ['12:00:00', 'Доброе утро, отдел кадров, Джоан', 'fail'],
    ['12:00:00', 'Добрый день, отдел кадров, Джоан', 'pass'],
    ['04:59:59', 'Добрый вечер, отдел кадров, Джоан', 'pass'],
    ['09:15:00', 'Доброе утро, отдел кадров, Джоан', 'pass'],
  ])('at %s, %j → %s', (time, greeting, expected) => {
    expect(evaluateScript(call(time, greeting), script, ctx).verdict).toBe(expected);
  });

  it('treats ё and е alike in the greeting and in the phrases', () => {
    const m = { ...script, require: ['unit' as const] };
    const yo = { ...ctx, unitNames: () => ['Отдел расчётов'] };
    expect(evaluateScript(call('09:00:00', 'отдел расчетов слушает'), m, yo).verdict).toBe('pass');
  });

  it('names what is missing', () => {
    expect(evaluateScript(call('09:15:00', 'Алло, Джоан'), script, ctx)).toEqual({
      verdict: 'fail',
      reason:
        'missing greeting for the time of day (доброе утро / good morning); unit name (отдел кадров / hr department)',
    });
  });

  it('reads another text column when the standard names it', () => {
    const m = { ...script, field: 'transcript', require: ['unit' as const] };
    const record = call('09:00:00', undefined, { texts: { transcript: 'Отдел кадров, слушаю' } });
    expect(evaluateScript(record, m, ctx).verdict).toBe('pass');
    expect(evaluateScript(call('09:00:00', 'Отдел кадров'), m, ctx).verdict).toBe('na');
  });

  it('cannot judge an absent or empty greeting, or a name nobody knows', () => {
    expect(evaluateScript(call('09:00:00', undefined), script, ctx).verdict).toBe('na');
    expect(evaluateScript(call('09:00:00', ' …!? '), script, ctx).verdict).toBe('na');
    const noEmployee = call('09:00:00', 'Доброе утро, отдел кадров', { employee: undefined });
    expect(evaluateScript(noEmployee, script, ctx).verdict).toBe('na');
  });
});
