import { describe, expect, it } from 'vitest';
import {
  clampSection,
  firstIncompleteSection,
  firstSectionWithItems,
  hasNext,
  hasPrevious,
  nextSection,
  overallProgress,
  previousSection,
  sectionOfItem,
  sectionProgress,
} from './sections';

const sections = [
  { id: 'behaviour', items: [{ id: 'SMILE' }, { id: 'EYES' }] },
  { id: 'environment', items: [{ id: 'TIDY' }, { id: 'SIGN-IN' }, { id: 'DRESS' }] },
  { id: 'closing', items: [{ id: 'BYE' }] },
];

describe('progress through the sections', () => {
  it('counts answered items per section, N/A included, null not', () => {
    const p = sectionProgress(sections, { SMILE: 5, EYES: 'na', TIDY: null, 'SIGN-IN': 'yes' });
    expect(p).toEqual([
      { sectionId: 'behaviour', answered: 2, total: 2, complete: true },
      { sectionId: 'environment', answered: 1, total: 3, complete: false },
      { sectionId: 'closing', answered: 0, total: 1, complete: false },
    ]);
    expect(overallProgress(p)).toBeCloseTo(3 / 6, 10);
    expect(firstIncompleteSection(p)).toBe(1);
  });

  it('knows when everything is answered', () => {
    const all = { SMILE: 1, EYES: 2, TIDY: 'no', 'SIGN-IN': 'yes', DRESS: 3, BYE: 'yes' };
    const p = sectionProgress(sections, all);
    expect(firstIncompleteSection(p)).toBe(-1);
    expect(overallProgress(p)).toBe(1);
    expect(overallProgress([])).toBe(1);
  });
});

describe('next and previous', () => {
  it('stop at the ends', () => {
    expect(nextSection(0, 3)).toBe(1);
    expect(nextSection(2, 3)).toBe(2);
    expect(previousSection(1, 3)).toBe(0);
    expect(previousSection(0, 3)).toBe(0);
    expect(hasNext(1, 3)).toBe(true);
    expect(hasNext(2, 3)).toBe(false);
    expect(hasPrevious(0)).toBe(false);
    expect(hasPrevious(2)).toBe(true);
  });

  it('keep an index from a stale state or the address within the form', () => {
    expect(clampSection(7, 3)).toBe(2);
    expect(clampSection(-2, 3)).toBe(0);
    expect(clampSection(Number.NaN, 3)).toBe(0);
    expect(clampSection(1.7, 3)).toBe(1);
    expect(clampSection(4, 0)).toBe(0);
  });
});

describe('finding an item', () => {
  it('gives the section that holds an item, or -1', () => {
    expect(sectionOfItem(sections, 'DRESS')).toBe(1);
    expect(sectionOfItem(sections, 'BYE')).toBe(2);
    expect(sectionOfItem(sections, 'NOPE')).toBe(-1);
  });

  it('opens the first section, in form order, with a named problem', () => {
    expect(firstSectionWithItems(sections, ['BYE', 'DRESS'])).toBe(1);
    expect(firstSectionWithItems(sections, ['NOPE'])).toBe(-1);
    expect(firstSectionWithItems(sections, [])).toBe(-1);
  });
});
