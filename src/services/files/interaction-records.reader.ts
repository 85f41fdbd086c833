import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { AppError } from '../../core';
import {
  validateInteractionRecord,
  type InteractionRecord,
  type RecordProblem,
  type ValidateRecordOptions,
} from '../../contract/interaction-record.schema';

export type RecordsFormat = 'csv' | 'ndjson';

/** One entry of a records file: a valid record or the problems of an invalid one, with its line. */
export type RecordEntry =
  { line: number; record: InteractionRecord } | { line: number; id?: string; problems: RecordProblem[] };

export interface ReadRecordsOptions extends ValidateRecordOptions {
  /** Overrides the choice by extension (.csv → csv; .ndjson, .jsonl → ndjson). */
  format?: RecordsFormat;
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
  const format = recordsFormatOf(path, options.format);
  const rows = format === 'csv' ? csvRows(path) : ndjsonRows(path);
  const seen = new Map<string, number>();
  for await (const row of rows) {
    if ('problems' in row) {
      yield row;
      continue;
    }
    const result = validateInteractionRecord(row.raw, options);
    if (!result.ok) {
      const id = row.raw.id;
      yield typeof id === 'string' && id !== ''
        ? { line: row.line, id, problems: result.problems }
        : { line: row.line, problems: result.problems };
      continue;
    }
    const first = seen.get(result.record.id);
    if (first !== undefined) {
      yield {
        line: row.line,
        id: result.record.id,
        problems: [{ field: 'id', message: `duplicate id "${result.record.id}" (first on line ${first})` }],
      };
      continue;
    }
    seen.set(result.record.id, row.line);
    yield { line: row.line, record: result.record };
  }
}

type CsvEntry = { record: string[]; info: { lines: number; empty_lines: number } };
type RawRow = { line: number; raw: Record<string, unknown> } | { line: number; problems: RecordProblem[] };

function openStream(path: string) {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  return stream;
}

function readFailure(path: string, error: unknown): never {
  const e = error as NodeJS.ErrnoException;
  if (e.code && !String(e.code).startsWith('CSV_'))
    throw new AppError('not_found', `cannot read ${path}: ${e.message}`);
  const line = (e as { lines?: number }).lines;
  throw new AppError('validation_failed', `${path}${line ? `:${line}` : ''}: ${e.message}`);
}

async function* csvRows(path: string): AsyncGenerator<RawRow> {
  const parser = openStream(path)
    .on('error', (e) => parser.destroy(e))
    .pipe(parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true }));
  let header: string[] | undefined;
  // csv-parse counts the line a record ends on; a record is named by the line it starts on.
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvEntry>) {
      const line = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = info.lines;
      lastEmpty = info.empty_lines;
      if (header === undefined) {
        header = record.map((h) => h.trim());
        continue;
      }
      if (record.length !== header.length) {
        yield {
          line,
          problems: [{ field: '', message: `has ${record.length} cells; the header has ${header.length}` }],
        };
        continue;
      }
      const raw: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) if (record[i] !== '') raw[header[i]!] = record[i];
      yield { line, raw };
    }
  } catch (error) {
    readFailure(path, error);
  }
}

async function* ndjsonRows(path: string): AsyncGenerator<RawRow> {
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
    for await (const chunk of openStream(path) as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const part of parts) {
        const row = one(part);
        if (row) yield row;
      }
    }
  } catch (error) {
    readFailure(path, error);
  }
  if (rest !== '') {
    const row = one(rest);
    if (row) yield row;
  }
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
