import type { VerdictKind } from '../../core/compliance/verdict';
import { weekdayOf } from '../../core/time/civil-date';
import { PERIOD_KINDS, periodOfLocalDate } from '../../core/time/period';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect/dialect-name';
import { monitoringRepository, type RollupDelta } from '../../db/monitoring.repository';

/** A stored verdict: `[standard, version, verdict, local epoch day, reason]`. */
export type StoredVerdict = [string, number, VerdictKind, number, string];

const VERDICT_SLOT: Record<VerdictKind, number> = { pass: 0, fail: 1, na: 2, pending: 3 };

/** A verdict as roll-ups count it: a stored one's fields or a fresh judgement's. */
type Counted = { standard: string; version: number; verdict: VerdictKind; day: number };

/**
 * Roll-up changes gathered in memory and written at the end of a transaction: verdicts are first
 * counted per local day (one slot per standard × version × unit × employee × channel × day),
 * and only at the end spread over the four grains, one upsert per row touched.
 *
 * This runs for every verdict of every record imported, so no string is built per verdict: the
 * record's (unit, employee, channel) and the verdict's (standard, version) are numbered once
 * (nested maps of the short strings themselves) and a slot is found by one number.
 */
export class RollupDeltas {
  /** unit id → employee id ('' = none) → channel → group number. */
  readonly #groupIds = new Map<string, Map<string, Map<string, number>>>();
  readonly #groups: Array<{ unit: string; employee: string; channel: string }> = [];
  /** standard → version → number. */
  readonly #svIds = new Map<string, Map<number, number>>();
  readonly #svs: Array<{ standard: string; version: number }> = [];
  /** (group, standard-version, day) as one number → slot. */
  readonly #slotOf = new Map<number, number>();
  #slotGroup: number[] = [];
  #slotSv: number[] = [];
  #slotDay: number[] = [];
  #counts = new Int32Array(4 * 1024);

  #group(unit: string, employee: string, channel: string): number {
    let byEmployee = this.#groupIds.get(unit);
    if (byEmployee === undefined) this.#groupIds.set(unit, (byEmployee = new Map()));
    let byChannel = byEmployee.get(employee);
    if (byChannel === undefined) byEmployee.set(employee, (byChannel = new Map()));
    let id = byChannel.get(channel);
    if (id === undefined) {
      id = this.#groups.length;
      this.#groups.push({ unit, employee, channel });
      byChannel.set(channel, id);
    }
    return id;
  }

  #sv(standard: string, version: number): number {
    let byVersion = this.#svIds.get(standard);
    if (byVersion === undefined) this.#svIds.set(standard, (byVersion = new Map()));
    let id = byVersion.get(version);
    if (id === undefined) {
      id = this.#svs.length;
      this.#svs.push({ standard, version });
      byVersion.set(version, id);
    }
    return id;
  }

  /** The slot of (group, standard-version, day), made when new. */
  #slot(group: number, sv: number, day: number): number {
    const key = slotKey(group, sv, day);
    let slot = this.#slotOf.get(key);
    if (slot === undefined) {
      slot = this.#slotDay.length;
      this.#slotOf.set(key, slot);
      this.#slotGroup.push(group);
      this.#slotSv.push(sv);
      this.#slotDay.push(day);
      if (this.#counts.length < 4 * (slot + 1)) {
        const grown = new Int32Array(this.#counts.length * 2);
        grown.set(this.#counts);
        this.#counts = grown;
      }
    }
    return slot;
  }

  #count(group: number, v: Counted, sign: 1 | -1) {
    // The slot first: making one may replace the counts array, which must be read after.
    const at = 4 * this.#slot(group, this.#sv(v.standard, v.version), v.day) + VERDICT_SLOT[v.verdict];
    this.#counts[at]! += sign;
  }

  /** What has been counted, as plain data (to pass to another thread; see {@link fromState}). */
  state(): RollupDeltasState {
    return {
      groups: this.#groups,
      svs: this.#svs,
      slotGroup: this.#slotGroup,
      slotSv: this.#slotSv,
      slotDay: this.#slotDay,
      counts: this.#counts.slice(0, 4 * this.#slotDay.length),
    };
  }

  /** Adds what another's {@link state} counted. */
  merge(state: RollupDeltasState) {
    const groups = state.groups.map((g) => this.#group(g.unit, g.employee, g.channel));
    const svs = state.svs.map((sv) => this.#sv(sv.standard, sv.version));
    const c = state.counts;
    for (let slot = 0; slot < state.slotDay.length; slot++) {
      const at =
        4 * this.#slot(groups[state.slotGroup[slot]!]!, svs[state.slotSv[slot]!]!, state.slotDay[slot]!);
      const from = 4 * slot;
      this.#counts[at]! += c[from]!;
      this.#counts[at + 1]! += c[from + 1]!;
      this.#counts[at + 2]! += c[from + 2]!;
      this.#counts[at + 3]! += c[from + 3]!;
    }
  }

  /** Counts (sign +1) or uncounts (−1) fresh judgements of a record (employee '' = none). */
  addJudged(channel: string, unitId: string, employeeId: string, verdicts: readonly Counted[], sign: 1 | -1) {
    const group = this.#group(unitId, employeeId, channel);
    for (const v of verdicts) this.#count(group, v, sign);
  }

  /** Counts (sign +1) or uncounts (−1) a record's stored verdicts. */
  add(
    row: { unit_id: string; employee_id: string | null; channel: string },
    verdicts: readonly StoredVerdict[],
    sign: 1 | -1,
  ) {
    const group = this.#group(row.unit_id, row.employee_id ?? '', row.channel);
    for (const [standard, version, verdict, day] of verdicts)
      this.#count(group, { standard, version, verdict, day }, sign);
  }

  async flush(db: Db, dialect: DialectName) {
    const unit = new Map<string, RollupDelta>();
    const employee = new Map<string, RollupDelta>();
    const periods = new Map<number, string[]>();
    const c = this.#counts;
    for (let slot = 0; slot < this.#slotDay.length; slot++) {
      const at = 4 * slot;
      if (c[at] === 0 && c[at + 1] === 0 && c[at + 2] === 0 && c[at + 3] === 0) continue;
      const day = this.#slotDay[slot]!;
      let p = periods.get(day);
      if (p === undefined) {
        const weekday = weekdayOf(day);
        p = PERIOD_KINDS.map((kind) => periodOfLocalDate(kind, day, weekday));
        periods.set(day, p);
      }
      const g = this.#groups[this.#slotGroup[slot]!]!;
      const sv = this.#svs[this.#slotSv[slot]!]!;
      const counts = c.subarray(at, at + 4);
      for (let k = 0; k < PERIOD_KINDS.length; k++) {
        const grain = PERIOD_KINDS[k]!;
        add(unit, [grain, p[k]!, sv.standard, g.unit, g.channel, sv.version], counts);
        add(employee, [grain, p[k]!, sv.standard, g.unit, g.employee, g.channel, sv.version], counts);
      }
    }
    // In key order (the joined key sorts as the columns do, versions aside, which only affects
    // locality): each statement then walks the table's B-tree forward instead of jumping about.
    const live = (m: Map<string, RollupDelta>) =>
      [...m.entries()]
        .filter(
          ([, x]) =>
            x[x.length - 1] !== 0 || x[x.length - 2] !== 0 || x[x.length - 3] !== 0 || x[x.length - 4] !== 0,
        )
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, x]) => x);
    await monitoringRepository.addRollups(db, dialect, 'rollups_unit', live(unit));
    await monitoringRepository.addRollups(db, dialect, 'rollups_employee', live(employee));
    this.#slotOf.clear();
    this.#slotGroup = [];
    this.#slotSv = [];
    this.#slotDay = [];
    this.#counts.fill(0);
  }
}

/** {@link RollupDeltas} as plain data. */
export interface RollupDeltasState {
  groups: Array<{ unit: string; employee: string; channel: string }>;
  svs: Array<{ standard: string; version: number }>;
  slotGroup: number[];
  slotSv: number[];
  slotDay: number[];
  /** Four per slot: pass, fail, na, pending. */
  counts: Int32Array;
}

/**
 * One number for (group, standard-version, day): days since 1970 (even negative ones, offset) stay
 * below 2^20 and groups × standard-versions below 2^32, so it is exact and unique.
 */
const slotKey = (group: number, sv: number, day: number) =>
  (group * 65_536 + sv) * 1_048_576 + (day + 524_288);

function add(map: Map<string, RollupDelta>, key: Array<string | number>, c: ArrayLike<number>) {
  const k = key.join('\u0000');
  let d = map.get(k);
  if (!d) {
    d = [...key, 0, 0, 0, 0] as RollupDelta;
    map.set(k, d);
  }
  const n = key.length;
  const x = d as number[];
  x[n]! += c[0]!;
  x[n + 1]! += c[1]!;
  x[n + 2]! += c[2]!;
  x[n + 3]! += c[3]!;
}
