import { describe, expect, it } from 'vitest';
import { diffDefinitions, showValue } from './definition-diff';

const v1 = {
  code: 'greet',
  title: { ru: 'Приветствие', en: 'Greeting' },
  channels: ['phone'],
  measure: {
    type: 'script',
    require: ['time_greeting', 'unit'],
    greetings: [
      { from: '06:00', say: ['доброе утро'] },
      { from: '12:00', say: ['добрый день'] },
    ],
  },
  target: 0.9,
};

describe('diffDefinitions (version history)', () => {
  it('lists only the differing leaves, nested ones by dotted path with list indexes', () => {
    const v2 = structuredClone(v1);
    v2.title.en = 'Greeting on the phone';
    v2.measure.greetings[1]!.from = '11:00';
    expect(diffDefinitions(v1, v2)).toEqual([
      { path: 'title.en', before: 'Greeting', after: 'Greeting on the phone' },
      { path: 'measure.greetings.1.from', before: '12:00', after: '11:00' },
    ]);
  });

  it('a list of plain values is one field, compared whole (order counts)', () => {
    expect(diffDefinitions(v1, { ...v1, channels: ['phone', 'email'] })).toEqual([
      { path: 'channels', before: ['phone'], after: ['phone', 'email'] },
    ]);
    expect(diffDefinitions({ l: ['a', 'b'] }, { l: ['b', 'a'] })).toEqual([
      { path: 'l', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('an item added to or removed from a list of objects, and a field gone: newer order first, then the older-only fields', () => {
    const v2 = structuredClone(v1) as Record<string, unknown> & typeof v1;
    v2.measure.greetings.push({ from: '18:00', say: ['добрый вечер', 'good evening'] });
    delete (v2 as Partial<typeof v1>).channels;
    expect(diffDefinitions(v1, v2)).toEqual([
      { path: 'measure.greetings.2.from', before: undefined, after: '18:00' },
      { path: 'measure.greetings.2.say', before: undefined, after: ['добрый вечер', 'good evening'] },
      { path: 'channels', before: ['phone'], after: undefined },
    ]);
    expect(diffDefinitions(v2, v1).map((c) => c.path)).toEqual([
      'channels',
      'measure.greetings.2.from',
      'measure.greetings.2.say',
    ]);
  });

  it('an emptied object is a field of its own, next to the fields it lost', () => {
    expect(diffDefinitions({ shifts: { '2026-05-09': ['10:00-14:00'] } }, { shifts: {} })).toEqual([
      { path: 'shifts', before: undefined, after: {} },
      { path: 'shifts.2026-05-09', before: ['10:00-14:00'], after: undefined },
    ]);
    expect(diffDefinitions({ holidays: ['--05-01'] }, { holidays: [] })).toEqual([
      { path: 'holidays', before: ['--05-01'], after: [] },
    ]);
  });

  it('a first version has every field new; a retirement every field gone', () => {
    expect(diffDefinitions(null, { code: 'x', target: 1 })).toEqual([
      { path: 'code', before: undefined, after: 'x' },
      { path: 'target', before: undefined, after: 1 },
    ]);
    expect(diffDefinitions({ code: 'x' }, null)).toEqual([{ path: 'code', before: 'x', after: undefined }]);
  });

  it('a change of type (number to text) counts, an equal copy does not', () => {
    expect(diffDefinitions({ max: 3 }, { max: '3' })).toEqual([{ path: 'max', before: 3, after: '3' }]);
    expect(diffDefinitions(v1, structuredClone(v1))).toEqual([]);
  });
});

describe('showValue', () => {
  it('writes strings as they are, lists of text joined, the rest as JSON, nothing as empty', () => {
    expect(showValue('Доброе утро')).toBe('Доброе утро');
    expect(showValue(['phone', 'email'])).toBe('phone, email');
    expect(showValue([1, 2])).toBe('[1,2]');
    expect(showValue(0.9)).toBe('0.9');
    expect(showValue(false)).toBe('false');
    expect(showValue({})).toBe('{}');
    expect(showValue(undefined)).toBe('');
  });
});
