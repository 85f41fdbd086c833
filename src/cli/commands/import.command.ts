import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError, ValidationError } from '../../core';
import type { InteractionRecord } from '../../contract/interaction-record.schema';
import {
  MAX_RECORDS_PER_REQUEST,
  type IngestResult,
  type RejectedRecord,
} from '../../contract/monitoring.schema';
import type { Db } from '../../db/database';
import { readExtensionMap, type Extension } from '../../services/files/asterisk-cdr.converter';
import {
  readInteractionRecordBatches,
  type ReadRecordsOptions,
  type RecordEntry,
  type RecordsFormat,
} from '../../services/files/interaction-records.reader';
import { rejectionsOf } from '../../services/monitoring/ingest';
import { EXIT_BAD_INPUT } from '../output';
import { megabytes, progressBar } from '../progress';
import { runQueuedRejudging } from '../run-queued-jobs';
import { withRuntime } from '../with-runtime';

interface ImportOptions {
  format?: RecordsFormat;
  timezone?: string;
  extensions?: string;
  mapping?: string;
  server?: string;
  token?: string;
  atomic?: boolean;
  batch?: number;
}

/**
 * Records per transaction of a local import. Big: the CLI writes from a process of its own (the
 * server keeps answering reads from its connection), and the bigger a chunk, the more of each day's
 * roll-up rows one upsert covers. A crash loses at most the chunk in flight.
 */
const LOCAL_BATCH = 200_000;

interface Totals {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Rejected problems printed in full; the rest are counted. */
const SHOWN_PROBLEMS = 20;

/**
 * What an import tells as it goes: the progress bar (a terminal only), the first problems of
 * rejected records as `FILE:LINE (id X) field: reason`, and the summary at the end.
 */
function importReporter(file: string, size: number) {
  const name = basename(file);
  const bar = progressBar(size);
  const started = performance.now();
  const problems: string[] = [];
  let moreProblems = 0;
  let bytes = 0;
  let phase = '';
  const totals: Totals = { records: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const seconds = () => (performance.now() - started) / 1000;
  const rate = (n: number) => Math.round(n / Math.max(seconds(), 0.001));
  const draw = (force = false) =>
    bar.update(
      bytes,
      `${phase}${megabytes(bytes)}/${megabytes(size)}  ${rate(totals.records)} records/s  ` +
        `created ${totals.created}  updated ${totals.updated}  unchanged ${totals.unchanged}  rejected ${totals.rejected}`,
      force,
    );
  return {
    totals,
    onBytes(read: number) {
      bytes = read;
      draw();
    },
    setPhase(text: string) {
      phase = text;
      draw(true);
    },
    progress(next: Partial<Totals>) {
      Object.assign(totals, next);
      draw();
    },
    problem(p: { line?: number | undefined; id: string | null; field: string; reason: string }) {
      if (problems.length >= SHOWN_PROBLEMS) {
        moreProblems += 1;
        return;
      }
      const where = `${name}${p.line === undefined ? '' : `:${p.line}`}${p.id === null ? '' : ` (id ${p.id})`}`;
      problems.push(`${where} ${p.field === '' ? '' : `${p.field}: `}${p.reason}`);
    },
    /** The summary on stderr; returns the exit code (2 when records were rejected). */
    finish(note?: string): number {
      bar.clear();
      for (const line of problems) process.stderr.write(`  ${line}\n`);
      if (moreProblems > 0) process.stderr.write(`  … and ${moreProblems} more\n`);
      const s = seconds();
      process.stderr.write(
        `etalon: ${name}: ${totals.records} record(s) in ${s.toFixed(1)} s (${rate(totals.records)} records/s): ` +
          `${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.rejected} rejected\n`,
      );
      if (note) process.stderr.write(`etalon: ${note}\n`);
      return totals.rejected > 0 ? EXIT_BAD_INPUT : 0;
    },
    bar,
  };
}

/** `--mapping`: JSON text `{"our field": "their column"}`, or a file holding it. */
async function readMapping(text: string | undefined): Promise<Record<string, string> | undefined> {
  if (text === undefined) return undefined;
  let json = text;
  if (!text.trimStart().startsWith('{')) {
    try {
      json = await readFile(text, 'utf8');
    } catch (e) {
      throw new AppError(
        'not_found',
        `cannot read ${text}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new ValidationError([{ path: 'mapping', message: `is not JSON: ${(e as Error).message}` }]);
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  )
    throw new ValidationError([
      { path: 'mapping', message: 'must be an object {"our field": "their column", …}' },
    ]);
  return value as Record<string, string>;
}

/** Extension → unit and employee from the organization's employees (active ones win a clash). */
export async function organizationExtensions(db: Db): Promise<Map<string, Extension>> {
  const rows = await db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unit_id')
    .select(['employees.code as employee', 'units.code as unit', 'employees.extensions', 'employees.status'])
    .orderBy('employees.code')
    .execute();
  const map = new Map<string, Extension>();
  for (const status of ['active', 'left'] as const)
    for (const row of rows.filter((r) => r.status === status))
      for (const extension of JSON.parse(row.extensions) as string[])
        if (!map.has(extension)) map.set(extension, { unit: row.unit, employee: row.employee });
  return map;
}

/** A validated record as the API takes it: instants as ISO text, further columns as they came. */
function wireRecord(r: InteractionRecord): Record<string, unknown> {
  const { numbers, texts, started_at, answered_at, ended_at, ...rest } = r;
  return {
    ...numbers,
    ...texts,
    ...rest,
    started_at: new Date(started_at).toISOString(),
    ...(answered_at === undefined ? {} : { answered_at: new Date(answered_at).toISOString() }),
    ...(ended_at === undefined ? {} : { ended_at: new Date(ended_at).toISOString() }),
  };
}

/** The reader's options shared by both modes. */
async function readerOptions(
  options: ImportOptions,
  extensions: () => Promise<Map<string, Extension>>,
): Promise<Omit<ReadRecordsOptions, 'numericFields' | 'textFields' | 'onBytes'>> {
  const mapping = await readMapping(options.mapping);
  const format = options.format;
  if (format === 'asterisk-cdr' && options.timezone === undefined)
    throw new ValidationError([{ path: 'timezone', message: 'an Asterisk CDR file needs --timezone' }]);
  const asterisk =
    format === 'asterisk-cdr'
      ? {
          timezone: options.timezone!,
          extensions: options.extensions ? await readExtensionMap(options.extensions) : await extensions(),
        }
      : undefined;
  return { format, mapping, asterisk };
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    throw new AppError('not_found', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

async function importLocal(file: string, options: ImportOptions): Promise<number> {
  const size = await fileSize(file);
  return withRuntime(async (runtime, ctx) => {
    const monitoring = runtime.services.monitoring;
    const base = await readerOptions(options, () => organizationExtensions(runtime.database.db));
    const report = importReporter(file, size);
    const read = async () =>
      readInteractionRecordBatches(file, {
        ...base,
        ...(await monitoring.readerFields()),
        onBytes: report.onBytes,
      });
    if (options.atomic) {
      // First pass: every record checked as the import would, nothing written.
      report.setPhase('checking  ');
      const rules = await monitoring.rulesCache.get(runtime.database.db);
      for await (const batch of await read())
        for (const entry of batch) {
          const rejected = rejectionsOf(rules, entry, report.totals.records);
          report.totals.records += 1;
          if (rejected.length === 0) continue;
          report.totals.rejected += 1;
          for (const r of rejected) report.problem(r);
        }
      if (report.totals.rejected > 0) return report.finish('--atomic: nothing was written');
      Object.assign(report.totals, { records: 0 });
      report.setPhase('');
    }
    const done = await monitoring.importFile(ctx, file, base, {
      ownConnection: true,
      chunkSize: options.batch ?? LOCAL_BATCH,
      onBytes: report.onBytes,
      onProgress: (p) =>
        report.progress({
          records: p.records,
          created: p.created,
          updated: p.updated,
          unchanged: p.unchanged,
          rejected: p.rejected_count,
        }),
      onRejected: (r) => report.problem(r),
    });
    report.progress({
      records: done.records,
      created: done.created,
      updated: done.updated,
      unchanged: done.unchanged,
      rejected: done.rejected_count,
    });
    const code = report.finish();
    // Re-judgings queued by earlier catalog changes: run them now, as the server would.
    await runQueuedRejudging(runtime);
    return code;
  });
}

/** An HTTP failure named as a person can act on it: the status and the server's own message. */
async function httpFailure(url: string, response: Response): Promise<Error> {
  const text = await response.text();
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message)
      message = `${body.error.message}${body.error.code ? ` (${body.error.code})` : ''}`;
  } catch {
    // not JSON: the text as it came
  }
  return new Error(`${url} answered ${response.status} ${response.statusText}: ${message || '(no body)'}`);
}

async function importRemote(file: string, options: ImportOptions): Promise<number> {
  const size = await fileSize(file);
  const token = options.token ?? process.env.ETALON_TOKEN;
  if (!token)
    throw new ValidationError([{ path: 'token', message: '--server needs --token (or ETALON_TOKEN)' }]);
  const url = `${options.server!.replace(/\/+$/, '')}/api/v1/interactions${options.atomic ? '?atomic=true' : ''}`;
  const base = await readerOptions(options, () => {
    throw new ValidationError([
      {
        path: 'extensions',
        message: 'against a server, an Asterisk CDR file needs --extensions (the extension map)',
      },
    ]);
  });
  const report = importReporter(file, size);
  // Every further column is kept as it came (the server knows which are numbers or texts).
  const everyColumn = { has: () => true } as unknown as ReadonlySet<string>;
  const reader = readInteractionRecordBatches(file, {
    ...base,
    textFields: everyColumn,
    onBytes: report.onBytes,
  });
  let pending: Extract<RecordEntry, { record: InteractionRecord }>[] = [];
  let refusedNote: string | undefined;

  const send = async (): Promise<boolean> => {
    if (pending.length === 0) return true;
    const batch = pending;
    pending = [];
    const body = batch.map((e) => JSON.stringify(wireRecord(e.record))).join('\n');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body: `${body}\n`,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(
        `cannot reach ${options.server}: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
      );
    }
    const lineOf = (r: RejectedRecord) => batch[r.index]?.line;
    if (response.status === 422 && options.atomic) {
      const failure = (await response.json()) as {
        error?: { code?: string; message?: string; details?: { rejected?: RejectedRecord[] } };
      };
      if (failure.error?.code === 'import_refused') {
        const rejected = failure.error.details?.rejected ?? [];
        report.totals.rejected += new Set(rejected.map((r) => r.index)).size;
        for (const r of rejected) report.problem({ ...r, line: lineOf(r) });
        refusedNote = `--atomic: a batch was refused (${failure.error.message}); earlier batches were written, the rest was not sent`;
        return false;
      }
    }
    if (!response.ok) throw await httpFailure(url, response);
    const result = (await response.json()) as IngestResult;
    report.totals.created += result.created;
    report.totals.updated += result.updated;
    report.totals.unchanged += result.unchanged;
    report.totals.rejected += result.rejected_count;
    for (const r of result.rejected) report.problem({ ...r, line: lineOf(r) });
    report.progress({});
    return true;
  };

  read: for await (const entries of reader) {
    for (const entry of entries) {
      report.totals.records += 1;
      if ('problems' in entry) {
        report.totals.rejected += 1;
        for (const p of entry.problems)
          report.problem({ line: entry.line, id: entry.id ?? null, field: p.field, reason: p.message });
        if (options.atomic) {
          refusedNote = `--atomic: line ${entry.line} is invalid; earlier batches were written, the rest was not sent`;
          break read;
        }
        continue;
      }
      pending.push(entry);
      if (pending.length >= MAX_RECORDS_PER_REQUEST && !(await send())) break read;
    }
  }
  if (refusedNote === undefined) await send();
  return report.finish(refusedNote);
}

/** `etalon import`: interaction records from a file into monitoring, here or on a running server. */
export function registerImport(program: Command) {
  program
    .command('import')
    .description('import interaction records into monitoring (judged and rolled up as they are written)')
    .argument('<file>', 'the records file (.csv with a header, .ndjson, or an Asterisk Master.csv)')
    .addOption(
      new Option('--format <format>', 'the file format when the extension does not tell').choices([
        'csv',
        'ndjson',
        'asterisk-cdr',
      ]),
    )
    .option('--timezone <zone>', "asterisk-cdr: the PBX's IANA time zone, e.g. Europe/Moscow")
    .option(
      '--extensions <file>',
      "asterisk-cdr: CSV extension,unit,employee (default: the employees' extensions in Etalon)",
    )
    .option('--mapping <json|file>', 'their column names: {"our field": "their column", …} or a file')
    .option('--server <url>', 'send to a running Etalon at this URL instead of the local database')
    .option(
      '--token <token>',
      'with --server: an API token (admin, manager or integration); default $ETALON_TOKEN',
    )
    .addOption(
      new Option('--batch <records>', 'records per transaction of a local import')
        .argParser((v) => {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1)
            throw new InvalidArgumentError('a whole number of records, 1 or more');
          return n;
        })
        .default(LOCAL_BATCH),
    )
    .option(
      '--atomic',
      'write nothing if any record is rejected (with --server: per batch of 10 000 records)',
    )
    .addHelpText(
      'after',
      '\nExit code: 0 when every record was imported, 2 when some were rejected (the rest are\n' +
        'imported), 1 on a failure. Running the same file again completes an interrupted import.',
    )
    .action(async (file: string, options: ImportOptions) => {
      const code = options.server ? await importRemote(file, options) : await importLocal(file, options);
      if (code !== 0) process.exitCode = code;
    });
}
