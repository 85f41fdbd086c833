import { describe, expect, it } from 'vitest';
import { cellPercent, heatOf, percent } from './heat';

const cell = (compliance: number | null, target = 0.9, enough = true) => ({ compliance, target, enough });

describe('heatmap colour', () => {
  it('is green at or above the target', () => {
    expect(heatOf(cell(0.9))).toBe('good');
    expect(heatOf(cell(1))).toBe('good');
  });
  it('is amber within 5 points below the target, edge included', () => {
    expect(heatOf(cell(0.899))).toBe('near');
    expect(heatOf(cell(0.85))).toBe('near');
  });
  it('is red further below', () => {
    expect(heatOf(cell(0.849))).toBe('bad');
    expect(heatOf(cell(0, 0.8))).toBe('bad');
  });
  it('is grey with too few records, whatever the share', () => {
    expect(heatOf(cell(1, 0.9, false))).toBe('few');
    expect(heatOf(cell(0.2, 0.9, false))).toBe('few');
  });
  it('says nothing when nothing was judged', () => {
    expect(heatOf(cell(null))).toBe('none');
    expect(heatOf(undefined)).toBe('none');
  });
});

describe('percent', () => {
  it('rounds to whole percents without claiming 100 or 0 falsely', () => {
    expect(percent(0.857)).toBe('86');
    expect(percent(1)).toBe('100');
    expect(percent(0.9996)).toBe('99.9');
    expect(percent(0.001)).toBe('0.1');
    expect(percent(0)).toBe('0');
  });
});

describe('cell percent', () => {
  it('shows a decimal when rounding would reach a threshold the cell is below', () => {
    expect(cellPercent(0.896, 0.9)).toBe('89.6');
    expect(cellPercent(0.8496, 0.9)).toBe('84.9');
    expect(cellPercent(0.9, 0.9)).toBe('90');
    expect(cellPercent(0.904, 0.9)).toBe('90');
    expect(cellPercent(0.7, 0.9)).toBe('70');
  });
});
