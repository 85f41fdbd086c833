import type { ImportFormat } from '../../../../src/contract/monitoring.schema';
import { CDR_COLUMNS } from '../../../../src/contract/asterisk-cdr';
import { RECORD_FIELDS } from '../../../../src/contract/interaction-record.schema';

/**
 * The pure part of the import wizard: guessing a file's format, reading its header and first rows
 * from the first chunk only (files run to hundreds of MB, the browser never reads them whole),
 * pre-filling a column mapping and applying it to a row the way the server does.
 */

/** How much of a file the wizard reads for the header and the preview. */
export const HEAD_BYTES = 64 * 1024;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 10;

/** Asterisk's Master.csv columns, in order; a 17-column file lacks the last. */
export { CDR_COLUMNS };

/** Our fields a record cannot do without. */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['id', 'channel', 'unit', 'started_at']);

export type RecordField = (typeof RECORD_FIELDS)[number];

/** `{ our field: their column }`; a field left out is not mapped. */
export type Mapping = Record<string, string>;

const CDR_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * The format of a file from its name and first line: `.ndjson`/`.jsonl` or a first line starting
 * with `{` → ndjson; a CSV line of 17 or 18 cells whose 10th is a `YYYY-MM-DD HH:MM:SS` time (no
 * header) → asterisk-cdr; otherwise csv. Undefined when nothing fits (e.g. a `.pdf`).
 */
export function guessFormat(fileName: string, firstLine: string): ImportFormat | undefined {
  const name = fileName.toLowerCase();
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || line.startsWith('{')) return 'ndjson';
  const cells = parseCsv(line, true).rows[0] ?? [];
  if ((cells.length === 17 || cells.length === 18) && CDR_TIME.test(cells[9] ?? '')) return 'asterisk-cdr';
  if (name.endsWith('.csv') || name.endsWith('.txt') || cells.length > 1) return 'csv';
  return undefined;
}

/**
 * RFC 4180 rows of `text` (quoted cells with commas, doubled quotes and line breaks; LF or CRLF; a
 * leading BOM; blank lines skipped). Unless `complete`, the text is the start of a longer file, so
 * its last row may be cut: it is dropped (`cut` says so).
 */
export function parseCsv(text: string, complete: boolean): { rows: string[][]; cut: boolean } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let rowStarted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    cell = '';
    rowStarted = false;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      rowStarted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      rowStarted = true;
    } else if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else {
      cell += c;
      rowStarted = true;
    }
    i++;
  }
  const pending = rowStarted || cell !== '' || row.length > 0;
  if (complete) {
    if (pending) endRow();
    return { rows, cut: false };
  }
  // The file goes on: whatever follows the last line break may be half a row.
  return { rows, cut: pending || quoted };
}

/** What the wizard learned from the head of a file. */
export interface FileHead {
  format: ImportFormat;
  /** Their column names (for asterisk-cdr: Asterisk's documented names). */
  columns: string[];
  /** The first rows, each as {their column: value} (NDJSON: the parsed objects). */
  rows: Record<string, unknown>[];
  /** Lines that could not be read in the preview (NDJSON that is not JSON), with their line. */
  unreadable: { line: number; text: string }[];
}

/**
 * Reads the header and first rows from the first chunk of a file (`complete` when the chunk is the
 * whole file). Throws an Error with a plain message when the head cannot be read as `format`.
 */
export function readHead(
  text: string,
  format: ImportFormat,
  complete: boolean,
  limit = PREVIEW_ROWS,
): FileHead {
  if (format === 'ndjson') {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (!complete && lines.length > 0) lines.pop();
    const rows: Record<string, unknown>[] = [];
    const unreadable: FileHead['unreadable'] = [];
    const columns: string[] = [];
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (rows.length + unreadable.length >= limit || line.trim() === '') return;
      try {
        const value: unknown = JSON.parse(line);
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw new Error('not an object');
        rows.push(value as Record<string, unknown>);
        for (const key of Object.keys(value)) {
          if (seen.has(key)) continue;
          seen.add(key);
          columns.push(key);
        }
      } catch {
        unreadable.push({ line: i + 1, text: line.slice(0, 200) });
      }
    });
    if (rows.length === 0 && unreadable.length > 0) throw new Error('no line is a JSON object');
    return { format, columns, rows, unreadable };
  }
  const { rows: all } = parseCsv(text, complete);
  if (format === 'asterisk-cdr') {
    const columns = [...CDR_COLUMNS];
    const rows = all
      .slice(0, limit)
      .map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
    return { format, columns, rows, unreadable: [] };
  }
  const header = all[0];
  if (!header || header.every((h) => h.trim() === '')) throw new Error('no header line');
  const columns = header.map((h) => h.trim());
  const rows = all.slice(1, 1 + limit).map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c !== '') row[c] = cells[i] ?? '';
    });
    return row;
  });
  return { format, columns, rows, unreadable: [] };
}

/** Lower case, letters and digits only: "Started At" and "started_at" both → "startedat". */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Other names files use for our fields (compared squashed). */
const SYNONYMS: Record<RecordField, string[]> = {
  id: [
    'callid',
    'uniqueid',
    'recordid',
    'interactionid',
    'ticketid',
    'ref',
    'reference',
    'номер',
    'идентификатор',
  ],
  channel: ['type', 'kind', 'medium', 'source', 'канал', 'тип'],
  unit: ['dept', 'department', 'division', 'team', 'group', 'queue', 'subdivision', 'подразделение', 'отдел'],
  employee: ['agent', 'operator', 'staff', 'user', 'employeeid', 'agentid', 'сотрудник', 'оператор'],
  started_at: [
    'started',
    'start',
    'starttime',
    'begin',
    'begintime',
    'created',
    'createdat',
    'received',
    'receivedat',
    'начало',
  ],
  answered_at: ['answered', 'answer', 'answertime', 'pickedup', 'firstresponse', 'firstresponseat', 'ответ'],
  ended_at: ['ended', 'end', 'endtime', 'finished', 'closed', 'closedat', 'hangup', 'конец', 'окончание'],
  rings: ['ringcount', 'ringsbeforeanswer', 'гудки', 'гудков'],
  wait_seconds: ['wait', 'waittime', 'waitsec', 'holdtime', 'queuetime', 'ожидание'],
  greeting: ['greet', 'salutation', 'приветствие'],
  template: ['templateid', 'script', 'шаблон'],
};

/**
 * A mapping guessed from their columns: for each of our fields the column named the same, else the
 * same ignoring case and punctuation, else a known synonym, else one that starts with our field's
 * name or is the start of it ("Wait (s)" → wait_seconds); each column is used once. Our fields without a match are left out.
 */
export function prefillMapping(columns: readonly string[]): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  const take = (field: string, column: string | undefined) => {
    if (column === undefined || used.has(column) || mapping[field] !== undefined) return;
    mapping[field] = column;
    used.add(column);
  };
  const passes: ((field: RecordField, column: string) => boolean)[] = [
    (f, c) => c === f,
    (f, c) => c.toLowerCase() === f,
    (f, c) => squash(c) === squash(f),
    (f, c) => SYNONYMS[f].includes(squash(c)),
    (f, c) => squash(c).startsWith(squash(f)) && squash(f).length >= 4,
    (f, c) => squash(f).startsWith(squash(c)) && squash(c).length >= 4,
  ];
  for (const pass of passes)
    for (const field of RECORD_FIELDS)
      take(
        field,
        columns.find((c) => !used.has(c) && pass(field, c)),
      );
  return mapping;
}

/** True when the file's header already names every required field of ours: no mapping needed. */
export const headerIsOurs = (columns: readonly string[]) =>
  [...REQUIRED_FIELDS].every((f) => columns.includes(f));

/** Our required fields the mapping leaves without a column. */
export const missingRequired = (mapping: Mapping) => [...REQUIRED_FIELDS].filter((f) => !mapping[f]);

/** Only the pairs that name a column, as sent to the server. */
export function cleanMapping(mapping: Mapping): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, theirs]) => theirs !== ''));
}

/**
 * A row with their columns read as ours, exactly as the server does: each mapped column moves to
 * our field's name; columns nobody mapped stay under their own name (numeric ones can feed a
 * threshold).
 */
export function applyMapping(
  row: Readonly<Record<string, unknown>>,
  mapping: Mapping,
): Record<string, unknown> {
  const pairs = Object.entries(cleanMapping(mapping));
  const out: Record<string, unknown> = { ...row };
  for (const [, theirs] of pairs) delete out[theirs];
  for (const [ours, theirs] of pairs) if (row[theirs] !== undefined) out[ours] = row[theirs];
  return out;
}

/** The browser's IANA zone, the default for an Asterisk file's local times. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The first line of a text, for the format guess. */
export const firstLineOf = (text: string) => {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
};

/** `532 KB`, `1.4 GB`, in the reader's language (decimal units, as file managers show them). */
export function formatBytes(bytes: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(lng, {
    style: 'unit',
    unit: units[i],
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}
