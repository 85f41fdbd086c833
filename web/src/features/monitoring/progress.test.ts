import { describe, expect, it } from 'vitest';
import { rejudgeProgress } from './progress';

describe('re-judging progress', () => {
  it('weighs runs by their records and rounds down', () => {
    expect(rejudgeProgress([{ total: 1000, done: 450 }])).toBe(45);
    expect(
      rejudgeProgress([
        { total: 300, done: 300 },
        { total: 100, done: 0 },
      ]),
    ).toBe(75);
    expect(rejudgeProgress([{ total: 1000, done: 999 }])).toBe(99);
  });
  it('is 0 before anything is counted and never passes 100', () => {
    expect(rejudgeProgress([])).toBe(0);
    expect(rejudgeProgress([{ total: 0, done: 0 }])).toBe(0);
    expect(rejudgeProgress([{ total: 10, done: 12 }])).toBe(100);
  });
});
