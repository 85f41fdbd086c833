import { describe, expect, it } from 'vitest';
import { effectiveSettings, organizationZone, type OwnSettings } from './unit-settings';

// ORG ← HR ← HR-PAY, ORG ← IT
const links = new Map<string, string | null>([
  ['ORG', null],
  ['HR', 'ORG'],
  ['HR-PAY', 'HR'],
  ['IT', 'ORG'],
]);
const own = (timezone: string | null, calendar: string | null): OwnSettings => ({ timezone, calendar });

describe('effectiveSettings', () => {
  const settings = new Map([
    ['ORG', own('Europe/Moscow', 'office')],
    ['HR', own(null, 'hr-shifts')],
    ['HR-PAY', own(null, null)],
    ['IT', own('Asia/Yekaterinburg', null)],
  ]);

  it.each([
    ['ORG', 'Europe/Moscow', 'ORG', 'office', 'ORG'],
    ['HR', 'Europe/Moscow', 'ORG', 'hr-shifts', 'HR'],
    ['HR-PAY', 'Europe/Moscow', 'ORG', 'hr-shifts', 'HR'],
    ['IT', 'Asia/Yekaterinburg', 'IT', 'office', 'ORG'],
  ])('%s: time zone %s from %s, calendar %s from %s', (unit, tz, tzFrom, cal, calFrom) => {
    expect(effectiveSettings(links, settings, unit)).toEqual({
      timezone: { value: tz, from_unit_id: tzFrom },
      calendar: { value: cal, from_unit_id: calFrom },
    });
  });

  it('is null from nobody when no unit up the tree sets it', () => {
    const bare = new Map([['ORG', own(null, null)]]);
    expect(effectiveSettings(links, bare, 'HR-PAY')).toEqual({
      timezone: { value: null, from_unit_id: null },
      calendar: { value: null, from_unit_id: null },
    });
  });

  it('stops on damaged data with a loop instead of spinning', () => {
    const loop = new Map<string, string | null>([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(effectiveSettings(loop, new Map([['B', own('UTC', null)]]), 'A').timezone).toEqual({
      value: 'UTC',
      from_unit_id: 'B',
    });
  });
});

describe('organizationZone', () => {
  it("is the zone of the first root unit by code that sets one; children and zoneless roots don't count", () => {
    expect(
      organizationZone([
        { code: 'ZED', parent_id: null, timezone: 'Asia/Tokyo' },
        { code: 'BRANCH', parent_id: null, timezone: null },
        { code: 'HR', parent_id: 'x', timezone: 'America/New_York' },
        { code: 'ORG', parent_id: null, timezone: 'Europe/Moscow' },
      ]),
    ).toBe('Europe/Moscow');
  });

  it('is UTC when no root sets a zone', () => {
    expect(organizationZone([{ code: 'ORG', parent_id: null, timezone: null }])).toBe('UTC');
    expect(organizationZone([])).toBe('UTC');
  });
});
