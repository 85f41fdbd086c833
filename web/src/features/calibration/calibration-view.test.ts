import { describe, expect, it } from 'vitest';
import {
  cell,
  formatAlpha,
  incompleteSubjects,
  issuesBySubject,
  leniencyBars,
  progressOf,
  withCell,
} from './calibration-view';

const item = (id: string) => ({ id }) as never;
const detail = {
  subject_list: [{ id: 's1' }, { id: 's2' }] as never,
  sections: [{ id: 'a', title: null, items: [item('SMILE'), item('TIDY')] }] as never,
};

describe('calibration view', () => {
  it('counts answers given over subjects × items and names the subjects still open', () => {
    const answers = { s1: { SMILE: 4, TIDY: 'na' as const }, s2: { TIDY: 'yes' as const } };
    expect(progressOf(detail, answers)).toEqual({ done: 3, total: 4 });
    expect([...incompleteSubjects(detail, answers)]).toEqual(['s2']);
    expect(progressOf(detail, {})).toEqual({ done: 0, total: 4 });
  });

  it('writes alpha with three decimals in the reader’s language, nothing when undefined', () => {
    expect(formatAlpha(0.30434, 'en')).toBe('0.304');
    expect(formatAlpha(0.30434, 'ru')).toBe('0,304');
    expect(formatAlpha(-0.1, 'en')).toBe('-0.100');
    expect(formatAlpha(null, 'en')).toBeNull();
  });

  it('groups the server’s issues by subject and item, ignoring other paths', () => {
    const grouped = issuesBySubject([
      { path: 'answers.s1.SMILE', code: 'unanswered', message: 'a' },
      { path: 'answers.s1.SIGN-IN', code: 'na_not_allowed', message: 'b' },
      { path: 'answers.s2.TIDY', message: 'c' },
      { path: 'title', message: 'd' },
    ]);
    expect([...grouped.keys()]).toEqual(['s1', 's2']);
    expect(grouped.get('s1')!.get('SIGN-IN')).toEqual([{ code: 'na_not_allowed', message: 'b' }]);
    expect(grouped.get('s2')!.get('TIDY')).toEqual([{ code: 'invalid', message: 'c' }]);
  });

  it('draws ordinal leniency both ways from a zero line, scaled to the largest deviation', () => {
    const { bars, zeroX, max } = leniencyBars(
      [
        { label: 'A', value: 0.5 },
        { label: 'B', value: -2 },
        { label: 'C', value: null },
      ],
      'ordinal',
      200,
    );
    expect(zeroX).toBe(100);
    expect(max).toBe(2);
    expect(bars[0]).toMatchObject({ x: 100, width: 25 });
    expect(bars[1]).toMatchObject({ x: 0, width: 100 });
    expect(bars[2]).toMatchObject({ x: 100, width: 0, value: null });
    // Small deviations are not blown up to the full width: the scale is at least one point.
    expect(leniencyBars([{ label: 'A', value: 0.25 }], 'ordinal', 200).bars[0]!.width).toBe(25);
  });

  it('draws nominal leniency as a share from the left edge', () => {
    const { bars } = leniencyBars(
      [
        { label: 'A', value: 0.25 },
        { label: 'B', value: 0 },
      ],
      'nominal',
      200,
    );
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [0, 50],
      [0, 0],
    ]);
  });

  it('reads and writes only own entries, whatever the ids are called', () => {
    const empty: Record<string, Record<string, number | 'yes'>> = {};
    const grid = withCell(withCell(empty, 'constructor', 'toString', 3), 's1', '__proto__', 'yes');
    expect(cell(grid, 'constructor', 'toString')).toBe(3);
    expect(cell(grid, 's1', '__proto__')).toBe('yes');
    expect(cell(grid, 's1', 'constructor')).toBeUndefined();
    expect(cell({}, 'constructor', 'name')).toBeUndefined();
    expect(Object.getPrototypeOf(grid.s1)).toBe(Object.prototype);
    const cleared = withCell(grid, 'constructor', 'toString', undefined);
    expect(cleared.constructor).toEqual({});
    expect(grid.constructor).toEqual({ toString: 3 });
    expect(progressOf(detail, withCell({}, 's1', 'SMILE', 4))).toEqual({ done: 1, total: 4 });
  });
});
