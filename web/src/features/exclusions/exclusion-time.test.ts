import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso, zoneOffsetMinutes } from './exclusion-time';

describe('datetime-local ↔ ISO in the organization zone', () => {
  it('writes the wall time with the offset of that zone at that moment', () => {
    expect(localToIso('2026-03-08T09:00', 'Europe/Moscow')).toBe('2026-03-08T09:00:00+03:00');
    expect(localToIso('2026-01-15T23:30', 'America/New_York')).toBe('2026-01-15T23:30:00-05:00');
    expect(localToIso('2026-07-15T23:30', 'America/New_York')).toBe('2026-07-15T23:30:00-04:00');
    expect(localToIso('2026-07-15T12:00', 'Asia/Kolkata')).toBe('2026-07-15T12:00:00+05:30');
    expect(localToIso('2026-07-15T12:00', 'UTC')).toBe('2026-07-15T12:00:00+00:00');
  });

  it('moves a time skipped by DST forward and takes the first of a time that happens twice', () => {
    expect(localToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
    expect(localToIso('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('refuses what is not a datetime-local value or not a real date', () => {
    expect(localToIso('', 'UTC')).toBeUndefined();
    expect(localToIso('2026-02-30T10:00', 'UTC')).toBeUndefined();
    expect(localToIso('2026-03-08 09:00', 'UTC')).toBeUndefined();
  });

  it('shows an instant as the wall time of the zone, whatever offset it was sent with', () => {
    expect(isoToLocal('2026-03-08T06:00:00.000Z', 'Europe/Moscow')).toBe('2026-03-08T09:00');
    expect(isoToLocal('2026-03-08T09:00:00+03:00', 'Asia/Kolkata')).toBe('2026-03-08T11:30');
    expect(isoToLocal('nonsense', 'UTC')).toBe('');
    const iso = localToIso('2026-11-01T01:15', 'America/New_York')!;
    expect(isoToLocal(iso, 'America/New_York')).toBe('2026-11-01T01:15');
  });

  it('knows the offset of a zone at an instant', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'Europe/Berlin')).toBe(60);
  });
});
