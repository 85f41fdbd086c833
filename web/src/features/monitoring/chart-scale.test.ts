import { describe, expect, it } from 'vitest';
import { labelEvery, trendGrain, xOf, yDomain, yOf, yTicks, type Box } from './chart-scale';

const box: Box = { width: 400, height: 200, top: 10, right: 20, bottom: 30, left: 40 };

describe('trend chart scales', () => {
  it('spread points across the plot, one point in the middle', () => {
    expect(xOf(0, 3, box)).toBe(40);
    expect(xOf(2, 3, box)).toBe(380);
    expect(xOf(1, 3, box)).toBe(210);
    expect(xOf(0, 1, box)).toBe(210);
  });

  it('map compliance up the plot', () => {
    expect(yOf(1, [0, 1], box)).toBe(10);
    expect(yOf(0, [0, 1], box)).toBe(170);
    expect(yOf(0.75, [0.5, 1], box)).toBe(90);
  });

  it('start the axis a round 10 % below the lowest value, never above 90 % nor below 0', () => {
    expect(yDomain([0.93, 0.97, 0.9])).toEqual([0.8, 1]);
    expect(yDomain([0.99, 1])).toEqual([0.9, 1]);
    expect(yDomain([0.02])).toEqual([0, 1]);
    expect(yDomain([])).toEqual([0, 1]);
  });

  it('tick round values up to 100 %', () => {
    expect(yTicks([0.8, 1])).toEqual([0.8, 0.9, 1]);
    expect(yTicks([0, 1])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(yTicks([0.4, 1])).toEqual([0.4, 0.6, 0.8, 1]);
  });

  it('thin out x labels that would overlap', () => {
    expect(labelEvery(12, 600, 50)).toBe(1);
    expect(labelEvery(52, 300, 50)).toBe(9);
    expect(labelEvery(1, 10, 50)).toBe(1);
  });
});

describe('trend grain', () => {
  it("keeps the standard's own period while the points fit", () => {
    expect(trendGrain('day', '2026-11-01', '2026-11-30')).toBe('day');
    expect(trendGrain('month', '2025-12-01', '2026-11-30')).toBe('month');
  });
  it('coarsens a daily or weekly standard over a long range, never finer than its own', () => {
    expect(trendGrain('day', '2025-12-01', '2026-11-30')).toBe('week');
    expect(trendGrain('week', '2023-01-01', '2026-12-31')).toBe('month');
    expect(trendGrain('quarter', '2026-01-01', '2026-01-31')).toBe('quarter');
  });
});
