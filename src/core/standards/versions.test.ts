import { describe, expect, it } from 'vitest';
import { versionInForce, withEffectiveUntil } from './versions';

const v = (version: number, effective_from: string) => ({ version, effective_from });

describe('versionInForce', () => {
  const versions = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-03-01T00:00:00Z')];

  it('is the latest version that has taken effect', () => {
    expect(versionInForce(versions, '2026-02-10T00:00:00Z')?.version).toBe(1);
    expect(versionInForce(versions, '2026-03-01T00:00:00Z')?.version).toBe(2);
    expect(versionInForce(versions, '2027-01-01T00:00:00Z')?.version).toBe(2);
  });

  it('is undefined before the first version takes effect', () => {
    expect(versionInForce(versions, '2025-12-31T23:59:59Z')).toBeUndefined();
  });

  it('goes by effective date, not by version number, and a tie goes to the later version', () => {
    const odd = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-06-01T00:00:00Z'), v(3, '2026-04-01T00:00:00Z')];
    expect(versionInForce(odd, '2026-05-01T00:00:00Z')?.version).toBe(3);
    expect(versionInForce(odd, '2026-07-01T00:00:00Z')?.version).toBe(2);
    const tie = [v(1, '2026-01-01T00:00:00Z'), v(2, '2026-01-01T00:00:00Z')];
    expect(versionInForce(tie, '2026-01-02T00:00:00Z')?.version).toBe(2);
  });
});

describe('withEffectiveUntil', () => {
  it('ends each version when the next in time begins, newest version first', () => {
    const out = withEffectiveUntil([v(1, '2026-01-01T00:00:00Z'), v(2, '2026-03-01T00:00:00Z')]);
    expect(out.map((x) => [x.version, x.effective_until])).toEqual([
      [2, null],
      [1, '2026-03-01T00:00:00Z'],
    ]);
  });
});
