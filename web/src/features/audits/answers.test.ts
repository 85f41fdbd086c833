import { describe, expect, it } from 'vitest';
import {
  answerChoices,
  answerToValue,
  isOffered,
  itemProblems,
  percent,
  problemsByItem,
  remainingProblems,
  valueToAnswer,
} from './answers';

describe('the buttons an item offers', () => {
  it('a checklist: yes, no, and N/A only when allowed', () => {
    expect(answerChoices({ type: 'checklist', allow_na: true }).map((c) => [c.value, c.passes])).toEqual([
      ['yes', true],
      ['no', false],
      ['na', null],
    ]);
    expect(answerChoices({ type: 'checklist', allow_na: false }).map((c) => c.value)).toEqual(['yes', 'no']);
  });

  it('a yes/no rating: yes (2) before no (1), with the standard’s labels', () => {
    const c = answerChoices({
      type: 'rating',
      scale: 'yes_no',
      labels: [
        { en: 'Not signed', ru: 'Не расписался' },
        { en: 'Signed', ru: 'Расписался' },
      ],
      allow_na: false,
    });
    expect(c).toEqual([
      { value: 2, kind: 'yes', passes: true, label: { en: 'Signed', ru: 'Расписался' } },
      { value: 1, kind: 'no', passes: false, label: { en: 'Not signed', ru: 'Не расписался' } },
    ]);
  });

  it('a 1–5 rating: every point from the lowest, passing from pass_min', () => {
    const c = answerChoices({
      type: 'rating',
      scale: '1-5',
      pass_min: 4,
      labels: ['bad', 'poor', 'fair', 'good', 'great'],
      allow_na: true,
    });
    expect(c.map((x) => x.value)).toEqual([1, 2, 3, 4, 5, 'na']);
    expect(c.map((x) => x.passes)).toEqual([false, false, false, true, true, null]);
    expect(c[3]!.label).toBe('good');
    const bare = answerChoices({ type: 'rating', scale: '1-3', pass_min: 2, allow_na: false });
    expect(bare).toEqual([
      { value: 1, kind: 'point', passes: false },
      { value: 2, kind: 'point', passes: true },
      { value: 3, kind: 'point', passes: true },
    ]);
  });

  it('knows which answers the form offers', () => {
    const m = { type: 'rating' as const, scale: '1-4' as const, pass_min: 3, allow_na: false };
    expect(isOffered(m, 4)).toBe(true);
    expect(isOffered(m, 5)).toBe(false);
    expect(isOffered(m, 'na')).toBe(false);
    expect(isOffered(m, 'yes')).toBe(false);
  });

  it('turns answers into radio values and back', () => {
    expect(answerToValue(3)).toBe('3');
    expect(answerToValue('na')).toBe('na');
    expect(answerToValue(null)).toBeNull();
    expect(answerToValue(undefined)).toBeNull();
    expect(valueToAnswer('3')).toBe(3);
    expect(valueToAnswer('yes')).toBe('yes');
    expect(valueToAnswer('')).toBeNull();
    expect(valueToAnswer('2.5')).toBeNull();
    expect(valueToAnswer('maybe')).toBeNull();
  });
});

describe('problems named by the server', () => {
  const issues = [
    { in: 'body', path: 'answers.SIGN-IN', code: 'unanswered', message: 'item "SIGN-IN" has no answer' },
    { in: 'body', path: 'answers.ENV.03', code: 'na_not_allowed', message: 'judge it' },
    { in: 'body', path: 'comments.SMILE', code: 'too_big', message: 'too long' },
    { in: 'body', path: 'answers.SIGN-IN', code: 'invalid_answer', message: 'odd' },
    { path: 'observed_at', message: 'in the future' },
  ];

  it('picks the item out of each path (ids may hold dots) and keeps the rest apart', () => {
    const { items, rest } = itemProblems(issues);
    expect(items.map((p) => [p.itemId, p.code, p.comment])).toEqual([
      ['SIGN-IN', 'unanswered', false],
      ['ENV.03', 'na_not_allowed', false],
      ['SMILE', 'too_big', true],
      ['SIGN-IN', 'invalid_answer', false],
    ]);
    expect(rest).toEqual(['in the future']);
    const by = problemsByItem(items);
    expect([...by.keys()]).toEqual(['SIGN-IN', 'ENV.03', 'SMILE']);
    expect(by.get('SIGN-IN')!.map((p) => p.code)).toEqual(['unanswered', 'invalid_answer']);
  });

  it('lets a problem go once its item is answered or its answer changed', () => {
    const { items } = itemProblems(issues);
    const then = { 'ENV.03': 'na' as const };
    expect(remainingProblems(items, then, then).length).toBe(4);
    const now = { 'ENV.03': 'yes' as const, 'SIGN-IN': 'yes' as const };
    const left = remainingProblems(items, then, now);
    // SIGN-IN's "unanswered" is gone; its invalid answer changed too (undefined → yes); the comment stays.
    expect(left.map((p) => [p.itemId, p.code])).toEqual([['SMILE', 'too_big']]);
  });
});

describe('percent', () => {
  it('rounds to one decimal without float noise', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(0.57)).toBe(57);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
  });
});
