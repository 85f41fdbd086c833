import { describe, expect, it } from 'vitest';
import { diffDefinitions, flatten } from './definition-diff';

const before = {
  code: 'answer-fast',
  title: { ru: 'Быстрый ответ', en: 'Answer fast' },
  kind: 'tangible',
  category: 'responsiveness',
  channels: ['phone', 'email'],
  measure: { type: 'threshold', field: 'rings', max: 3 },
  target: 0.9,
  period: 'month',
};

describe('flatten', () => {
  it('dots objects, joins lists of plain values and indexes lists of objects', () => {
    const flat = flatten({
      title: { ru: 'Приветствие' },
      measure: {
        type: 'script',
        require: ['time_greeting', 'unit'],
        greetings: [
          { from: '06:00', say: ['доброе утро', 'good morning'] },
          { from: '12:00', say: ['добрый день'] },
        ],
      },
      target: 0.95,
      draft: true,
    });
    expect([...flat]).toEqual([
      ['title.ru', 'Приветствие'],
      ['measure.type', 'script'],
      ['measure.require', 'time_greeting, unit'],
      ['measure.greetings[0].from', '06:00'],
      ['measure.greetings[0].say', 'доброе утро, good morning'],
      ['measure.greetings[1].from', '12:00'],
      ['measure.greetings[1].say', 'добрый день'],
      ['target', '0.95'],
      ['draft', 'true'],
    ]);
  });
});

describe('diffDefinitions', () => {
  it('marks a changed nested measure field and keeps the unchanged ones, in the after’s order', () => {
    const after = { ...before, measure: { type: 'threshold', field: 'rings', max: 4 } };
    const rows = diffDefinitions(before, after);
    expect(rows.map((r) => r.path)).toEqual([
      'code',
      'title.ru',
      'title.en',
      'kind',
      'category',
      'channels',
      'measure.type',
      'measure.field',
      'measure.max',
      'target',
      'period',
    ]);
    expect(rows.filter((r) => r.changed)).toEqual([
      { path: 'measure.max', before: '3', after: '4', changed: true },
    ]);
  });

  it('a measure field added and one removed: the added in place, the removed at the end', () => {
    const after = { ...before, measure: { type: 'threshold', field: 'rings', min: 1 }, target: 0.8 };
    expect(diffDefinitions(before, after).filter((r) => r.changed)).toEqual([
      { path: 'measure.min', before: null, after: '1', changed: true },
      { path: 'target', before: '0.9', after: '0.8', changed: true },
      { path: 'measure.max', before: '3', after: null, changed: true },
    ]);
  });

  it('a list of plain values says what it gained, lost and kept', () => {
    const after = { ...before, channels: ['email', 'chat', 'messenger'] };
    expect(diffDefinitions(before, after).filter((r) => r.changed)).toEqual([
      {
        path: 'channels',
        before: 'phone, email',
        after: 'email, chat, messenger',
        changed: true,
        list: { added: ['chat', 'messenger'], removed: ['phone'], kept: 1 },
      },
    ]);
  });

  it('a list emptied: all of it removed', () => {
    const rows = diffDefinitions({ holidays: ['--05-01', '--05-09'] }, { holidays: [] });
    expect(rows).toEqual([
      {
        path: 'holidays',
        before: '--05-01, --05-09',
        after: '',
        changed: true,
        list: { added: [], removed: ['--05-01', '--05-09'], kept: 0 },
      },
    ]);
  });

  it('a list only reordered shows its two orders, not an empty gain and loss', () => {
    const rows = diffDefinitions(before, { ...before, channels: ['email', 'phone'] });
    expect(rows.filter((r) => r.changed)).toEqual([
      { path: 'channels', before: 'phone, email', after: 'email, phone', changed: true },
    ]);
  });

  it('a list that appears has no gain-and-loss summary (nothing to compare with)', () => {
    const { channels: _drop, ...without } = before;
    const row = diffDefinitions(without, before).find((r) => r.path === 'channels');
    expect(row).toEqual({ path: 'channels', before: null, after: 'phone, email', changed: true });
  });

  it('an item added to a list of objects shows as its own indexed fields', () => {
    const script = (greetings: { from: string; say: string[] }[]) => ({
      measure: { type: 'script', require: ['time_greeting'], greetings },
    });
    const rows = diffDefinitions(
      script([{ from: '06:00', say: ['доброе утро'] }]),
      script([
        { from: '06:00', say: ['доброе утро'] },
        { from: '12:00', say: ['добрый день'] },
      ]),
    );
    expect(rows.filter((r) => r.changed)).toEqual([
      { path: 'measure.greetings[1].from', before: null, after: '12:00', changed: true },
      {
        path: 'measure.greetings[1].say',
        before: null,
        after: 'добрый день',
        changed: true,
      },
    ]);
  });

  it('a new entity (no before) has every field added; a retirement (no after) every field removed', () => {
    const created = diffDefinitions(null, { code: 'x', target: 1 });
    expect(created).toEqual([
      { path: 'code', before: null, after: 'x', changed: true },
      { path: 'target', before: null, after: '1', changed: true },
    ]);
    const retired = diffDefinitions({ code: 'x' }, undefined);
    expect(retired).toEqual([{ path: 'code', before: 'x', after: null, changed: true }]);
  });

  it('identical definitions have no changed row', () => {
    expect(diffDefinitions(before, structuredClone(before)).some((r) => r.changed)).toBe(false);
  });
});
