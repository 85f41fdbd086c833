import { describe, expect, it } from 'vitest';
import { parseFilters, quickRange, quickRangeOf, serializeFilters, validDay } from './filters';

const today = new Date(2026, 10, 27); // 27 Nov 2026, local

describe('quick ranges', () => {
  it('cover whole months and quarters around today', () => {
    expect(quickRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(quickRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(quickRange('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quickRange('last12Months', today)).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });

  it('cross the year back in January and know February', () => {
    const jan = new Date(2028, 0, 15);
    expect(quickRange('lastMonth', jan)).toEqual({ from: '2027-12-01', to: '2027-12-31' });
    expect(quickRange('thisQuarter', jan)).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quickRange('thisMonth', new Date(2028, 1, 3))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('are recognised back from a range', () => {
    expect(quickRangeOf({ from: '2026-10-01', to: '2026-12-31' }, today)).toBe('thisQuarter');
    expect(quickRangeOf({ from: '2026-10-02', to: '2026-12-31' }, today)).toBeNull();
  });
});

describe('URL filters', () => {
  it('read every filter and write them back the same', () => {
    const qs = 'from=2026-03-01&to=2026-03-31&unit=SALES&channel=phone&standard=TEL-01&trend=TEL-02';
    const f = parseFilters(new URLSearchParams(qs), today);
    expect(f).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      unit: 'SALES',
      channel: 'phone',
      standard: 'TEL-01',
      trend: 'TEL-02',
    });
    expect(serializeFilters(f).toString()).toBe(qs);
  });

  it('fall back to the last 12 months and nothing narrowed', () => {
    const f = parseFilters(new URLSearchParams(''), today);
    expect(f).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
      unit: null,
      channel: null,
      standard: null,
      trend: null,
    });
    expect(serializeFilters(f).toString()).toBe('from=2025-12-01&to=2026-11-30');
  });

  it('ignore malformed values and put a backwards range right', () => {
    const f = parseFilters(
      new URLSearchParams('from=2026-02-30&to=2026-03-01&channel=fax&unit=a%20b'),
      today,
    );
    expect(f.from).toBe('2025-12-01');
    expect(f.channel).toBeNull();
    expect(f.unit).toBeNull();
    const back = parseFilters(new URLSearchParams('from=2026-05-01&to=2026-04-01'), today);
    expect([back.from, back.to]).toEqual(['2026-04-01', '2026-05-01']);
  });

  it('accept only real calendar days', () => {
    expect(validDay('2026-02-28')).toBe('2026-02-28');
    expect(validDay('2026-02-29')).toBeNull();
    expect(validDay('2026-2-1')).toBeNull();
    expect(validDay(null)).toBeNull();
  });
});
