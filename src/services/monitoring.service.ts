import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { AppError, assertCan, roleCan, type Actor } from '../core';
import { periodOfLocalDate } from '../core/time/period';
import { weekdayOf } from '../core/time/civil-date';
import {
  MAX_RECORDS_PER_REQUEST,
  type ComplianceQuery,
  type ComplianceResponse,
  type FindingsQuery,
  type FindingsResponse,
  type IngestResult,
  type InteractionDetail,
  type Job,
  type RejectedRecord,
  type SummaryQuery,
  type SummaryResponse,
  type TrendQuery,
  type TrendResponse,
} from '../contract/monitoring.schema';
import { validateInteractionRecord } from '../contract/interaction-record.schema';
import {
  readInteractionRecordBatches,
  type ReadRecordsOptions,
  type RecordEntry,
} from './files/interaction-records.reader';
import { unitsHeadedByUser } from '../db/grid-cell.repository';
import { monitoringRepository } from '../db/monitoring.repository';
import type { Db, MonitoringJobsTable } from '../db/database';
import type { CallContext, ServiceDeps } from './service-context';
import {
  alignedGrain,
  asResults,
  dayOf,
  mergeVersions,
  periodOfDay,
  sumRollups,
  type ReadScope,
} from './monitoring/compliance-query';
import {
  recordNow,
  rejudgeStored,
  storedVerdicts,
  rejectionsOf,
  unknownCodes,
  writePrepared,
  writeRecords,
  type IncomingRecord,
  type WriteCounts,
} from './monitoring/ingest';
import { verdictsText, type PreparedBatch } from './monitoring/prepare';
import { RollupDeltas } from './monitoring/rollup-deltas';
import {
  importInWorker,
  type ImportEntriesOptions,
  type ImportProgress,
  type PipelineOptions,
} from './monitoring/import-pipeline';
import {
  AUDIT_FINDING_PREFIX,
  countObservation,
  type CountedObservation,
  type ObservationInput,
} from './monitoring/observed';
import { createRulesCache } from './monitoring/rules-cache';
import type { Rules } from './monitoring/rules';

/** Fewer judged records than this in a heatmap cell: greyed, "too few to say". */
export const MIN_JUDGED = 10;
/**
 * Records per write transaction when importing in the server: short enough to keep it answering
 * reads on its one SQLite connection. The CLI writes from a process of its own and takes bigger
 * chunks (`chunkSize`): roll-up rows touched per record fall as a chunk covers more of each day.
 */
const IMPORT_CHUNK = 5_000;
/** Records re-judged per step of a re-judging run. */
const REJUDGE_CHUNK = 2_000;

/** A record of a request that could not even be read (an NDJSON line that is not JSON): rejected alone. */
export class UnreadableRecord {
  constructor(readonly message: string) {}
}

export type { ImportEntriesOptions, ImportProgress } from './monitoring/import-pipeline';

/**
 * Monitoring (issue 6): records in, verdicts kept, results out. Records are judged by the standard
 * versions in force at their `started_at` (see monitoring/rules.ts) at ingest; pending verdicts are
 * settled when they run out (`settleDue`, every minute and before every read); a change of rules
 * re-judges what it touches in a background run that swaps its results in at once (`runJobs`).
 */
export function createMonitoringService(deps: ServiceDeps) {
  const { db, dialect, clock } = deps;
  const rules = createRulesCache();
  const now = () => clock().getTime();

  async function scopeOf(actor: Actor, r: Rules): Promise<ReadScope> {
    assertCan(actor, 'monitoring.read');
    if (roleCan(actor.role, 'monitoring.read.all')) return { all: true };
    if (actor.kind !== 'user') return { all: false, unitIds: new Set(), employeeId: null };
    const employee = await db
      .selectFrom('employees')
      .select('id')
      .where('user_id', '=', actor.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const headed = await unitsHeadedByUser(db, actor.id);
    const unitIds = new Set<string>();
    for (const id of headed) {
      const code = r.unitsById.get(id)?.code;
      if (code !== undefined) for (const c of r.subtree(code)) unitIds.add(r.units.get(c)!.id);
    }
    return { all: false, unitIds, employeeId: employee?.id ?? null };
  }

  /** The unit ids of a unit code's subtree; a code that does not exist is a 404. */
  function subtreeIds(r: Rules, code: string | undefined): Set<string> | undefined {
    if (code === undefined) return undefined;
    if (!r.units.has(code)) throw new AppError('not_found', `No unit has the code "${code}".`);
    return new Set(r.subtree(code).map((c) => r.units.get(c)!.id));
  }

  function employeeIdOf(r: Rules, code: string | undefined): string | undefined {
    if (code === undefined) return undefined;
    const e = r.employees.get(code);
    if (!e) throw new AppError('not_found', `No employee has the code "${code}".`);
    return e.id;
  }

  /** Writes one chunk of valid records in its own transaction. */
  async function writeChunk(r: Rules, chunk: IncomingRecord[]): Promise<WriteCounts> {
    return db.transaction().execute((tx) => writeRecords(tx, dialect, r, chunk, now()));
  }

  /** Pending verdicts whose time ran out become breaches (re-judged now). Returns how many changed. */
  async function settleDue(): Promise<number> {
    let changed = 0;
    for (let round = 0; round < 1000; round++) {
      const t = now();
      // Runs before every read: it must cost an index probe when nothing is due. No DISTINCT here
      // (SQLite would scan every finding for it); a record due for two standards is deduplicated below.
      const found = await db
        .selectFrom('findings')
        .select('interaction_id')
        .where('due_at', 'is not', null)
        .where('due_at', '<=', t)
        .limit(REJUDGE_CHUNK)
        .execute();
      if (found.length === 0) break;
      const due = [...new Set(found.map((d) => d.interaction_id))].map((interaction_id) => ({
        interaction_id,
      }));
      const r = await rules.get(db);
      changed += await db.transaction().execute(async (tx) => {
        // Take the writers' lock (the ingest batch counter) before reading the rows: on PostgreSQL
        // an ingest committing in between would otherwise be undone, and its roll-ups counted twice.
        await monitoringRepository.nextSeq(tx);
        const rows = await monitoringRepository.byIds(
          tx,
          dialect,
          due.map((d) => d.interaction_id),
        );
        const n = await rejudgeStored(tx, dialect, r, rows, t);
        // A record whose verdict did not change (its rules changed since) must not be due again.
        await tx
          .updateTable('findings')
          .set({ due_at: null })
          .where('due_at', '<=', t)
          .where(
            'interaction_id',
            'in',
            due.map((d) => d.interaction_id),
          )
          .execute();
        return n;
      });
    }
    return changed;
  }

  async function ingestEntries(
    r: Rules,
    batches: AsyncIterable<RecordEntry[]> | Iterable<RecordEntry[]>,
    options: ImportEntriesOptions,
  ): Promise<ImportProgress> {
    const progress: ImportProgress = { created: 0, updated: 0, unchanged: 0, rejected_count: 0, records: 0 };
    let chunk: IncomingRecord[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const c = await writeChunk(r, chunk);
      progress.created += c.created;
      progress.updated += c.updated;
      progress.unchanged += c.unchanged;
      chunk = [];
      options.onProgress?.({ ...progress });
      // Let the server answer the requests that waited while this chunk was written.
      await yieldToOthers();
    };
    let index = 0;
    for await (const batch of batches) {
      for (const entry of batch) {
        progress.records += 1;
        const at = index++;
        const rejected = rejectionsOf(r, entry, at);
        if (rejected.length > 0) {
          progress.rejected_count += 1;
          for (const x of rejected) options.onRejected?.(x);
          continue;
        }
        if ('record' in entry) chunk.push({ index: at, line: entry.line, record: entry.record });
        if (chunk.length >= (options.chunkSize ?? IMPORT_CHUNK)) await flush();
      }
    }
    await flush();
    return progress;
  }

  function presentJob(row: MonitoringJobsTable): Job {
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      total: Number(row.total),
      done: Number(row.done),
      counts: JSON.parse(row.counts) as Job['counts'],
      error: row.error,
      created_at: row.created_at,
      started_at: row.started_at,
      finished_at: row.finished_at,
    };
  }

  /**
   * Re-judges the records in a run's span with the current rules. First pass (no lock): finds the
   * records whose verdicts would change and stages their ids, reporting progress. Second pass, one
   * transaction: re-judges the staged records and those written since the run began, and writes
   * the differences — so readers see all old numbers until the commit and all new ones after.
   */
  async function runRejudge(job: MonitoringJobsTable): Promise<void> {
    const scope = JSON.parse(job.scope) as { from: number | null; to: number | null };
    const r = await rules.get(db);
    const startSeq = await monitoringRepository.currentSeq(db);
    const from = scope.from ?? Number.MIN_SAFE_INTEGER;
    const to = scope.to ?? Number.MAX_SAFE_INTEGER;
    const total = Number(
      (
        await db
          .selectFrom('interactions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('started_at', '>=', from)
          .where('started_at', '<', to)
          .executeTakeFirstOrThrow()
      ).n,
    );
    await db.updateTable('monitoring_jobs').set({ total, done: 0 }).where('id', '=', job.id).execute();
    let done = 0;
    let after: { started_at: number; id: string } | undefined;
    for (;;) {
      const rows = await db
        .selectFrom('interactions')
        .select(['id', 'unit_id', 'employee_id', 'started_at', 'data', 'verdicts', 'seq'])
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .$if(after !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('started_at', '>', after!.started_at),
              eb.and([eb('started_at', '=', after!.started_at), eb('id', '>', after!.id)]),
            ]),
          ),
        )
        .orderBy('started_at')
        .orderBy('id')
        .limit(REJUDGE_CHUNK)
        .execute();
      if (rows.length === 0) break;
      const t = now();
      const staged = [];
      for (const row of rows) {
        if (verdictsText(r.judge(recordNow(r, row), t)) !== row.verdicts)
          staged.push({ job_id: job.id, interaction_id: row.id, seq: Number(row.seq), verdicts: '' });
      }
      if (staged.length > 0) await db.insertInto('rejudge_staging').values(staged).execute();
      done += rows.length;
      const last = rows[rows.length - 1]!;
      after = { started_at: Number(last.started_at), id: last.id };
      await db.updateTable('monitoring_jobs').set({ done }).where('id', '=', job.id).execute();
      await yieldToOthers();
    }
    const changed = await db.transaction().execute(async (tx) => {
      await monitoringRepository.nextSeq(tx); // the writers' lock before reading, as in settleDue
      let n = 0;
      const seen = new Set<string>();
      for (let offset = 0; ; offset += REJUDGE_CHUNK) {
        const ids = await tx
          .selectFrom('rejudge_staging')
          .select('interaction_id')
          .where('job_id', '=', job.id)
          .orderBy('interaction_id')
          .limit(REJUDGE_CHUNK)
          .offset(offset)
          .execute();
        if (ids.length === 0) break;
        for (const i of ids) seen.add(i.interaction_id);
        const stored = await monitoringRepository.byIds(
          tx,
          dialect,
          ids.map((i) => i.interaction_id),
        );
        n += await rejudgeStored(tx, dialect, r, stored, now());
      }
      // Records written while the first pass ran may have been judged by the rules before the change.
      const late = await tx
        .selectFrom('interactions')
        .select('id')
        .where('seq', '>', startSeq)
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .execute();
      const lateIds = late.map((l) => l.id).filter((id) => !seen.has(id));
      for (let i = 0; i < lateIds.length; i += REJUDGE_CHUNK) {
        const stored = await monitoringRepository.byIds(tx, dialect, lateIds.slice(i, i + REJUDGE_CHUNK));
        n += await rejudgeStored(tx, dialect, r, stored, now());
      }
      await tx.deleteFrom('rejudge_staging').where('job_id', '=', job.id).execute();
      return n;
    });
    await db
      .updateTable('monitoring_jobs')
      .set({
        status: 'done',
        done: total,
        counts: JSON.stringify({ records: total, changed }),
        finished_at: clock().toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
  }

  /** Job runners by kind; file imports register theirs (import.service.ts). */
  const runners: Partial<Record<MonitoringJobsTable['kind'], (job: MonitoringJobsTable) => Promise<void>>> = {
    rejudge: runRejudge,
  };

  return {
    rulesCache: rules,
    settleDue,

    /**
     * Observed standards (issue 7): replaces what a submitted audit counts in the roll-ups and
     * findings, in the caller's transaction (`observed.ts`). Returns what the audit stores.
     */
    async countObserved(
      tx: Db,
      auditId: string,
      before: CountedObservation | null,
      after: ObservationInput | null,
    ): Promise<CountedObservation | null> {
      return countObservation(tx, dialect, await rules.get(tx), auditId, before, after);
    },

    /**
     * At server start: re-judging runs a process that died left running are queued again (their
     * staged ids dropped) — nothing else would ever run them, and the records they cover would stay
     * judged by the rules before the change. Returns how many.
     */
    async requeueInterrupted(): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const rows = await tx
          .selectFrom('monitoring_jobs')
          .select('id')
          .where('kind', '=', 'rejudge')
          .where('status', '=', 'running')
          .execute();
        if (rows.length === 0) return 0;
        const ids = rows.map((j) => j.id);
        await tx.deleteFrom('rejudge_staging').where('job_id', 'in', ids).execute();
        await tx
          .updateTable('monitoring_jobs')
          .set({ status: 'queued', started_at: null, done: 0 })
          .where('id', 'in', ids)
          .where('status', '=', 'running')
          .execute();
        return rows.length;
      });
    },

    /** Registers how jobs of a kind run (the import service does for file imports). */
    registerRunner(kind: MonitoringJobsTable['kind'], run: (job: MonitoringJobsTable) => Promise<void>) {
      runners[kind] = run;
    },

    /**
     * `POST /interactions`: validates every record, rejects the bad ones (each problem with its
     * index, id and field), writes the rest. `atomic`: any bad record refuses the whole batch (422).
     */
    async ingest(ctx: CallContext, body: readonly unknown[], atomic: boolean): Promise<IngestResult> {
      assertCan(ctx.actor, 'interactions.write');
      if (body.length > MAX_RECORDS_PER_REQUEST)
        throw new AppError(
          'payload_too_large',
          `At most ${MAX_RECORDS_PER_REQUEST} records a request; this one has ${body.length}. Split it.`,
        );
      const r = await rules.get(db);
      const rejected: RejectedRecord[] = [];
      let rejectedCount = 0;
      const valid: IncomingRecord[] = [];
      const seen = new Map<string, number>();
      body.forEach((raw, index) => {
        const reject = (id: string | null, problems: ReadonlyArray<{ field: string; message: string }>) => {
          rejectedCount += 1;
          for (const p of problems) rejected.push({ index, id, field: p.field, reason: p.message });
        };
        if (raw instanceof UnreadableRecord) {
          reject(null, [{ field: 'record', message: raw.message }]);
          return;
        }
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          reject(null, [{ field: 'record', message: 'must be a JSON object' }]);
          return;
        }
        const result = validateInteractionRecord(raw as Record<string, unknown>, {
          numericFields: r.numericFields,
          textFields: r.textFields,
        });
        const rawId = (raw as { id?: unknown }).id;
        if (!result.ok) {
          reject(typeof rawId === 'string' && rawId !== '' ? rawId : null, result.problems);
          return;
        }
        const first = seen.get(result.record.id);
        if (first !== undefined) {
          reject(result.record.id, [
            { field: 'id', message: `duplicate id "${result.record.id}" (first at index ${first})` },
          ]);
          return;
        }
        seen.set(result.record.id, index);
        const unknown = unknownCodes(r, result.record);
        if (unknown.length > 0) {
          reject(result.record.id, unknown);
          return;
        }
        valid.push({ index, record: result.record });
      });
      if (atomic && rejectedCount > 0)
        throw new AppError(
          'import_refused',
          `${rejectedCount} of ${body.length} records are invalid; nothing was written.`,
          { rejected },
        );
      const counts = await writeChunk(r, valid);
      return { ...counts, rejected_count: rejectedCount, rejected };
    },

    /**
     * Imports the entries of a records file (the reader's batches) in chunks of their own
     * transactions: a crash loses at most the chunk in flight, and running the same file again
     * completes the import (records are idempotent by id).
     */
    async importEntries(
      ctx: CallContext,
      batches: AsyncIterable<RecordEntry[]> | Iterable<RecordEntry[]>,
      options: ImportEntriesOptions = {},
    ): Promise<ImportProgress> {
      assertCan(ctx.actor, 'interactions.write');
      return ingestEntries(await rules.get(db), batches, options);
    },

    /**
     * Imports a records file. By default in two threads (import-pipeline.ts): a worker reads and
     * judges while this thread writes; records are judged as of the import's start, and what ran
     * out while it ran is settled at its end. `inWorker: false` does it all in this thread.
     */
    async importFile(
      ctx: CallContext,
      path: string,
      reader: Omit<ReadRecordsOptions, 'onBytes' | 'numericFields' | 'textFields'>,
      options: PipelineOptions & {
        inWorker?: boolean;
        /** The connection is this import's alone (`etalon import`): it may take a larger page cache. */
        ownConnection?: boolean;
      } = {},
    ): Promise<ImportProgress> {
      assertCan(ctx.actor, 'interactions.write');
      const r = await rules.get(db);
      const fields = { numericFields: r.numericFields, textFields: r.textFields };
      if (options.inWorker === false)
        return ingestEntries(
          r,
          readInteractionRecordBatches(path, { ...reader, ...fields, onBytes: options.onBytes }),
          options,
        );
      if (options.ownConnection) await monitoringRepository.widenCacheForBulk(db, dialect);
      const input = {
        path,
        reader: { ...reader, ...fields },
        rules: r.input,
        asOfMs: now(),
        chunkSize: options.chunkSize ?? IMPORT_CHUNK,
      };
      const progress = await importInWorker(
        input,
        async (next) => {
          const first = await next();
          if (first === undefined) return { created: 0, updated: 0, unchanged: 0 };
          return db.transaction().execute(async (tx) => {
            const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
            const deltas = new RollupDeltas();
            for (let batch: PreparedBatch | undefined = first; batch !== undefined; batch = await next()) {
              const c = await writePrepared(tx, dialect, batch, now(), deltas);
              counts.created += c.created;
              counts.updated += c.updated;
              counts.unchanged += c.unchanged;
            }
            await deltas.flush(tx, dialect);
            return counts;
          });
        },
        options,
      );
      await settleDue();
      return progress;
    },

    /** The fields that must be numbers or are read as text, for the reader of a file. */
    async readerFields() {
      const r = await rules.get(db);
      return { numericFields: r.numericFields, textFields: r.textFields };
    },

    /** `GET /compliance`: rows as `etalon evaluate --format json` writes them. */
    async compliance(ctx: CallContext, q: ComplianceQuery): Promise<ComplianceResponse> {
      await settleDue();
      const r = await rules.get(db);
      const scope = await scopeOf(ctx.actor, r);
      const rows = await sumRollups(db, r, {
        fromDay: dayOf(q.from),
        toDay: dayOf(q.to),
        grainOf: (code, version) => q.period ?? r.versions.get(code)!.get(version)!.period,
        standards: q.standard ? new Set(q.standard) : undefined,
        unitIds: subtreeIds(r, q.unit),
        employeeId: employeeIdOf(r, q.employee),
        channel: q.channel,
        byEmployee: q.by === 'employee',
        scope,
      });
      return {
        as_of: clock().toISOString(),
        results: asResults(mergeVersions(rows), r, q.by === 'employee'),
      };
    },

    /** The heatmap: each unit's whole subtree × each standard, over the range. */
    async summary(ctx: CallContext, q: SummaryQuery): Promise<SummaryResponse> {
      await settleDue();
      const r = await rules.get(db);
      const scope = await scopeOf(ctx.actor, r);
      const fromDay = dayOf(q.from);
      const toDay = dayOf(q.to);
      const grain = alignedGrain(fromDay, toDay);
      const filterUnits = subtreeIds(r, q.unit);
      const rows = await sumRollups(db, r, {
        fromDay,
        toDay,
        grainOf: () => grain,
        standards: q.standard ? new Set(q.standard) : undefined,
        unitIds: filterUnits,
        employeeId: employeeIdOf(r, q.employee),
        channel: q.channel,
        byEmployee: false,
        scope,
      });
      // Own counts per unit × standard, then each unit's subtree summed up its ancestors.
      const cells = new Map<string, { standard: string; unitId: string; version: number; c: number[] }>();
      for (const row of rows) {
        const grainRange =
          row.period >= periodOfDay(grain, fromDay) && row.period <= periodOfDay(grain, toDay);
        if (!grainRange) continue;
        for (let u: string | null = row.unitId; u !== null; u = r.unitsById.get(u)?.parentId ?? null) {
          if (filterUnits && !filterUnits.has(u)) break;
          const key = `${row.standard}\u0000${u}`;
          let cell = cells.get(key);
          if (!cell)
            cells.set(key, (cell = { standard: row.standard, unitId: u, version: 0, c: [0, 0, 0, 0] }));
          cell.c[0]! += row.pass;
          cell.c[1]! += row.fail;
          cell.c[2]! += row.na;
          cell.c[3]! += row.pending;
          cell.version = Math.max(cell.version, row.version);
        }
      }
      const visible = (unitId: string) =>
        scope.all ||
        scope.unitIds.has(unitId) ||
        (scope.unitIds.size === 0 && rows.some((x) => x.unitId === unitId));
      const unitRows = [...r.unitsById.values()].filter(
        (u) => (!filterUnits || filterUnits.has(u.id)) && visible(u.id),
      );
      const standardCodes = [...r.versions.keys()].filter(
        (code) =>
          (!q.standard || q.standard.includes(code)) &&
          (q.channel === undefined ||
            [...r.versions.get(code)!.values()].some((v) => !v.channels || v.channels.includes(q.channel!))),
      );
      const latest = (code: string) => {
        const vs = [...r.versions.get(code)!.values()];
        return vs.reduce((a, b) => (b.version > a.version ? b : a));
      };
      return {
        as_of: clock().toISOString(),
        min_judged: MIN_JUDGED,
        standards: standardCodes.sort().map((code) => {
          const v = latest(code);
          return {
            code,
            title: typeof v.title === 'string' ? { en: v.title, ru: v.title } : v.title,
            target: v.target,
            period: v.period,
            observed: v.observed,
          };
        }),
        units: unitRows
          .sort((a, b) => (a.code < b.code ? -1 : 1))
          .map((u) => ({
            id: u.id,
            code: u.code,
            name_ru: u.nameRu,
            name_en: u.nameEn,
            parent_code: u.parentId === null ? null : (r.unitsById.get(u.parentId)?.code ?? null),
          })),
        cells: [...cells.values()]
          .filter((cell) => visible(cell.unitId))
          .map((cell) => {
            const [pass, fail, na, pending] = cell.c as [number, number, number, number];
            const judged = pass + fail;
            const compliance = judged === 0 ? null : pass / judged;
            const target = r.versions.get(cell.standard)!.get(cell.version)!.target;
            return {
              standard: cell.standard,
              unit: r.unitsById.get(cell.unitId)!.code,
              pass,
              fail,
              na,
              pending,
              compliance,
              target,
              met: compliance === null ? null : compliance >= target,
              enough: judged >= MIN_JUDGED,
            };
          })
          .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.standard < b.standard ? -1 : 1)),
      };
    },

    /** One standard's compliance period by period, over the unit subtree (or everything). */
    async trend(ctx: CallContext, q: TrendQuery): Promise<TrendResponse> {
      await settleDue();
      const r = await rules.get(db);
      const scope = await scopeOf(ctx.actor, r);
      const versions = r.versions.get(q.standard);
      if (!versions) throw new AppError('not_found', `No published standard has the code "${q.standard}".`);
      const latest = [...versions.values()].reduce((a, b) => (b.version > a.version ? b : a));
      const grain = q.period ?? latest.period;
      const rows = await sumRollups(db, r, {
        fromDay: dayOf(q.from),
        toDay: dayOf(q.to),
        grainOf: () => grain,
        standards: new Set([q.standard]),
        unitIds: subtreeIds(r, q.unit),
        employeeId: employeeIdOf(r, q.employee),
        channel: q.channel,
        byEmployee: false,
        scope,
      });
      const byPeriod = new Map<string, { version: number; c: [number, number, number, number] }>();
      for (const row of rows) {
        let p = byPeriod.get(row.period);
        if (!p) byPeriod.set(row.period, (p = { version: 0, c: [0, 0, 0, 0] }));
        p.c[0] += row.pass;
        p.c[1] += row.fail;
        p.c[2] += row.na;
        p.c[3] += row.pending;
        p.version = Math.max(p.version, row.version);
      }
      return {
        standard: q.standard,
        period: grain,
        points: [...byPeriod.entries()]
          .filter(([, p]) => p.c.some((x) => x !== 0))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([period, p]) => {
            const [pass, fail, na, pending] = p.c;
            const judged = pass + fail;
            return {
              period,
              pass,
              fail,
              na,
              pending,
              compliance: judged === 0 ? null : pass / judged,
              target: versions.get(p.version)!.target,
            };
          }),
      };
    },

    /** The records behind a cell: one standard's fail (or na, pending) verdicts, newest first. */
    async findings(ctx: CallContext, q: FindingsQuery): Promise<FindingsResponse> {
      await settleDue();
      const r = await rules.get(db);
      const scope = await scopeOf(ctx.actor, r);
      const units = subtreeIds(r, q.unit);
      const employeeId = employeeIdOf(r, q.employee);
      let allowed: string[] | undefined;
      if (!scope.all && scope.unitIds.size > 0) {
        allowed = [...scope.unitIds].filter((id) => !units || units.has(id));
      } else if (units) allowed = [...units];
      const ownOnly = !scope.all && scope.unitIds.size === 0;
      if (ownOnly && scope.employeeId === null) return { items: [], total: 0 };
      let base = db
        .selectFrom('findings')
        .where('standard', '=', q.standard)
        .where('verdict', '=', q.verdict)
        .where('day', '>=', dayOf(q.from))
        .where('day', '<=', dayOf(q.to));
      if (allowed !== undefined)
        base =
          allowed.length === 0 ? base.where('unit_id', 'in', ['']) : base.where('unit_id', 'in', allowed);
      if (q.channel !== undefined) base = base.where('channel', '=', q.channel);
      if (employeeId !== undefined) base = base.where('employee_id', '=', employeeId);
      if (ownOnly) base = base.where('employee_id', '=', scope.employeeId!);
      const [{ n }, items] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('started_at', 'desc')
          .orderBy('interaction_id')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
      ]);
      return {
        total: Number(n),
        items: items.map((f) => ({
          ...(f.interaction_id.startsWith(AUDIT_FINDING_PREFIX)
            ? { interaction_id: null, audit_id: f.interaction_id.slice(AUDIT_FINDING_PREFIX.length) }
            : { interaction_id: f.interaction_id, audit_id: null }),
          standard: f.standard,
          version: f.version,
          verdict: f.verdict,
          reason: f.reason,
          unit: r.unitsById.get(f.unit_id)?.code ?? f.unit_id,
          employee:
            f.employee_id === null ? null : (r.employeesById.get(f.employee_id)?.code ?? f.employee_id),
          channel: f.channel as FindingsResponse['items'][number]['channel'],
          started_at: new Date(Number(f.started_at)).toISOString(),
          due_at: f.due_at === null ? null : new Date(Number(f.due_at)).toISOString(),
        })),
      };
    },

    /** `GET /interactions/{id}`: the record and every standard's verdict on it, with reasons. */
    async interaction(ctx: CallContext, id: string): Promise<InteractionDetail> {
      await settleDue();
      const r = await rules.get(db);
      const scope = await scopeOf(ctx.actor, r);
      const row = await db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
      const visible =
        row !== undefined &&
        (scope.all ||
          scope.unitIds.has(row.unit_id) ||
          (scope.employeeId !== null && row.employee_id === scope.employeeId));
      if (!visible) throw new AppError('not_found', `No interaction record has the id "${id}".`);
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const record: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(data)) {
        if (k === 'numbers' || k === 'texts') Object.assign(record, v);
        else if ((k === 'started_at' || k === 'answered_at' || k === 'ended_at') && typeof v === 'number')
          record[k] = new Date(v).toISOString();
        else record[k] = v;
      }
      const unit = r.unitsById.get(row.unit_id);
      const employee = row.employee_id === null ? undefined : r.employeesById.get(row.employee_id);
      // Passes are stored without a reason; judged again here with reasons (the same rules give the same pass).
      let reasons: Map<string, string> | undefined;
      const passReasons = () =>
        (reasons ??= new Map(
          r
            .judge(recordNow(r, row), Number(row.updated_at), true)
            .filter((v) => v.verdict === 'pass')
            .map((v) => [`${v.standard}\u0000${v.version}`, v.reason]),
        ));
      return {
        record,
        unit: {
          code: unit?.code ?? row.unit_id,
          name_ru: unit?.nameRu ?? null,
          name_en: unit?.nameEn ?? null,
        },
        employee: employee ? { code: employee.code, name: employee.names[0] ?? employee.code } : null,
        verdicts: storedVerdicts(row.verdicts).map(([standard, version, verdict, day, reason]) => {
          const kind = r.versions.get(standard)?.get(version)?.period ?? 'day';
          const worded = reason !== '' ? reason : (passReasons().get(`${standard}\u0000${version}`) ?? '');
          return {
            standard,
            version,
            verdict,
            reason: worded,
            period: periodOfLocalDate(kind, day, weekdayOf(day)),
          };
        }),
        updated_at: new Date(Number(row.updated_at)).toISOString(),
      };
    },

    /**
     * Runs the queued jobs, oldest first, one at a time; each is claimed atomically, so a server
     * and a CLI never run the same one. Returns how many ran.
     */
    async runJobs(): Promise<number> {
      let ran = 0;
      for (;;) {
        const next = await db
          .selectFrom('monitoring_jobs')
          .selectAll()
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .orderBy('id')
          .executeTakeFirst();
        if (!next) return ran;
        const claimed = await db
          .updateTable('monitoring_jobs')
          .set({ status: 'running', started_at: clock().toISOString() })
          .where('id', '=', next.id)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) continue;
        ran += 1;
        try {
          const run = runners[next.kind];
          if (!run) throw new Error(`no runner for ${next.kind} jobs`);
          await run({ ...next, status: 'running' });
        } catch (error) {
          await db
            .updateTable('monitoring_jobs')
            .set({ status: 'failed', error: (error as Error).message, finished_at: clock().toISOString() })
            .where('id', '=', next.id)
            .execute();
        }
      }
    },

    /** Jobs, newest first; `active` only the queued and running ones (the web's progress banner). */
    async jobs(
      ctx: CallContext,
      options: { active?: boolean; kind?: MonitoringJobsTable['kind'] } = {},
    ): Promise<Job[]> {
      assertCan(ctx.actor, 'monitoring.read');
      // File imports name their files and errors: for those who manage monitoring (and upload) only.
      const importsToo = roleCan(ctx.actor.role, 'monitoring.manage');
      const rows = await db
        .selectFrom('monitoring_jobs')
        .selectAll()
        .$if(!importsToo, (q) => q.where('kind', '=', 'rejudge'))
        .$if(options.active === true, (q) => q.where('status', 'in', ['queued', 'running']))
        .$if(options.kind !== undefined, (q) => q.where('kind', '=', options.kind!))
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      return rows.map(presentJob);
    },

    async job(ctx: CallContext, id: string): Promise<Job> {
      assertCan(ctx.actor, 'monitoring.read');
      const row = await db.selectFrom('monitoring_jobs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || (row.kind === 'import' && !roleCan(ctx.actor.role, 'monitoring.manage')))
        throw new AppError('not_found', 'No such job.');
      return presentJob(row);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
