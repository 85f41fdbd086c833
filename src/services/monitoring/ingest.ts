import type { InteractionRecord, RecordProblem } from '../../contract/interaction-record.schema';
import type { RejectedRecord } from '../../contract/monitoring.schema';
import type { Interaction } from '../../core/compliance/interaction';
import type { RecordEntry } from '../files/interaction-records.reader';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect/dialect-name';
import { monitoringRepository, type StoredInteraction } from '../../db/monitoring.repository';
import {
  findingValues,
  interactionValues,
  prepareRecords,
  pushFinding,
  verdictsText,
  type PreparedBatch,
} from './prepare';
import { RollupDeltas, type StoredVerdict } from './rollup-deltas';
import type { Rules } from './rules';

/**
 * Writing records and their verdicts, keeping findings and roll-ups in step: every change to a
 * stored record's verdicts subtracts what it counted before and adds what it counts now, in the
 * same transaction, so the roll-ups always equal the sum of the stored verdicts.
 */

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

const VALID: readonly RejectedRecord[] = [];

/**
 * Why an entry of a records file is rejected — the reader's problems, or codes this organization
 * does not have — one rejected record per problem; empty when the entry is a valid record. The one
 * check every file import makes (in one thread, in the worker, in `--atomic`'s first pass).
 */
export function rejectionsOf(rules: Rules, entry: RecordEntry, index: number): readonly RejectedRecord[] {
  const problems = 'problems' in entry ? entry.problems : unknownCodes(rules, entry.record);
  if (problems.length === 0) return VALID;
  const id = 'record' in entry ? entry.record.id : (entry.id ?? null);
  return problems.map((p) => ({ index, line: entry.line, id, field: p.field, reason: p.message }));
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
  if (incoming.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  return writePrepared(
    tx,
    dialect,
    prepareRecords(
      rules,
      incoming.map((i) => i.record),
      asOfMs,
    ),
    asOfMs,
  );
}

/**
 * Writes a prepared batch inside `tx`. New records are inserted as prepared; a record stored
 * with the same data is left alone (its prepared counts taken back); a changed one replaces the
 * stored row, whose verdicts are uncounted and whose findings go. Ids are unique within a batch
 * (a record twice in one batch was refused before it came here).
 */
export async function writePrepared(
  tx: Db,
  dialect: DialectName,
  batch: PreparedBatch,
  asOfMs: number,
  /** Roll-up deltas of a transaction that writes several batches, flushed by the caller. */
  into?: RollupDeltas,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const n = batch.ids.length;
  if (n === 0) return counts;
  const seq = await monitoringRepository.nextSeq(tx);
  const existing = await monitoringRepository.byIds(tx, dialect, batch.ids);
  const deltas = into ?? new RollupDeltas();
  deltas.merge(batch.deltas);
  const replaced: string[] = [];
  let keep: ((i: number) => boolean) | undefined;
  if (existing.length === 0) counts.created = n;
  else {
    // The uncommon path (records sent again): keep only what changed, and correct the counts.
    const before = new Map(existing.map((r) => [r.id, r]));
    const kept = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const old = before.get(batch.ids[i]!);
      if (old !== undefined && old.data === batch.datas[i]) {
        counts.unchanged += 1;
        deltas.add(
          {
            unit_id: batch.unitIds[i]!,
            employee_id: batch.employeeIds[i] || null,
            channel: batch.channels[i]!,
          },
          storedVerdicts(batch.verdicts[i]!),
          -1,
        );
        continue;
      }
      kept[i] = 1;
      if (old !== undefined) {
        counts.updated += 1;
        replaced.push(old.id);
        deltas.add(old, storedVerdicts(old.verdicts), -1);
      } else counts.created += 1;
    }
    if (counts.unchanged === n) return counts;
    keep = (i) => kept[i] === 1;
  }
  await monitoringRepository.upsertInteractions(tx, dialect, interactionValues(batch, seq, asOfMs, keep));
  await monitoringRepository.deleteFindings(tx, replaced);
  await monitoringRepository.insertFindings(tx, dialect, findingValues(batch, keep));
  if (!into) await deltas.flush(tx, dialect);
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
    deltas.addJudged(row.channel, row.unit_id, row.employee_id ?? '', judged, 1);
    for (const v of judged)
      if (v.verdict !== 'pass' && v.verdict !== 'na')
        pushFinding(findings, row, v.standard, v.version, v.verdict, v.reason, v.day, v.dueAt);
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
