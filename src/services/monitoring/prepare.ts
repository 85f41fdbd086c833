import type { InteractionRecord } from '../../contract/interaction-record.schema';
import { RollupDeltas, type RollupDeltasState } from './rollup-deltas';
import type { JudgedVerdict, Rules } from './rules';

/**
 * A batch of valid records made ready to write, with no database at hand: each judged, its stored
 * texts made, its findings listed and the verdicts of all counted per local day. This is the CPU
 * work of an import; it is a pure function of the rules and the records, so a big file's import
 * runs it in a worker thread while the main thread writes the batch before (see import-pipeline).
 *
 * Column by column, each column an array of one type: that is what crosses to another thread
 * cheaply (an array mixing strings, numbers and nulls costs several times more to copy over).
 * `NaN` and `''` stand for none.
 */
export interface PreparedBatch {
  ids: string[];
  channels: string[];
  unitIds: string[];
  employeeIds: string[];
  startedAt: number[];
  answeredAt: number[];
  /** Each record as stored (`interactions.data`): what "unchanged" is decided by. */
  datas: string[];
  verdicts: string[];
  /** The fails and pending verdicts: record i's are `findings.ends[i - 1] ?? 0` up to `findings.ends[i]`. */
  findings: {
    ends: number[];
    standards: string[];
    versions: number[];
    verdicts: string[];
    reasons: string[];
    days: number[];
    dueAt: number[];
  };
  /** Every record's verdicts counted once (+1), per local day. */
  deltas: RollupDeltasState;
}

/** Judges `records` (their codes known to exist) as of `asOfMs` and makes them ready to write. */
export function prepareRecords(
  rules: Rules,
  records: readonly InteractionRecord[],
  asOfMs: number,
): PreparedBatch {
  const batch: PreparedBatch = {
    ids: [],
    channels: [],
    unitIds: [],
    employeeIds: [],
    startedAt: [],
    answeredAt: [],
    datas: [],
    verdicts: [],
    findings: { ends: [], standards: [], versions: [], verdicts: [], reasons: [], days: [], dueAt: [] },
    deltas: undefined as unknown as RollupDeltasState,
  };
  const f = batch.findings;
  const deltas = new RollupDeltas();
  for (const record of records) {
    const judged = rules.judge(record, asOfMs);
    const unitId = rules.units.get(record.unit)!.id;
    const employeeId = record.employee === undefined ? '' : rules.employees.get(record.employee)!.id;
    batch.ids.push(record.id);
    batch.channels.push(record.channel);
    batch.unitIds.push(unitId);
    batch.employeeIds.push(employeeId);
    batch.startedAt.push(record.started_at);
    batch.answeredAt.push(record.answered_at ?? NaN);
    batch.datas.push(storedData(record));
    batch.verdicts.push(verdictsText(judged));
    for (const v of judged) {
      // Passes and "not applicable" are the bulk and nobody drills into them; their reasons stay in the record's verdicts.
      if (v.verdict === 'pass' || v.verdict === 'na') continue;
      f.standards.push(v.standard);
      f.versions.push(v.version);
      f.verdicts.push(v.verdict);
      f.reasons.push(v.reason);
      f.days.push(v.day);
      f.dueAt.push(v.dueAt ?? NaN);
    }
    f.ends.push(f.standards.length);
    deltas.addJudged(record.channel, unitId, employeeId, judged, 1);
  }
  batch.deltas = deltas.state();
  return batch;
}

/** Flat `interactions` values (the repository's column order) of the records `keep` chooses. */
export function interactionValues(
  b: PreparedBatch,
  seq: number,
  updatedAt: number,
  keep?: (i: number) => boolean,
): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < b.ids.length; i++) {
    if (keep && !keep(i)) continue;
    const answered = b.answeredAt[i]!;
    out.push(
      b.ids[i],
      b.channels[i],
      b.unitIds[i],
      b.employeeIds[i] || null,
      b.startedAt[i],
      Number.isNaN(answered) ? null : answered,
      b.datas[i],
      b.verdicts[i],
      seq,
      updatedAt,
    );
  }
  return out;
}

/** Flat `findings` values (the repository's column order) of the records `keep` chooses. */
export function findingValues(b: PreparedBatch, keep?: (i: number) => boolean): unknown[] {
  const out: unknown[] = [];
  const f = b.findings;
  for (let i = 0; i < b.ids.length; i++) {
    if (keep && !keep(i)) continue;
    const record = {
      id: b.ids[i]!,
      unit_id: b.unitIds[i]!,
      employee_id: b.employeeIds[i] || null,
      channel: b.channels[i]!,
      started_at: b.startedAt[i]!,
    };
    for (let k = f.ends[i - 1] ?? 0; k < f.ends[i]!; k++) {
      const due = f.dueAt[k]!;
      pushFinding(
        out,
        record,
        f.standards[k]!,
        f.versions[k]!,
        f.verdicts[k]!,
        f.reasons[k]!,
        f.days[k]!,
        Number.isNaN(due) ? null : due,
      );
    }
  }
  return out;
}

/** The record a finding is of, as `findings` copies it in. */
export interface FindingRecord {
  id: string;
  unit_id: string;
  employee_id: string | null;
  channel: string;
  started_at: number;
}

/** One finding as flat values in the repository's column order. */
export function pushFinding(
  out: unknown[],
  r: FindingRecord,
  standard: string,
  version: number,
  verdict: string,
  reason: string,
  day: number,
  dueAt: number | null,
) {
  out.push(
    r.id,
    standard,
    version,
    verdict,
    reason,
    r.unit_id,
    r.employee_id,
    r.channel,
    r.started_at,
    day,
    dueAt,
  );
}

/**
 * The record as stored (`interactions.data`): the engine's shape with instants in epoch ms, keys in
 * one order, absent fields left out — so the same record always gives the same text, and "unchanged"
 * is a string comparison.
 */
export function storedData(r: InteractionRecord): string {
  // Written out rather than JSON.stringify of a fresh object: this runs for every record imported.
  // The text is exactly what JSON.stringify gives for the object with these keys in this order.
  const q = JSON.stringify;
  let text = `{"id":${q(r.id)},"channel":${q(r.channel)},"unit":${q(r.unit)}`;
  if (r.employee !== undefined) text += `,"employee":${q(r.employee)}`;
  text += `,"started_at":${q(r.started_at)}`;
  if (r.answered_at !== undefined) text += `,"answered_at":${q(r.answered_at)}`;
  if (r.ended_at !== undefined) text += `,"ended_at":${q(r.ended_at)}`;
  if (r.rings !== undefined) text += `,"rings":${q(r.rings)}`;
  if (r.wait_seconds !== undefined) text += `,"wait_seconds":${q(r.wait_seconds)}`;
  if (r.greeting !== undefined) text += `,"greeting":${q(r.greeting)}`;
  if (r.template !== undefined) text += `,"template":${q(r.template)}`;
  if (hasKeys(r.numbers)) text += `,"numbers":${q(sortedObject(r.numbers))}`;
  if (r.texts !== undefined && hasKeys(r.texts)) text += `,"texts":${q(sortedObject(r.texts))}`;
  return `${text}}`;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

const sortedObject = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The stored text of verdicts, JSON of `[standard, version, verdict, local day, reason]` each, written without building those arrays. */
export function verdictsText(judged: readonly JudgedVerdict[]): string {
  let text = '[';
  for (let i = 0; i < judged.length; i++) {
    const v = judged[i]!;
    if (i > 0) text += ',';
    text += `[${JSON.stringify(v.standard)},${v.version},"${v.verdict}",${v.day},${JSON.stringify(v.reason)}]`;
  }
  return `${text}]`;
}
