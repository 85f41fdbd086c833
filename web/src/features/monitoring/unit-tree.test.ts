import { describe, expect, it } from 'vitest';
import { subtreeCodes, treeOrder } from './unit-tree';

const u = (code: string, parent: string | null) => ({
  code,
  name_ru: null,
  name_en: null,
  parent_code: parent,
});
const units = [u('US', 'SALES'), u('HR', 'ORG'), u('SALES', 'ORG'), u('ORG', null), u('IT', 'ORG')];

describe('unit tree', () => {
  it('orders parents before children with their depth', () => {
    expect(treeOrder(units).map(({ unit, depth }) => `${depth}:${unit.code}`)).toEqual([
      '0:ORG',
      '1:HR',
      '1:IT',
      '1:SALES',
      '2:US',
    ]);
  });

  it('starts a tree where the parent is not visible', () => {
    expect(treeOrder([u('US', 'SALES'), u('HR', 'ORG')]).map((x) => x.depth)).toEqual([0, 0]);
  });

  it('takes a subtree', () => {
    expect([...subtreeCodes(units, 'SALES')].sort()).toEqual(['SALES', 'US']);
    expect(subtreeCodes(units, 'ORG').size).toBe(5);
  });
});
