import { describe, expect, it } from 'vitest';
import { newId } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  it('is a UUID version 7 carrying the given millisecond', () => {
    for (const ms of [0, 1, Date.UTC(2026, 0, 1), Date.UTC(2026, 2, 2, 9), 2 ** 48 - 1]) {
      const id = newId(ms);
      expect(id).toMatch(UUID_V7);
      expect(msOf(id)).toBe(ms);
    }
    expect(newId(Date.UTC(2026, 0, 1)).startsWith('019b7')).toBe(true);
  });

  it('sorts by time across milliseconds, as text', () => {
    const ids = [3, 1, 2].map((minute) => newId(Date.UTC(2026, 2, 2, 9, minute)));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('sorts in the order made within one millisecond', () => {
    const ms = Date.UTC(2026, 2, 2, 9);
    const ids = Array.from({ length: 2000 }, () => newId(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(UUID_V7);
      expect(msOf(id)).toBe(ms);
    }
  });

  it('is random between milliseconds', () => {
    const a = newId(Date.UTC(2026, 2, 2, 9));
    const b = newId(Date.UTC(2026, 2, 2, 10));
    newId(Date.UTC(2026, 2, 2, 9, 30));
    const c = newId(Date.UTC(2026, 2, 2, 9));
    expect(c).not.toBe(a);
    expect(a.slice(14)).not.toBe(b.slice(14));
  });
});
