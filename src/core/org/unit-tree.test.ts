import { describe, expect, it } from 'vitest';
import { ancestorsOf, nestUnits, wouldCreateCycle, type ParentLinks } from './unit-tree';

// ORG ← HR ← HR-PAY, ORG ← IT; LEGAL is a second root.
const LINKS: ParentLinks = new Map([
  ['ORG', null],
  ['HR', 'ORG'],
  ['HR-PAY', 'HR'],
  ['IT', 'ORG'],
  ['LEGAL', null],
]);

describe('unit tree', () => {
  it.each([
    ['ORG', []],
    ['HR', ['ORG']],
    ['HR-PAY', ['HR', 'ORG']],
    ['LEGAL', []],
    ['UNKNOWN', []],
  ])('ancestors of %s are %j', (unit, expected) => {
    expect(ancestorsOf(LINKS, unit)).toEqual(expected);
  });

  it('stops on damaged data instead of looping', () => {
    const loop: ParentLinks = new Map([
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'A'],
    ]);
    expect(ancestorsOf(loop, 'A')).toEqual(['B', 'C']);
  });

  it.each([
    ['HR', 'HR', true],
    ['HR', 'HR-PAY', true],
    ['ORG', 'HR-PAY', true],
    ['ORG', 'IT', true],
    ['HR-PAY', 'ORG', false],
    ['HR-PAY', 'IT', false],
    ['HR', 'LEGAL', false],
    ['LEGAL', 'HR-PAY', false],
    ['HR', null, false],
    ['NEW', 'HR', false],
  ] as const)('moving %s under %s makes a cycle: %s', (unit, parent, expected) => {
    expect(wouldCreateCycle(LINKS, unit, parent)).toBe(expected);
  });

  it('nests a flat list, keeping sibling order; orphans become roots', () => {
    const tree = nestUnits([
      { id: 'ORG', parent_id: null },
      { id: 'IT', parent_id: 'ORG' },
      { id: 'HR', parent_id: 'ORG' },
      { id: 'HR-PAY', parent_id: 'HR' },
      { id: 'ORPHAN', parent_id: 'GONE' },
    ]);
    const shape = (nodes: typeof tree): unknown => nodes.map((n) => ({ [n.id]: shape(n.children) }));
    expect(shape(tree)).toEqual([{ ORG: [{ IT: [] }, { HR: [{ 'HR-PAY': [] }] }] }, { ORPHAN: [] }]);
  });
});
