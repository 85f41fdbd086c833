import { expect } from 'vitest';
import type { Db } from '../src/db/database';
import { PERIOD_KINDS, periodOfLocalDate } from '../src/core/time/period';
import { weekdayOf } from '../src/core/time/civil-date';

type Stored = [
  standard: string,
  version: number,
  verdict: 'pass' | 'fail' | 'na' | 'pending',
  day: number,
  reason: string,
];
const SLOT = { pass: 0, fail: 1, na: 2, pending: 3 } as const;

/**
 * Recounts every stored verdict (`interactions.verdicts`) into the roll-up keys by hand and
 * expects `rollups_unit` and `rollups_employee` to hold exactly those counts (rows of zeros
 * ignored), and `findings` exactly the fail and pending verdicts. Returns how many verdicts.
 */
export async function expectRollupsConsistent(db: Db): Promise<number> {
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'unit_id', 'employee_id', 'channel', 'verdicts'])
    .execute();
  const unit = new Map<string, number[]>();
  const employee = new Map<string, number[]>();
  const findings: string[] = [];
  let verdicts = 0;
  const bump = (m: Map<string, number[]>, key: string, slot: number) => {
    const c = m.get(key) ?? [0, 0, 0, 0];
    c[slot]! += 1;
    m.set(key, c);
  };
  for (const row of rows) {
    for (const [standard, version, verdict, day] of JSON.parse(row.verdicts) as Stored[]) {
      verdicts += 1;
      if (verdict !== 'pass') findings.push(`${row.id}|${standard}|${verdict}`);
      for (const grain of PERIOD_KINDS) {
        const period = periodOfLocalDate(grain, day, weekdayOf(day));
        const key = [grain, period, standard, version, row.unit_id, row.channel].join('|');
        bump(unit, key, SLOT[verdict]);
        bump(employee, `${key}|${row.employee_id ?? ''}`, SLOT[verdict]);
      }
    }
  }
  const live = <R extends { pass: number; fail: number; na: number; pending: number }>(
    list: R[],
    keyOf: (r: R) => string,
  ) =>
    Object.fromEntries(
      list
        .map((r) => [keyOf(r), [r.pass, r.fail, r.na, r.pending].map(Number)] as const)
        .filter(([, c]) => c.some((x) => x !== 0)),
    );
  const storedUnit = await db.selectFrom('rollups_unit').selectAll().execute();
  const storedEmployee = await db.selectFrom('rollups_employee').selectAll().execute();
  const unitKey = (r: (typeof storedUnit)[number]) =>
    [r.grain, r.period, r.standard, Number(r.version), r.unit_id, r.channel].join('|');
  expect(live(storedUnit, unitKey)).toEqual(Object.fromEntries(unit));
  expect(live(storedEmployee, (r) => `${unitKey(r)}|${r.employee_id}`)).toEqual(Object.fromEntries(employee));
  // Fail and pending verdicts are findings exactly; an `na` one may be kept or not, but never a stray.
  const storedFindings = await db
    .selectFrom('findings')
    .select(['interaction_id', 'standard', 'verdict'])
    .execute();
  const keys = storedFindings.map((f) => `${f.interaction_id}|${f.standard}|${f.verdict}`).sort();
  const isNa = (k: string) => k.endsWith('|na');
  expect(keys.filter((k) => !isNa(k))).toEqual(findings.filter((k) => !isNa(k)).sort());
  const na = new Set(findings.filter(isNa));
  expect(keys.filter((k) => isNa(k) && !na.has(k))).toEqual([]);
  return verdicts;
}
