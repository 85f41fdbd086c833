import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { actorForUser, AppError, assertCan, ValidationError, type Actor } from '../core';
import { assertTimeZone } from '../core/time/zoned-time';
import {
  ColumnMapping,
  type ImportFormat,
  type ImportQuery,
  type Job,
  type RejectedRecord,
} from '../contract/monitoring.schema';
import type { ImportRejectionsTable, MonitoringJobsTable } from '../db/database';
import { newId } from '../db/ids';
import type { Extension } from './files/asterisk-cdr.converter';
import type { ImportMappingService } from './import-mapping.service';
import type { ImportProgress, MonitoringService } from './monitoring.service';
import type { CallContext, ServiceDeps } from './service-context';

/** Largest file an import takes (413 above it). */
export const IMPORT_FILE_LIMIT = 1024 * 1024 * 1024;
/** The error of an import whose process died while it ran. */
export const INTERRUPTED = 'interrupted — upload the file again';
/** Rejected problems written per insert. */
const REJECTIONS_BATCH = 500;
/** Progress (bytes, counts) written at most this often, in ms of real time. */
const PROGRESS_EVERY_MS = 250;
/**
 * Records per transaction of a server-side import, and a pause after each: the server has one
 * SQLite connection, and a read waits for the transaction in progress at each of its few queries.
 * Short transactions with a breath between them let reads through at once instead of after
 * several transactions (docs/BENCHMARKS.md).
 */
const SERVER_CHUNK = 1_000;
const BREATH_MS = 25;

/** What an import job keeps in `monitoring_jobs.scope`. */
interface ImportScope {
  path: string;
  name: string;
  format: ImportFormat;
  timezone: string | null;
  mapping: Record<string, string> | null;
  /** Who uploaded: the import writes records as them. */
  actor: Pick<Actor, 'kind' | 'id' | 'label' | 'role'>;
}

/** The format a file name implies: .csv, .ndjson/.jsonl; undefined otherwise. */
function formatOfName(name: string | undefined): ImportFormat | undefined {
  const ext = extname(name ?? '').toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return undefined;
}

const queryIssue = (path: string, message: string) =>
  new ValidationError([{ in: 'query', path, message }], `${path}: ${message}`);

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised (spreadsheet formula injection). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * File imports through the server (issue 6): an upload is streamed to `<dataDir>/imports/`, queued
 * as a job and read by the job loop (`services.monitoring.runJobs()`), which writes its records as
 * the uploader, keeps the job's progress (bytes read, counts) and every rejected record's problems
 * (`rejected.csv`). Records are idempotent by id, so uploading the same file again after a crash
 * completes the import.
 */
export function createImportService(
  deps: ServiceDeps,
  monitoring: MonitoringService,
  mappings: ImportMappingService,
) {
  const { db, clock } = deps;
  const dir = join(deps.dataDir, 'imports');

  /** The query, checked before a byte of the body is stored. */
  async function settingsOf(query: ImportQuery) {
    const format = query.format ?? formatOfName(query.name);
    if (format === undefined)
      throw queryIssue(
        'format',
        'name the format (csv, ndjson or asterisk-cdr): the file name does not tell it',
      );
    let timezone: string | null = null;
    if (format === 'asterisk-cdr') {
      if (!query.timezone)
        throw queryIssue('timezone', 'an Asterisk CDR file needs the time zone of its times');
      try {
        timezone = assertTimeZone(query.timezone);
      } catch {
        throw queryIssue('timezone', `"${query.timezone}" is not a known IANA time zone`);
      }
    }
    let mapping: Record<string, string> | null = null;
    const given = query.mapping?.trim();
    if (given) {
      if (given.startsWith('{')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(given);
        } catch {
          throw queryIssue('mapping', 'is not valid JSON');
        }
        const checked = ColumnMapping.safeParse(parsed);
        if (!checked.success)
          throw queryIssue(
            'mapping',
            'must be a JSON object {"our field": "their column"} of non-empty names',
          );
        mapping = checked.data;
      } else {
        const saved = await mappings.find(given);
        if (!saved) throw queryIssue('mapping', `no saved mapping has the id "${given}"`);
        mapping = saved.mapping;
      }
      if (Object.keys(mapping).length === 0) mapping = null;
    }
    return { format, timezone, mapping };
  }

  /** Unit and employee codes of every phone extension in the organization (for Asterisk CDR). */
  async function extensionMap(): Promise<Map<string, Extension>> {
    const rows = await db
      .selectFrom('employees')
      .innerJoin('units', 'units.id', 'employees.unit_id')
      .select(['employees.code as employee', 'units.code as unit', 'employees.extensions'])
      .where('employees.status', '=', 'active')
      .orderBy('employees.code')
      .execute();
    const map = new Map<string, Extension>();
    for (const row of rows)
      for (const ext of JSON.parse(row.extensions) as string[])
        if (!map.has(String(ext))) map.set(String(ext), { unit: row.unit, employee: row.employee });
    return map;
  }

  /** The uploader as they are now (a person's role may have changed since; a deactivated one cannot import). */
  async function actorOf(scope: ImportScope): Promise<Actor> {
    if (scope.actor.kind !== 'user') return { ...scope.actor, units: 'all' };
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'role', 'status'])
      .where('id', '=', scope.actor.id)
      .executeTakeFirst();
    if (!user || user.status !== 'active')
      throw new Error('the person who uploaded the file can no longer import');
    return actorForUser(user);
  }

  /** The job runner: reads the stored file, writes its records, keeps progress and rejections. */
  async function run(job: MonitoringJobsTable): Promise<void> {
    const scope = JSON.parse(job.scope) as ImportScope;
    let bytes = 0;
    let counts: ImportProgress = { created: 0, updated: 0, unchanged: 0, rejected_count: 0, records: 0 };
    let rejections: ImportRejectionsTable[] = [];
    let n = 0;
    let lastWrite = 0;
    const flushRejections = async () => {
      for (let i = 0; i < rejections.length; i += REJECTIONS_BATCH)
        await db
          .insertInto('import_rejections')
          .values(rejections.slice(i, i + REJECTIONS_BATCH))
          .execute();
      rejections = [];
    };
    const writeProgress = async () => {
      lastWrite = performance.now();
      await db
        .updateTable('monitoring_jobs')
        .set({ done: bytes, counts: JSON.stringify(counts) })
        .where('id', '=', job.id)
        .execute();
    };
    try {
      const ctx: CallContext = { actor: await actorOf(scope) };
      // In a worker thread (see monitoring/import-pipeline.ts): the server's thread only writes,
      // one short transaction at a time, and reads are answered between them.
      counts = await monitoring.importFile(
        ctx,
        scope.path,
        {
          format: scope.format,
          mapping: scope.mapping ?? undefined,
          asterisk:
            scope.format === 'asterisk-cdr'
              ? { timezone: scope.timezone!, extensions: await extensionMap() }
              : undefined,
        },
        {
          onBytes: (b) => {
            bytes = b;
          },
          onProgress: (p) => {
            counts = p;
          },
          onRejected: (r: RejectedRecord) => {
            rejections.push({
              job_id: job.id,
              n: n++,
              line: r.line ?? null,
              record_id: r.id,
              field: r.field,
              reason: r.reason,
            });
          },
          chunkSize: SERVER_CHUNK,
          afterTransaction: async () => {
            if (rejections.length >= REJECTIONS_BATCH) await flushRejections();
            if (performance.now() - lastWrite >= PROGRESS_EVERY_MS) await writeProgress();
            await sleep(BREATH_MS);
          },
        },
      );
      await flushRejections();
      await db
        .updateTable('monitoring_jobs')
        .set({
          status: 'done',
          done: Number(job.total),
          counts: JSON.stringify(counts),
          finished_at: clock().toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      // What was done stays visible on the failed job (runJobs marks it failed with the message).
      await flushRejections().catch(() => undefined);
      await writeProgress().catch(() => undefined);
      // The reader names the stored file; people know it by the name they uploaded.
      if (error instanceof Error) error.message = error.message.split(scope.path).join(scope.name);
      throw error;
    } finally {
      await rm(scope.path, { force: true });
    }
  }

  monitoring.registerRunner('import', run);

  return {
    /** Where uploads wait for their job: `<dataDir>/imports`. */
    directory: dir,

    /**
     * `POST /imports`: checks the query, streams the body to `<dataDir>/imports/<job id>.upload`
     * (never whole in memory) and queues the import. A body that breaks off (the client gave up)
     * or passes IMPORT_FILE_LIMIT leaves no file and no job.
     */
    async upload(ctx: CallContext, query: ImportQuery, body: Readable): Promise<Job> {
      // A client that gives up while the query is checked must not crash the process with an
      // unheard 'error'; pipeline() below reports the broken body.
      body.on('error', () => undefined);
      assertCan(ctx.actor, 'monitoring.manage');
      assertCan(ctx.actor, 'interactions.write');
      const settings = await settingsOf(query);
      const now = clock();
      const id = newId(now.getTime());
      const path = join(dir, `${id}.upload`);
      await mkdir(dir, { recursive: true });
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > IMPORT_FILE_LIMIT)
            callback(
              new AppError('payload_too_large', `A file import takes at most ${IMPORT_FILE_LIMIT} bytes`),
            );
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(path, { flags: 'wx' }));
        if (size === 0)
          throw new ValidationError(
            [{ in: 'body', path: '', message: 'the file is empty' }],
            'The file is empty',
          );
        size = (await stat(path)).size;
        const scope: ImportScope = {
          path,
          name: query.name ?? `${id}.${settings.format === 'ndjson' ? 'ndjson' : 'csv'}`,
          ...settings,
          actor: { kind: ctx.actor.kind, id: ctx.actor.id, label: ctx.actor.label, role: ctx.actor.role },
        };
        const row: MonitoringJobsTable = {
          id,
          kind: 'import',
          status: 'queued',
          title: scope.name,
          scope: JSON.stringify(scope),
          total: size,
          done: 0,
          counts: JSON.stringify({ created: 0, updated: 0, unchanged: 0, rejected_count: 0, records: 0 }),
          error: null,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          created_at: now.toISOString(),
          started_at: null,
          finished_at: null,
        };
        await db.insertInto('monitoring_jobs').values(row).execute();
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return monitoring.job(ctx, id);
    },

    /**
     * Every rejected problem of an import as CSV text in pieces, in file order: `index` is the
     * problem's running number, `line` the file line of its record. Checks first (403, 404), so an
     * answer that starts streaming does not fail on them.
     */
    async rejectedCsv(ctx: CallContext, jobId: string): Promise<AsyncGenerator<string>> {
      assertCan(ctx.actor, 'monitoring.manage');
      const job = await db
        .selectFrom('monitoring_jobs')
        .select('id')
        .where('id', '=', jobId)
        .where('kind', '=', 'import')
        .executeTakeFirst();
      if (!job)
        throw new AppError('not_found', `No import with id ${jobId}`, { entity: 'import', id: jobId });
      return (async function* () {
        yield 'index,line,id,field,reason\r\n';
        let after = -1;
        for (;;) {
          const rows = await db
            .selectFrom('import_rejections')
            .selectAll()
            .where('job_id', '=', jobId)
            .where('n', '>', after)
            .orderBy('n')
            .limit(2000)
            .execute();
          if (rows.length === 0) return;
          after = Number(rows[rows.length - 1]!.n);
          yield rows
            .map(
              (r) =>
                [Number(r.n), r.line === null ? null : Number(r.line), r.record_id, r.field, r.reason]
                  .map(csvCell)
                  .join(',') + '\r\n',
            )
            .join('');
        }
      })();
    },

    /**
     * At server start: imports left running by a process that died are failed (their upload
     * files removed, and any file no queued import waits for); uploading the same file again
     * completes them. Returns how many were failed.
     */
    async failInterrupted(): Promise<number> {
      const rows = await db
        .selectFrom('monitoring_jobs')
        .select(['id', 'scope'])
        .where('kind', '=', 'import')
        .where('status', '=', 'running')
        .execute();
      for (const row of rows) {
        await db
          .updateTable('monitoring_jobs')
          .set({ status: 'failed', error: INTERRUPTED, finished_at: clock().toISOString() })
          .where('id', '=', row.id)
          .where('status', '=', 'running')
          .execute();
        const path = (JSON.parse(row.scope) as Partial<ImportScope>).path;
        if (path) await rm(path, { force: true });
      }
      // A file no queued job waits for (the process died between storing it and queueing it).
      const files = await readdir(dir).catch(() => [] as string[]);
      const waiting = new Set(
        (
          await db
            .selectFrom('monitoring_jobs')
            .select('id')
            .where('kind', '=', 'import')
            .where('status', '=', 'queued')
            .execute()
        ).map((j) => `${j.id}.upload`),
      );
      for (const file of files)
        if (file.endsWith('.upload') && !waiting.has(file)) await rm(join(dir, file), { force: true });
      return rows.length;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
