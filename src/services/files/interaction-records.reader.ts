import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../core';
import { CsvRows, CsvSyntaxError } from './csv-rows';
import { convertCdrRow, RECORD_COLUMNS, type ConvertOptions } from './asterisk-cdr.converter';
import {
  validateInteractionRecord,
  type InteractionRecord,
  type RecordProblem,
  type ValidateRecordOptions,
} from '../../contract/interaction-record.schema';

export type RecordsFormat = 'csv' | 'ndjson' | 'asterisk-cdr';

/** One entry of a records file: a valid record or the problems of an invalid one, with its line. */
export type RecordEntry =
  { line: number; record: InteractionRecord } | { line: number; id?: string; problems: RecordProblem[] };

export interface ReadRecordsOptions extends ValidateRecordOptions {
  /** Overrides the choice by extension (.csv → csv; .ndjson, .jsonl → ndjson). */
  format?: RecordsFormat | undefined;
  /**
   * For files whose columns are named otherwise: `{ our field: their column }`, e.g.
   * `{ id: 'Call ID', started_at: 'Started' }`. Their column is read as ours; unmapped columns stay.
   */
  mapping?: Readonly<Record<string, string>> | undefined;
  /** For `asterisk-cdr`: the PBX's zone and which extension is which unit and employee. */
  asterisk?: ConvertOptions | undefined;
  /** Told the bytes read so far after each chunk (progress bars). */
  onBytes?: ((bytesRead: number) => void) | undefined;
}

/** csv for .csv, ndjson for .ndjson/.jsonl; anything else must be named explicitly. */
export function recordsFormatOf(path: string, format?: RecordsFormat): RecordsFormat {
  if (format) return format;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new AppError(
    'validation_failed',
    `cannot tell the format of ${path}: name it .csv, .ndjson or .jsonl`,
  );
}

/**
 * Streams the records of a CSV (with a header) or NDJSON file, validating each, in file order.
 * Memory stays flat apart from the set of ids seen (duplicates are reported with both lines).
 * Consuming it without evaluating is the parse-only path the benchmark compares against.
 * An unreadable file throws `not_found`; a broken CSV (an unclosed quote) `validation_failed`.
 */
export async function* readInteractionRecords(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RecordEntry> {
  for await (const batch of readInteractionRecordBatches(path, options)) yield* batch;
}

/**
 * The same entries in batches (one per read chunk of the file, up to a few hundred), for callers
 * that process millions of records: one await per batch instead of one per record.
 */
export async function* readInteractionRecordBatches(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RecordEntry[]> {
  const format = recordsFormatOf(path, options.format);
  const onBytes = options.onBytes;
  let rows: AsyncGenerator<RawRow[]>;
  if (format === 'asterisk-cdr') {
    if (!options.asterisk)
      throw new AppError('validation_failed', 'an Asterisk CDR file needs a time zone (--timezone)');
    rows = cdrRows(path, options.asterisk, onBytes);
  } else rows = format === 'csv' ? csvRows(path, onBytes) : ndjsonRows(path, onBytes);
  const mapping =
    options.mapping && Object.keys(options.mapping).length > 0 ? Object.entries(options.mapping) : undefined;
  const seen = new Map<string, number>();
  for await (const batch of rows) {
    const entries: RecordEntry[] = new Array<RecordEntry>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i]!;
      entries[i] = toEntry(
        mapping && row.problems === undefined ? { line: row.line, raw: mapped(row.raw, mapping) } : row,
        seen,
        options,
      );
    }
    yield entries;
  }
}

function toEntry(row: RawRow, seen: Map<string, number>, options: ValidateRecordOptions): RecordEntry {
  if (row.problems !== undefined) return { line: row.line, problems: row.problems };
  const result = validateInteractionRecord(row.raw, options);
  if (!result.ok) {
    const id = row.raw.id;
    return typeof id === 'string' && id !== ''
      ? { line: row.line, id, problems: result.problems }
      : { line: row.line, problems: result.problems };
  }
  const first = seen.get(result.record.id);
  if (first !== undefined)
    return {
      line: row.line,
      id: result.record.id,
      problems: [{ field: 'id', message: `duplicate id "${result.record.id}" (first on line ${first})` }],
    };
  seen.set(result.record.id, row.line);
  return { line: row.line, record: result.record };
}

/** A row with their columns renamed to ours; a column mapped away is no longer read under its own name. */
function mapped(
  raw: Record<string, unknown>,
  mapping: ReadonlyArray<[string, string]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const [, theirs] of mapping) delete out[theirs];
  for (const [ours, theirs] of mapping) if (raw[theirs] !== undefined) out[ours] = raw[theirs];
  return out;
}

type RawRow =
  | { line: number; raw: Record<string, unknown>; problems?: undefined }
  | { line: number; problems: RecordProblem[] };

function openStream(path: string) {
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
}

/** The file's chunks, telling `onBytes` how far the stream has read after each. */
async function* chunksOf(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const stream = openStream(path);
  for await (const chunk of stream as AsyncIterable<string>) {
    yield chunk;
    onBytes?.(stream.bytesRead);
  }
}

function readFailure(path: string, error: unknown): never {
  const e = error as NodeJS.ErrnoException;
  if (e.code) throw new AppError('not_found', `cannot read ${path}: ${e.message}`);
  throw error;
}

/** CSV rows in batches, one per chunk of the file. */
async function* csvRows(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<RawRow[]> {
  let header: string[] | undefined;
  let batch: RawRow[] = [];
  const take = (cells: string[], line: number) => {
    if (header === undefined) {
      header = cells.map((h) => h.trim());
      // A repeated or empty column name would silently let one cell win over another.
      const seen = new Set<string>();
      for (const [i, name] of header.entries()) {
        if (name === '')
          throw new AppError(
            'validation_failed',
            `${path}:${line}: column ${i + 1} of the header has no name`,
          );
        if (seen.has(name))
          throw new AppError('validation_failed', `${path}:${line}: the header names column "${name}" twice`);
        seen.add(name);
      }
      return;
    }
    if (cells.length !== header.length) {
      batch.push({
        line,
        problems: [{ field: '', message: `has ${cells.length} cells; the header has ${header.length}` }],
      });
      return;
    }
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) if (cells[i] !== '') raw[header[i]!] = cells[i];
    batch.push({ line, raw });
  };
  yield* csvBatches(path, onBytes, take, () => {
    const out = batch;
    batch = [];
    return out;
  });
}

/**
 * Feeds a CSV file's cells to `take`, line by line, and yields what it gathered (`drain`) after
 * each chunk read. A broken quote is bad input naming the line; an unreadable file `not_found`.
 */
async function* csvBatches(
  path: string,
  onBytes: ((bytes: number) => void) | undefined,
  take: (cells: string[], line: number) => void,
  drain: () => RawRow[],
): AsyncGenerator<RawRow[]> {
  const reader = new CsvRows();
  try {
    for await (const chunk of chunksOf(path, onBytes)) {
      reader.feed(chunk, false, take);
      const batch = drain();
      if (batch.length > 0) yield batch;
    }
    reader.feed('', true, take);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new AppError('validation_failed', `${path}:${error.line}: ${error.message}`);
    readFailure(path, error);
  }
  const rest = drain();
  if (rest.length > 0) yield rest;
}

/** NDJSON lines in batches, one per chunk of the file; blank lines are skipped but counted. */
async function* ndjsonRows(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<RawRow[]> {
  let rest = '';
  let line = 0;
  let first = true;
  const one = (text: string): RawRow | undefined => {
    line++;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { line, problems: [{ field: '', message: `is not valid JSON: ${(error as Error).message}` }] };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { line, problems: [{ field: '', message: 'is not a JSON object' }] };
    return { line, raw: value as Record<string, unknown> };
  };
  try {
    for await (const chunk of chunksOf(path, onBytes)) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      const batch: RawRow[] = [];
      for (const part of parts) {
        const row = one(part);
        if (row) batch.push(row);
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    readFailure(path, error);
  }
  if (rest !== '') {
    const row = one(rest);
    if (row) yield [row];
  }
}

/** An Asterisk CDR (no header) in batches: each call converted to a record, or its problem. */
async function* cdrRows(
  path: string,
  options: ConvertOptions,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  const take = (cells: string[], line: number) => {
    if (cells.length === 1 && cells[0]!.trim() === '') return;
    const converted = convertCdrRow(cells, options);
    if (!converted.ok) {
      batch.push({ line, problems: [{ field: '', message: converted.message }] });
      return;
    }
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < RECORD_COLUMNS.length; i++)
      if (converted.fields[i] !== '') raw[RECORD_COLUMNS[i]!] = converted.fields[i];
    batch.push({ line, raw });
  };
  yield* csvBatches(path, onBytes, take, () => {
    const out = batch;
    batch = [];
    return out;
  });
}

/**
 * The lines a command prints for a refused record, one per problem:
 * `calls.csv:8 (id a6) id: duplicate id "a6" (first on line 7)`.
 */
export function formatRecordProblems(
  file: string,
  entry: { line: number; id?: string; problems: RecordProblem[] },
): string[] {
  const where = `${file}:${entry.line}${entry.id === undefined ? '' : ` (id ${entry.id})`}`;
  return entry.problems.map((p) => `${where} ${p.field === '' ? '' : `${p.field}: `}${p.message}`);
}
