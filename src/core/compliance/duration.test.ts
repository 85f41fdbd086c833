import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['4h', 4 * 3600_000],
    ['90m', 90 * 60_000],
    ['1h30m', 90 * 60_000],
    ['45s', 45_000],
    ['2d', 2 * 86_400_000],
    ['1d2h3m4s', ((26 * 60 + 3) * 60 + 4) * 1000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '4 h', '1.5h', 'h', '30m1h'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [21_300, '21.3 s'],
    [60_000, '1 min'],
    [61_000, '1 min 01 s'],
    [14_460_000, '4 h 01 min'],
    [4 * 3600_000, '4 h 00 min'],
    [27 * 3600_000, '1 d 3 h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
