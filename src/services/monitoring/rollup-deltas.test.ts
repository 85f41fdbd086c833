import { describe, expect, it } from 'vitest';
import { RollupDeltas, type RollupDeltasState } from './rollup-deltas';
import type { VerdictKind } from '../../core/compliance/verdict';

const KINDS: VerdictKind[] = ['pass', 'fail', 'na', 'pending'];

/** A state as `key → [pass, fail, na, pending]`, zero slots left out. */
function countsOf(state: RollupDeltasState): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let slot = 0; slot < state.slotDay.length; slot++) {
    const g = state.groups[state.slotGroup[slot]!]!;
    const sv = state.svs[state.slotSv[slot]!]!;
    const c = [...state.counts.subarray(4 * slot, 4 * slot + 4)];
    if (c.every((n) => n === 0)) continue;
    const key = [g.unit, g.employee, g.channel, sv.standard, sv.version, state.slotDay[slot]].join('|');
    const known = out.get(key) ?? [0, 0, 0, 0];
    out.set(
      key,
      known.map((n, i) => n + c[i]!),
    );
  }
  return out;
}

/** Verdicts on many days (more slots than the counts array starts with). */
function verdicts(days: number, offset = 0) {
  return Array.from({ length: days }, (_, i) => ({
    standard: i % 3 === 0 ? 'TEL-01' : 'MAIL-01',
    version: 1 + (i % 2),
    verdict: KINDS[(i + offset) % 4]!,
    day: 20_000 + i - 600,
  }));
}

describe('roll-up deltas', () => {
  it('count per day slot, past the first thousand slots, and uncount to nothing', () => {
    const d = new RollupDeltas();
    d.addJudged('phone', 'u1', '', verdicts(1500), 1);
    d.addJudged('phone', 'u1', 'e1', verdicts(1500), 1);
    d.addJudged('phone', 'u1', 'e1', verdicts(1500), 1);
    const counts = countsOf(d.state());
    expect(counts.size).toBe(3000);
    // Every slot written after the counts array grew kept its count.
    expect(counts.get('u1|e1|phone|TEL-01|2|' + (20_000 + 1497 - 600))).toEqual([0, 2, 0, 0]);
    expect(counts.get('u1||phone|MAIL-01|2|' + (20_000 + 1499 - 600))).toEqual([0, 0, 0, 1]);
    d.addJudged('phone', 'u1', '', verdicts(1500), -1);
    d.add(
      { unit_id: 'u1', employee_id: 'e1', channel: 'phone' },
      verdicts(1500).map((v) => [v.standard, v.version, v.verdict, v.day, '']),
      -1,
    );
    // What is left: the employee's verdicts counted once each.
    expect([...countsOf(d.state()).values()].every((c) => c[0]! + c[1]! + c[2]! + c[3]! === 1)).toBe(true);
    expect(countsOf(d.state()).size).toBe(1500);
  });

  it('merge what another counted, as if counted here', () => {
    const a = new RollupDeltas();
    a.addJudged('email', 'u2', 'e2', verdicts(1200), 1);
    a.addJudged('phone', 'u1', '', verdicts(300, 1), 1);
    const b = new RollupDeltas();
    b.addJudged('phone', 'u1', '', verdicts(300, 2), 1);
    b.merge(a.state());
    const direct = new RollupDeltas();
    direct.addJudged('phone', 'u1', '', verdicts(300, 2), 1);
    direct.addJudged('email', 'u2', 'e2', verdicts(1200), 1);
    direct.addJudged('phone', 'u1', '', verdicts(300, 1), 1);
    expect(countsOf(b.state())).toEqual(countsOf(direct.state()));
    expect(countsOf(b.state()).size).toBe(1500);
  });
});
