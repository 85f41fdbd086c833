import { describe, expect, it } from 'vitest';
import { compareCodes, depthFirst } from './grid-layout';

const u = (id: string, parent_id: string | null = null) => ({ id, parent_id });

describe('units in tree order', () => {
  it('walks depth first, keeping sibling order, with depths', () => {
    const order = depthFirst([u('ORG'), u('HR', 'ORG'), u('IT', 'ORG'), u('HR-PAY', 'HR'), u('LEGAL')]);
    expect(order.map((o) => [o.unit.id, o.depth])).toEqual([
      ['ORG', 0],
      ['HR', 1],
      ['HR-PAY', 2],
      ['IT', 1],
      ['LEGAL', 0],
    ]);
  });

  it('treats a unit whose parent is missing as a root, and keeps the very objects', () => {
    const pay = { id: 'HR-PAY', parent_id: 'HR', code: 'x' };
    const order = depthFirst([pay, u('OPS')]);
    expect(order.map((o) => [o.unit.id, o.depth])).toEqual([
      ['HR-PAY', 0],
      ['OPS', 0],
    ]);
    expect(order[0]!.unit).toBe(pay);
  });

  it('answers an empty list with an empty list', () => {
    expect(depthFirst([])).toEqual([]);
  });
});

describe('codes in the grid’s order', () => {
  it('ignores case first, then puts upper case first, comparing code points (- . _ in that order)', () => {
    const codes = ['z', 'Z_1', 'Z.1', 'Z', 'Z-1', 'A'].map((code) => ({ code }));
    expect(codes.sort(compareCodes).map((c) => c.code)).toEqual(['A', 'Z', 'z', 'Z-1', 'Z.1', 'Z_1']);
  });
});
