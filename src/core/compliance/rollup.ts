import type { VerdictKind } from './verdict';

/** One row of compliance: a standard in a unit (and for an employee) over one period. */
export interface RollupRow {
  standard: string;
  unit: string;
  /** Present when rolling up by employee; null for records without one. */
  employee?: string | null;
  period: string;
  pass: number;
  fail: number;
  na: number;
  pending: number;
  /** pass / (pass + fail); null when nothing was judged. */
  compliance: number | null;
  target: number;
  /** compliance ≥ target; null when compliance is null. */
  met: boolean | null;
}

interface Counts {
  standard: string;
  unit: string;
  employee: string | null;
  period: string;
  target: number;
  pass: number;
  fail: number;
  na: number;
  pending: number;
}

/** Counts one standard's verdicts (see Rollup.forStandard). */
export interface StandardCounter {
  add(unit: string, employee: string | undefined, period: string, kind: VerdictKind): void;
}

/**
 * Counts verdicts per (standard, unit [, employee], period) as they stream by, in memory
 * proportional to the number of rows, not records. `rows()` sorts by standard, unit, employee, period.
 * Example: add('TEL-01', 'HR', null, '2026-03', 0.9, 'pass') ×9 and 'fail' ×1 → compliance 0.9, met true.
 */
export class Rollup {
  /**
   * standard → unit + employee → period → counts, in nested maps: no key string is built per
   * verdict (this runs for every record × standard).
   */
  readonly #tree = new Map<string, Map<string, Map<string, Counts>>>();
  readonly #all: Counts[] = [];
  constructor(readonly by: 'unit' | 'employee') {}

  add(
    standard: string,
    unit: string,
    employee: string | undefined,
    period: string,
    target: number,
    kind: VerdictKind,
  ) {
    this.forStandard(standard, target).add(unit, employee, period, kind);
  }

  /**
   * The counter of one standard, to keep across records: the engine holds one per standard and
   * skips looking the standard up for every verdict.
   */
  forStandard(standard: string, target: number): StandardCounter {
    let byGroup = this.#tree.get(standard);
    if (!byGroup) {
      byGroup = new Map();
      this.#tree.set(standard, byGroup);
    }
    const groups = byGroup;
    const byEmployee = this.by === 'employee';
    const all = this.#all;
    return {
      add(unit, employee, period, kind) {
        const emp = byEmployee ? (employee ?? null) : null;
        const group = emp === null ? unit : `${unit}\u0000${emp}`;
        let byPeriod = groups.get(group);
        if (!byPeriod) {
          byPeriod = new Map();
          groups.set(group, byPeriod);
        }
        let counts = byPeriod.get(period);
        if (!counts) {
          counts = { standard, unit, employee: emp, period, target, pass: 0, fail: 0, na: 0, pending: 0 };
          byPeriod.set(period, counts);
          all.push(counts);
        }
        counts[kind] += 1;
      },
    };
  }

  rows(): RollupRow[] {
    return [...this.#all].sort(compareRows).map((c) => {
      const judged = c.pass + c.fail;
      const compliance = judged === 0 ? null : c.pass / judged;
      return {
        standard: c.standard,
        unit: c.unit,
        ...(this.by === 'employee' ? { employee: c.employee } : {}),
        period: c.period,
        pass: c.pass,
        fail: c.fail,
        na: c.na,
        pending: c.pending,
        compliance,
        target: c.target,
        met: compliance === null ? null : compliance >= c.target,
      };
    });
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of result rows (`etalon evaluate`, the compliance API): by standard, unit, employee —
 * records without an employee last within a unit — and period.
 */
export function compareRows(
  a: { standard: string; unit: string; employee?: string | null | undefined; period: string },
  b: { standard: string; unit: string; employee?: string | null | undefined; period: string },
): number {
  const ea = a.employee ?? null;
  const eb = b.employee ?? null;
  return (
    cmp(a.standard, b.standard) ||
    cmp(a.unit, b.unit) ||
    (ea === eb ? 0 : ea === null ? 1 : eb === null ? -1 : cmp(ea, eb)) ||
    cmp(a.period, b.period)
  );
}
