import type { InteractionRecord, RecordProblem } from '../../contract/interaction-record.schema';
import type { Interaction } from '../../core/compliance/interaction';
import type { VerdictKind } from '../../core/compliance/verdict';
import { weekdayOf } from '../../core/time/civil-date';
import { PERIOD_KINDS, periodOfLocalDate } from '../../core/time/period';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect/dialect-name';
import {
  monitoringRepository,
  type RollupDelta,
  type StoredInteraction,
} from '../../db/monitoring.repository';
import type { JudgedVerdict, Rules } from './rules';

/**
 * Writing records and their verdicts, keeping findings and roll-ups in step: every change to a
 * stored record's verdicts subtracts what it counted before and adds what it counts now, in the
 * same transaction, so the roll-ups always equal the sum of the stored verdicts.
 */

/** A stored verdict: `[standard, version, verdict, local epoch day, reason]`. */
export type StoredVerdict = [string, number, VerdictKind, number, string];

/** A valid record of a batch, with its place (0-based) and, from a file, its line. */
export interface IncomingRecord {
  index: number;
  line?: number | undefined;
  record: InteractionRecord;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The record as stored (`interactions.data`): the engine's shape with instants in epoch ms, keys in
 * one order, absent fields left out — so the same record always gives the same text, and "unchanged"
 * is a string comparison.
 */
export function storedData(r: InteractionRecord): string {
  const o: Record<string, unknown> = { id: r.id, channel: r.channel, unit: r.unit };
  if (r.employee !== undefined) o.employee = r.employee;
  o.started_at = r.started_at;
  if (r.answered_at !== undefined) o.answered_at = r.answered_at;
  if (r.ended_at !== undefined) o.ended_at = r.ended_at;
  if (r.rings !== undefined) o.rings = r.rings;
  if (r.wait_seconds !== undefined) o.wait_seconds = r.wait_seconds;
  if (r.greeting !== undefined) o.greeting = r.greeting;
  if (r.template !== undefined) o.template = r.template;
  if (Object.keys(r.numbers).length > 0) o.numbers = sortedObject(r.numbers);
  if (r.texts !== undefined && Object.keys(r.texts).length > 0) o.texts = sortedObject(r.texts);
  return JSON.stringify(o);
}

const sortedObject = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The record a stored row holds, as the engine reads it. */
export const recordOf = (data: string): Interaction => JSON.parse(data) as Interaction;

/**
 * A stored record to judge again: its unit and employee by their codes now (the row keeps their
 * ids; `data` the codes it came with, which a rename leaves behind — judged by those, a renamed
 * unit's records would lose the standards bound to it and the names its greetings are checked by).
 */
export function recordNow(
  rules: Rules,
  row: { data: string; unit_id: string; employee_id: string | null },
): Interaction {
  const record = recordOf(row.data);
  const unit = rules.unitsById.get(row.unit_id);
  if (unit) record.unit = unit.code;
  const employee = row.employee_id === null ? undefined : rules.employeesById.get(row.employee_id);
  if (employee) record.employee = employee.code;
  return record;
}

export const verdictsText = (judged: readonly JudgedVerdict[]): string =>
  JSON.stringify(judged.map((v): StoredVerdict => [v.standard, v.version, v.verdict, v.day, v.reason]));

export const storedVerdicts = (text: string): StoredVerdict[] => JSON.parse(text) as StoredVerdict[];

/** Unknown unit or employee codes: a record naming them is rejected. */
export function unknownCodes(rules: Rules, record: InteractionRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (!rules.units.has(record.unit))
    problems.push({ field: 'unit', message: `unknown unit "${record.unit}"` });
  if (record.employee !== undefined && !rules.employees.has(record.employee))
    problems.push({ field: 'employee', message: `unknown employee "${record.employee}"` });
  return problems;
}

const VERDICT_SLOT: Record<VerdictKind, number> = { pass: 0, fail: 1, na: 2, pending: 3 };

/**
 * Roll-up changes gathered in memory and written at the end of a transaction: verdicts are first
 * counted per local day (one map entry per standard × version × unit × employee × channel × day),
 * and only at the end spread over the four grains, one upsert per row touched.
 */
export class RollupDeltas {
  readonly #days = new Map<string, DayDelta>();

  /** Counts (sign +1) or uncounts (−1) a record's verdicts. */
  add(
    row: { unit_id: string; employee_id: string | null; channel: string },
    verdicts: readonly StoredVerdict[],
    sign: 1 | -1,
  ) {
    const employee = row.employee_id ?? '';
    const base = `${row.unit_id}\u0000${employee}\u0000${row.channel}`;
    for (const [standard, version, verdict, day] of verdicts) {
      const key = `${base}\u0000${standard}\u0000${version}\u0000${day}`;
      let d = this.#days.get(key);
      if (d === undefined) {
        d = { unit: row.unit_id, employee, channel: row.channel, standard, version, day, c: [0, 0, 0, 0] };
        this.#days.set(key, d);
      }
      d.c[VERDICT_SLOT[verdict]]! += sign;
    }
  }

  async flush(db: Db, dialect: DialectName) {
    const unit = new Map<string, RollupDelta>();
    const employee = new Map<string, RollupDelta>();
    const periods = new Map<number, string[]>();
    for (const d of this.#days.values()) {
      if (d.c[0] === 0 && d.c[1] === 0 && d.c[2] === 0 && d.c[3] === 0) continue;
      let p = periods.get(d.day);
      if (p === undefined) {
        const weekday = weekdayOf(d.day);
        p = PERIOD_KINDS.map((kind) => periodOfLocalDate(kind, d.day, weekday));
        periods.set(d.day, p);
      }
      for (let g = 0; g < PERIOD_KINDS.length; g++) {
        const grain = PERIOD_KINDS[g]!;
        add(unit, [grain, p[g]!, d.standard, d.unit, d.channel, d.version], d.c);
        add(employee, [grain, p[g]!, d.standard, d.unit, d.employee, d.channel, d.version], d.c);
      }
    }
    const live = (m: Map<string, RollupDelta>) =>
      [...m.values()].filter((x) => x.slice(-4).some((n) => n !== 0));
    await monitoringRepository.addRollups(db, dialect, 'rollups_unit', live(unit));
    await monitoringRepository.addRollups(db, dialect, 'rollups_employee', live(employee));
    this.#days.clear();
  }
}

interface DayDelta {
  unit: string;
  employee: string;
  channel: string;
  standard: string;
  version: number;
  day: number;
  c: [number, number, number, number];
}

function add(map: Map<string, RollupDelta>, key: Array<string | number>, c: readonly number[]) {
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

/** A record's findings (its verdicts that are not a pass), as flat values for the repository. */
function pushFindings(
  out: unknown[],
  row: { id: string; unit_id: string; employee_id: string | null; channel: string; started_at: number },
  judged: readonly JudgedVerdict[],
) {
  for (const v of judged) {
    // Passes and "not applicable" are the bulk and nobody drills into them; their reasons stay in the record's verdicts.
    if (v.verdict === 'pass' || v.verdict === 'na') continue;
    out.push(
      row.id,
      v.standard,
      v.version,
      v.verdict,
      v.reason,
      row.unit_id,
      row.employee_id,
      row.channel,
      row.started_at,
      v.day,
      v.dueAt,
    );
  }
}

/**
 * Writes a batch of valid records (codes already checked) inside `tx`: new ones are created,
 * changed ones replaced and re-judged, identical ones left alone. Judged at `asOfMs`.
 */
export async function writeRecords(
  tx: Db,
  dialect: DialectName,
  rules: Rules,
  incoming: readonly IncomingRecord[],
  asOfMs: number,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  if (incoming.length === 0) return counts;
  const seq = await monitoringRepository.nextSeq(tx);
  const existing = new Map(
    (
      await monitoringRepository.byIds(
        tx,
        incoming.map((i) => i.record.id),
      )
    ).map((r) => [r.id, r]),
  );
  const deltas = new RollupDeltas();
  const rows: unknown[] = [];
  const findings: unknown[] = [];
  const replaced: string[] = [];
  for (const { record } of incoming) {
    const data = storedData(record);
    const before = existing.get(record.id);
    if (before !== undefined && before.data === data) {
      counts.unchanged += 1;
      continue;
    }
    const judged = rules.judge(record, asOfMs);
    const verdicts = verdictsText(judged);
    const row = {
      id: record.id,
      unit_id: rules.units.get(record.unit)!.id,
      employee_id: record.employee === undefined ? null : rules.employees.get(record.employee)!.id,
      channel: record.channel,
      started_at: record.started_at,
    };
    if (before !== undefined) {
      counts.updated += 1;
      replaced.push(record.id);
      deltas.add(before, storedVerdicts(before.verdicts), -1);
    } else counts.created += 1;
    deltas.add(
      row,
      judged.map((v): StoredVerdict => [v.standard, v.version, v.verdict, v.day, v.reason]),
      1,
    );
    rows.push(
      row.id,
      row.channel,
      row.unit_id,
      row.employee_id,
      row.started_at,
      record.answered_at ?? null,
      data,
      verdicts,
      seq,
      asOfMs,
    );
    pushFindings(findings, row, judged);
    // A record twice in one batch was refused before it came here, so `existing` stays right.
  }
  if (rows.length === 0) return counts;
  await monitoringRepository.upsertInteractions(tx, dialect, rows);
  await monitoringRepository.deleteFindings(tx, replaced);
  await monitoringRepository.insertFindings(tx, dialect, findings);
  await deltas.flush(tx, dialect);
  return counts;
}

/**
 * Re-judges stored records (their data unchanged) at `asOfMs` and writes what changed: verdicts,
 * findings, roll-ups. Returns how many records' verdicts changed.
 */
export async function rejudgeStored(
  tx: Db,
  dialect: DialectName,
  rules: Rules,
  stored: readonly StoredInteraction[],
  asOfMs: number,
): Promise<number> {
  if (stored.length === 0) return 0;
  const seq = await monitoringRepository.nextSeq(tx);
  const deltas = new RollupDeltas();
  const findings: unknown[] = [];
  const changed: Array<{ id: string; verdicts: string; seq: number }> = [];
  for (const row of stored) {
    const judged = rules.judge(recordNow(rules, row), asOfMs);
    const text = verdictsText(judged);
    if (text === row.verdicts) continue;
    deltas.add(row, storedVerdicts(row.verdicts), -1);
    deltas.add(row, storedVerdicts(text), 1);
    pushFindings(findings, row, judged);
    changed.push({ id: row.id, verdicts: text, seq });
  }
  if (changed.length === 0) return 0;
  await monitoringRepository.setVerdicts(tx, changed);
  await monitoringRepository.deleteFindings(
    tx,
    changed.map((c) => c.id),
  );
  await monitoringRepository.insertFindings(tx, dialect, findings);
  await deltas.flush(tx, dialect);
  return changed.length;
}
