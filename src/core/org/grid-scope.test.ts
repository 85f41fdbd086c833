import { describe, expect, it } from 'vitest';
import { headCoversUnit } from './grid-scope';
import type { ParentLinks } from './unit-tree';

// ORG ← HR ← HR-PAY ← HR-PAY-1, ORG ← IT; LEGAL is a second root.
const LINKS: ParentLinks = new Map([
  ['ORG', null],
  ['HR', 'ORG'],
  ['HR-PAY', 'HR'],
  ['HR-PAY-1', 'HR-PAY'],
  ['IT', 'ORG'],
  ['LEGAL', null],
]);

describe('a head covers a provider', () => {
  it.each([
    [['HR'], 'HR', true],
    [['HR'], 'HR-PAY', true],
    [['HR'], 'HR-PAY-1', true],
    [['HR'], 'ORG', false],
    [['HR'], 'IT', false],
    [['HR'], 'LEGAL', false],
    [['HR-PAY'], 'HR', false],
    [['IT', 'LEGAL'], 'LEGAL', true],
    [['IT', 'LEGAL'], 'HR-PAY', false],
    [['ORG'], 'HR-PAY-1', true],
    [[], 'HR', false],
    [['HR'], 'UNKNOWN', false],
  ] as const)('heading %j covers %s: %s', (headed, unit, expected) => {
    expect(headCoversUnit(LINKS, headed, unit)).toBe(expected);
  });

  it('stops on damaged data (a cycle) instead of looping', () => {
    const loop: ParentLinks = new Map([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(headCoversUnit(loop, ['C'], 'A')).toBe(false);
    expect(headCoversUnit(loop, ['B'], 'A')).toBe(true);
  });
});
