import { sql } from 'kysely';
import type { Channel } from '../../core/compliance/interaction';
import { compareRows, type RollupRow } from '../../core/compliance/rollup';
import { civilDateOf, parseIsoDate, weekdayOf } from '../../core/time/civil-date';
import { periodOfLocalDate, type PeriodKind } from '../../core/time/period';
import type { Db } from '../../db/database';
import type { Rules } from './rules';

/**
 * Reading results from the roll-ups. Every answer is a sum of roll-up rows (never a scan of
 * records), so a year over every unit costs a few thousand rows whatever the number of records.
 */

/** Who may see what: everything, or units (each a whole subtree, by id) and/or one employee's own. */
export type ReadScope =
  { all: true } | { all: false; unitIds: ReadonlySet<string>; employeeId: string | null };

export interface RowsFilter {
  /** Epoch days, inclusive. Periods that overlap them are taken whole. */
  fromDay: number;
  toDay: number;
  /** The period kind a standard's version is rolled up by in this answer. */
  grainOf: (standard: string, version: number) => PeriodKind;
  standards?: ReadonlySet<string> | undefined;
  /** Unit ids to keep (a subtree chosen by the caller); undefined = every unit. */
  unitIds?: ReadonlySet<string> | undefined;
  employeeId?: string | undefined;
  channel?: Channel | undefined;
  byEmployee: boolean;
  scope: ReadScope;
}

/** A summed row before it is dressed as a result: ids, and the highest version that counted. */
export interface SummedRow {
  standard: string;
  unitId: string;
  /** '' for records without an employee; undefined when not by employee. */
  employeeId?: string;
  period: string;
  version: number;
  pass: number;
  fail: number;
  na: number;
  pending: number;
}

export const dayOf = (iso: string): number => parseIsoDate(iso)!;

/** The key of the period of kind `grain` holding an epoch day. */
export const periodOfDay = (grain: PeriodKind, day: number) => periodOfLocalDate(grain, day, weekdayOf(day));

/**
 * Sums roll-up rows by standard, unit (and employee), period and version, for the filter.
 * Versions are kept apart here; `mergeVersions` joins them.
 */
export async function sumRollups(db: Db, rules: Rules, f: RowsFilter): Promise<SummedRow[]> {
  const scopeEmployee = f.scope.all ? undefined : f.scope.employeeId;
  const onlyOwn = !f.scope.all && f.scope.unitIds.size === 0;
  if (onlyOwn && scopeEmployee === null) return [];
  const employeeId = onlyOwn ? scopeEmployee! : f.employeeId;
  if (onlyOwn && f.employeeId !== undefined && f.employeeId !== scopeEmployee) return [];
  const useEmployeeTable = f.byEmployee || employeeId !== undefined;

  // Which grains are asked for, and by which standards.
  const byGrain = new Map<PeriodKind, Set<string>>();
  for (const [code, versions] of rules.versions) {
    if (f.standards && !f.standards.has(code)) continue;
    for (const v of versions.values()) {
      const g = f.grainOf(code, v.version);
      let set = byGrain.get(g);
      if (!set) byGrain.set(g, (set = new Set()));
      set.add(code);
    }
  }
  const out: SummedRow[] = [];
  for (const [grain, codes] of byGrain) {
    const pFrom = periodOfDay(grain, f.fromDay);
    const pTo = periodOfDay(grain, f.toDay);
    const list = [...codes];
    // One query for both tables: the employee table only adds its column to the grouping.
    const employee = sql.ref<string>('employee_id');
    const rows: Array<Record<string, unknown>> = await db
      .selectFrom(useEmployeeTable ? 'rollups_employee' : 'rollups_unit')
      .select((eb) => [
        'period',
        'standard',
        'version',
        'unit_id',
        eb.fn.sum<number>('pass').as('pass'),
        eb.fn.sum<number>('fail').as('fail'),
        eb.fn.sum<number>('na').as('na'),
        eb.fn.sum<number>('pending').as('pending'),
      ])
      .where('grain', '=', grain)
      .where('period', '>=', pFrom)
      .where('period', '<=', pTo)
      .where('standard', 'in', list)
      .$if(f.channel !== undefined, (q) => q.where('channel', '=', f.channel!))
      .$if(useEmployeeTable, (q) => q.select(employee.as('employee_id')).groupBy(employee))
      .$if(employeeId !== undefined, (q) => q.where(employee, '=', employeeId!))
      .groupBy(['period', 'standard', 'version', 'unit_id'])
      .execute();
    for (const r of rows) {
      const standard = r.standard as string;
      const version = Number(r.version);
      if (f.grainOf(standard, version) !== grain) continue;
      const unitId = r.unit_id as string;
      if (f.unitIds && !f.unitIds.has(unitId)) continue;
      if (!f.scope.all && !onlyOwn && !f.scope.unitIds.has(unitId)) continue;
      const row: SummedRow = {
        standard,
        unitId,
        period: r.period as string,
        version,
        pass: Number(r.pass),
        fail: Number(r.fail),
        na: Number(r.na),
        pending: Number(r.pending),
      };
      if (f.byEmployee) row.employeeId = r.employee_id as string;
      out.push(row);
    }
  }
  return out;
}

/**
 * Joins the versions of each (standard, unit, employee, period): counts add up, the target is the
 * highest version's. Rows whose counts cancelled out to nothing are dropped.
 */
export function mergeVersions(rows: readonly SummedRow[]): SummedRow[] {
  const merged = new Map<string, SummedRow>();
  for (const r of rows) {
    const key = `${r.standard}\u0000${r.unitId}\u0000${r.employeeId ?? ''}\u0000${r.period}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...r });
    else {
      m.pass += r.pass;
      m.fail += r.fail;
      m.na += r.na;
      m.pending += r.pending;
      m.version = Math.max(m.version, r.version);
    }
  }
  return [...merged.values()].filter((r) => r.pass + r.fail + r.na + r.pending > 0);
}

/**
 * Summed rows as results, exactly as `etalon evaluate --format json` writes them: codes, not ids;
 * `employee` only when by employee (null for records without one); sorted by standard, unit,
 * employee (none last), period.
 */
export function asResults(rows: readonly SummedRow[], rules: Rules, byEmployee: boolean): RollupRow[] {
  return rows
    .map((r) => {
      const target = rules.versions.get(r.standard)!.get(r.version)!.target;
      const judged = r.pass + r.fail;
      const compliance = judged === 0 ? null : r.pass / judged;
      const unit = rules.unitsById.get(r.unitId)?.code ?? r.unitId;
      const employee =
        r.employeeId === undefined || r.employeeId === ''
          ? null
          : (rules.employeesById.get(r.employeeId)?.code ?? r.employeeId);
      return {
        standard: r.standard,
        unit,
        ...(byEmployee ? { employee } : {}),
        period: r.period,
        pass: r.pass,
        fail: r.fail,
        na: r.na,
        pending: r.pending,
        compliance,
        target,
        met: compliance === null ? null : compliance >= target,
      };
    })
    .sort(compareRows);
}

/**
 * The coarsest period kind whose periods tile [fromDay, toDay] exactly, so sums over a range read
 * the fewest rows: a whole quarter → quarter, whole months → month, Monday–Sunday → week, else day.
 */
export function alignedGrain(fromDay: number, toDay: number): PeriodKind {
  const a = civilDateOf(fromDay);
  const b = civilDateOf(toDay + 1);
  if (a.day === 1 && b.day === 1) {
    if ((a.month - 1) % 3 === 0 && (b.month - 1) % 3 === 0) return 'quarter';
    return 'month';
  }
  if (weekdayOf(fromDay) === 1 && weekdayOf(toDay) === 7) return 'week';
  return 'day';
}
