import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../core';
import { assertTimeZone, zonedTime } from '../../core/time/zoned-time';
import { RECORD_FIELDS } from '../../contract/interaction-record.schema';
import { CDR_COLUMNS } from '../../contract/asterisk-cdr';

export { CDR_COLUMNS } from '../../contract/asterisk-cdr';
import { CsvRows, CsvSyntaxError } from './csv-rows';

/**
 * Asterisk `cdr_csv` (Master.csv, no header) → interaction records (docs/formats/asterisk-cdr.md).
 * The columns are CDR_COLUMNS (in the contract: the web's import wizard reads them too); times are
 * the PBX's local time in `timezone`.
 */
const col = Object.fromEntries(CDR_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof CDR_COLUMNS)[number],
  number
>;

/** The record columns a call from a CDR fills, in the record format's order. */
export const RECORD_COLUMNS = RECORD_FIELDS.filter((f) =>
  ['id', 'channel', 'unit', 'employee', 'started_at', 'answered_at', 'ended_at', 'wait_seconds'].includes(f),
);

export interface Extension {
  unit: string;
  employee?: string;
}

export interface ConvertOptions {
  timezone: string;
  extensions: ReadonlyMap<string, Extension>;
}

export type ConvertedRow = { ok: true; fields: string[] } | { ok: false; message: string };

/** The zone's UTC offset at an instant, from core's cached zone rules (never the machine's zone). */
const offsetAt = (epochMs: number, zone: string) => zonedTime(zone).offsetMs(epochMs);

/**
 * A local wall time (given as if it were UTC) in `zone` → the instant and its offset. A time in a
 * spring-forward gap moves forward by the gap; an ambiguous one (fall back) takes the occurrence
 * nearest `hintMs` (the CDR's uniqueid is the call's epoch second), else the first.
 * Example: 2026-03-08 02:30 in America/New_York → 07:30Z (03:30 EDT).
 */
export function localToInstant(
  localMs: number,
  zone: string,
  hintMs?: number,
): { epochMs: number; offsetMs: number } {
  const before = offsetAt(localMs - 86_400_000, zone);
  const after = offsetAt(localMs + 86_400_000, zone);
  const valid = [...new Set([before, after])].filter((o) => offsetAt(localMs - o, zone) === o);
  if (valid.length === 0) return { epochMs: localMs - before, offsetMs: offsetAt(localMs - before, zone) };
  let best = valid.reduce((a, b) => (localMs - a <= localMs - b ? a : b));
  if (valid.length > 1 && hintMs !== undefined)
    best = valid.reduce((a, b) => (Math.abs(localMs - a - hintMs) <= Math.abs(localMs - b - hintMs) ? a : b));
  return { epochMs: localMs - best, offsetMs: best };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO text of an instant in its local offset: "2026-03-02T09:15:03+03:00". */
function isoWithOffset(epochMs: number, offsetMs: number): string {
  const local = new Date(epochMs + offsetMs).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${local}${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function localTime(text: string, zone: string, hintMs: number | undefined) {
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const localMs = Date.UTC(y, mo - 1, d, h, mi, s);
  const probe = new Date(localMs);
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return localToInstant(localMs, zone, hintMs);
}

/** Converts one CDR row (its cells) into the cells of an interaction record, or says why not. */
export function convertCdrRow(cells: string[], options: ConvertOptions): ConvertedRow {
  if (cells.length < CDR_COLUMNS.length - 1)
    return {
      ok: false,
      message: `has ${cells.length} fields; Asterisk's cdr_csv writes ${CDR_COLUMNS.length}`,
    };
  const get = (c: keyof typeof col) => (cells[col[c]] ?? '').trim();
  const id = get('uniqueid');
  if (id === '') return { ok: false, message: 'has no uniqueid' };
  const dst = get('dst');
  const extension = options.extensions.get(dst);
  if (!extension) return { ok: false, message: `unknown extension "${dst}" (uniqueid ${id})` };
  const hintSeconds = Number(id.split('.')[0]);
  const hint = Number.isFinite(hintSeconds) && hintSeconds > 0 ? hintSeconds * 1000 : undefined;
  const start = localTime(get('start'), options.timezone, hint);
  if (!start)
    return {
      ok: false,
      message: `start "${get('start')}" is not a time YYYY-MM-DD HH:MM:SS (uniqueid ${id})`,
    };
  const answered = get('disposition') === 'ANSWERED' && get('answer') !== '';
  // In a repeated (fall-back) hour, answer and end are the occurrences Asterisk's own counters point
  // at: end ≈ start + duration, answer ≈ end − billsec — never "nearest the start", which can lie before it.
  const duration = Number(get('duration'));
  const billsec = Number(get('billsec'));
  const endHint = Number.isFinite(duration) ? start.epochMs + duration * 1000 : start.epochMs;
  const answerHint = Number.isFinite(billsec) ? endHint - billsec * 1000 : start.epochMs;
  const answer = answered ? localTime(get('answer'), options.timezone, answerHint) : undefined;
  if (answered && !answer)
    return { ok: false, message: `answer "${get('answer')}" is not a time (uniqueid ${id})` };
  const end = get('end') === '' ? undefined : localTime(get('end'), options.timezone, endHint);
  if (get('end') !== '' && !end)
    return { ok: false, message: `end "${get('end')}" is not a time (uniqueid ${id})` };
  return {
    ok: true,
    fields: [
      id,
      'phone',
      extension.unit,
      extension.employee ?? '',
      isoWithOffset(start.epochMs, start.offsetMs),
      answer ? isoWithOffset(answer.epochMs, answer.offsetMs) : '',
      end ? isoWithOffset(end.epochMs, end.offsetMs) : '',
      answer ? String(Math.max(0, Math.round((answer.epochMs - start.epochMs) / 1000))) : '',
    ],
  };
}

/** A CSV line: cells with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',') + '\n';
}

function cannotRead(path: string, error: unknown): never {
  const e = error as NodeJS.ErrnoException;
  if (error instanceof CsvSyntaxError)
    throw new AppError('validation_failed', `${basename(path)}:${error.line}: ${error.message}`);
  throw new AppError(e.code ? 'not_found' : 'validation_failed', `cannot read ${path}: ${e.message}`);
}

/** The rows of a CSV file with the line each starts on, streamed. */
async function* csvCells(path: string): AsyncGenerator<{ line: number; cells: string[] }> {
  const reader = new CsvRows();
  let batch: { line: number; cells: string[] }[] = [];
  const take = (cells: string[], line: number) => batch.push({ line, cells });
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
      reader.feed(chunk, false, take);
      yield* batch;
      batch = [];
    }
    reader.feed('', true, take);
  } catch (error) {
    cannotRead(path, error);
  }
  yield* batch;
}

/** Reads the extension map, a CSV `extension,unit,employee` (the header line is optional). */
export async function readExtensionMap(path: string): Promise<Map<string, Extension>> {
  const map = new Map<string, Extension>();
  const name = basename(path);
  for await (const { line, cells } of csvCells(path)) {
    const [extension = '', unit = '', employee = ''] = cells.map((c) => c.trim());
    if (line === 1 && extension.toLowerCase() === 'extension') continue;
    if (extension === '' || unit === '')
      throw new AppError('validation_failed', `${name}:${line}: an extension and a unit are required`);
    if (map.has(extension))
      throw new AppError('validation_failed', `${name}:${line}: extension ${extension} is listed twice`);
    map.set(extension, employee === '' ? { unit } : { unit, employee });
  }
  return map;
}

export interface ConvertReport {
  rows: number;
  converted: number;
  skipped: number;
}

/**
 * Streams `path` (Master.csv), calling `write` with the header and one CSV line per converted call
 * and `warn` with `Master.csv:2: unknown extension "201" …` for each skipped row.
 */
export async function convertAsteriskCdr(
  path: string,
  options: ConvertOptions,
  write: (text: string) => void | Promise<void>,
  warn: (message: string) => void,
): Promise<ConvertReport> {
  // Throws a ValidationError naming the zone when it is unknown.
  assertTimeZone(options.timezone);
  const name = basename(path);
  const report: ConvertReport = { rows: 0, converted: 0, skipped: 0 };
  await write(csvLine(RECORD_COLUMNS));
  for await (const { line, cells } of csvCells(path)) {
    report.rows++;
    const row = convertCdrRow(cells, options);
    if (row.ok) {
      report.converted++;
      await write(csvLine(row.fields));
    } else {
      report.skipped++;
      warn(`${name}:${line}: ${row.message} — skipped`);
    }
  }
  return report;
}
