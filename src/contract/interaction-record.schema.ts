import { z } from 'zod';
import { CHANNELS, type Channel } from '../core/compliance/interaction';

export { CHANNELS, type Channel } from '../core/compliance/interaction';

/**
 * One interaction record (docs/formats/interaction-records.md): a call, e-mail, letter, visit or
 * chat. Files hold up to millions of them, so validation is a hand-written function
 * (`validateInteractionRecord`), not zod per record; the zod schema below documents the same shape
 * for OpenAPI and the web.
 */

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

/** A validated record; instants are epoch milliseconds. */
export interface InteractionRecord {
  id: string;
  channel: Channel;
  unit: string;
  employee?: string;
  started_at: number;
  answered_at?: number;
  ended_at?: number;
  rings?: number;
  wait_seconds?: number;
  greeting?: string;
  template?: string;
  /** Further numeric columns a `threshold` may name, e.g. `{ csat: 4 }`. */
  numbers: Record<string, number>;
  /** Further text columns a `script` measure names as its `field` (only those asked for). */
  texts?: Record<string, string>;
}

export interface RecordProblem {
  field: string;
  message: string;
}

export type RecordValidation =
  { ok: true; record: InteractionRecord } | { ok: false; problems: RecordProblem[] };

export interface ValidateRecordOptions {
  /**
   * Further columns that must hold numbers (those a threshold names): a non-number there is a
   * problem. Other unknown columns are kept in `numbers` when numeric and ignored otherwise.
   */
  numericFields?: ReadonlySet<string>;
  /** Further columns kept as text in `texts`, e.g. a script measure's `field: transcript`. */
  textFields?: ReadonlySet<string>;
}

/** The columns of an interaction record, in the order files are written with. */
export const RECORD_FIELDS = [
  'id',
  'channel',
  'unit',
  'employee',
  'started_at',
  'answered_at',
  'ended_at',
  'rings',
  'wait_seconds',
  'greeting',
  'template',
] as const;

const KNOWN: ReadonlySet<string> = new Set(RECORD_FIELDS);

/** `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or `±HH:MM` / `±HHMM`. */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 instant with an offset → epoch ms, or an error message. A time without an offset is
 * refused: its instant depends on a zone the file does not name.
 * Example: "2026-03-02T09:15:03+03:00" → 1772432103000.
 */
export function parseInstant(text: string): number | string {
  const fast = parseInstantFast(text);
  if (fast !== undefined) return fast;
  const m = INSTANT.exec(text);
  if (!m) return `"${text}" is not an ISO 8601 date-time like 2026-03-02T09:15:03+03:00`;
  const zone = m[8];
  if (zone === undefined) return `"${text}" has no offset: add Z or ±HH:MM`;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const s = m[6] === undefined ? 0 : +m[6];
  const frac = m[7] === undefined ? 0 : Math.floor(+(m[7] + '000').slice(0, 3));
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59)
    return `"${text}" is not a valid date-time`;
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const oh = +digits.slice(1, 3);
    const om = +digits.slice(3, 5);
    if (oh > 23 || om > 59) return `"${text}" has an invalid offset`;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, frac) - offset;
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * The common layouts without a regex (files hold millions): `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)`.
 * Undefined when the text has another layout or is invalid, so the general path words the error.
 */
function parseInstantFast(text: string): number | undefined {
  const n = text.length;
  if (n < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84)
    return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const c = two(text, 0);
  const yy = two(text, 2);
  const mo = two(text, 5);
  const d = two(text, 8);
  const h = two(text, 11);
  const mi = two(text, 14);
  const s = two(text, 17);
  if (
    c < 0 ||
    yy < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 59
  )
    return undefined;
  const y = c * 100 + yy;
  if (d > daysIn(y, mo)) return undefined;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    const a = digit(text, 20);
    const b = two(text, 21);
    if (n < 24 || a < 0 || a > 9 || b < 0) return undefined;
    ms = a * 100 + b;
    i = 23;
  }
  let offset = 0;
  const z = text.charCodeAt(i);
  if (z === 90 && n === i + 1) offset = 0;
  else if ((z === 43 || z === 45) && n === i + 6 && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset;
}

const daysIn = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

/** A value as given: CSV gives strings, NDJSON any JSON. Empty strings and null are absent. */
type Raw = Readonly<Record<string, unknown>>;

const isAbsent = (v: unknown) => v === undefined || v === null || v === '';

/** Decimal notation only: `Number()` alone would also take `0x2`, `0b101` and `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!DECIMAL.test(t)) return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Validates one record as read from CSV (strings) or NDJSON (JSON values). Returns the record with
 * instants as epoch ms, or every problem with its field. Example:
 * `{id: "c1", channel: "phone", unit: "HR", started_at: "2026-03-02T09:15:03+03:00"}` → ok.
 */
export function validateInteractionRecord(raw: Raw, options: ValidateRecordOptions = {}): RecordValidation {
  // Module-level helpers, not closures: this runs once per record of million-record files.
  const problems: RecordProblem[] = [];
  const id = textOf(raw, 'id', true, problems);
  const channel = textOf(raw, 'channel', true, problems);
  if (channel !== undefined && !CHANNEL_SET.has(channel))
    problems.push({
      field: 'channel',
      message: `unknown channel "${channel}" (expected ${CHANNELS.join(', ')})`,
    });
  const unit = textOf(raw, 'unit', true, problems);
  const employee = textOf(raw, 'employee', false, problems);
  const startedAt = instantOf(raw, 'started_at', true, problems);
  const answeredAt = instantOf(raw, 'answered_at', false, problems);
  const endedAt = instantOf(raw, 'ended_at', false, problems);
  if (startedAt !== undefined && answeredAt !== undefined && answeredAt < startedAt)
    problems.push({ field: 'answered_at', message: 'is before started_at' });
  if (startedAt !== undefined && endedAt !== undefined && endedAt < startedAt)
    problems.push({ field: 'ended_at', message: 'is before started_at' });
  else if (answeredAt !== undefined && endedAt !== undefined && endedAt < answeredAt)
    problems.push({ field: 'ended_at', message: 'is before answered_at' });
  const rings = countOf(raw, 'rings', true, problems);
  const waitSeconds = countOf(raw, 'wait_seconds', false, problems);
  const greeting = textOf(raw, 'greeting', false, problems);
  const template = textOf(raw, 'template', false, problems);

  const numbers: Record<string, number> = {};
  let texts: Record<string, string> | undefined;
  const numericFields = options.numericFields;
  const textFields = options.textFields;
  for (const key in raw) {
    if (KNOWN.has(key)) continue;
    const v = raw[key];
    if (isAbsent(v)) continue;
    if (textFields?.has(key)) {
      const t = textOf(raw, key, false, problems);
      if (t !== undefined) (texts ??= {})[key] = t;
    }
    const n = toNumber(v);
    if (n !== undefined) numbers[key] = n;
    else if (numericFields?.has(key))
      problems.push({ field: key, message: `${JSON.stringify(v)} is not a number` });
  }

  if (problems.length > 0) return { ok: false, problems };
  const record: InteractionRecord = {
    id: id!,
    channel: channel as Channel,
    unit: unit!,
    started_at: startedAt!,
    numbers,
  };
  if (employee !== undefined) record.employee = employee;
  if (answeredAt !== undefined) record.answered_at = answeredAt;
  if (endedAt !== undefined) record.ended_at = endedAt;
  if (rings !== undefined) record.rings = rings;
  if (waitSeconds !== undefined) record.wait_seconds = waitSeconds;
  if (greeting !== undefined) record.greeting = greeting;
  if (template !== undefined) record.template = template;
  if (texts !== undefined) record.texts = texts;
  return { ok: true, record };
}

function textOf(raw: Raw, field: string, required: boolean, problems: RecordProblem[]): string | undefined {
  const v = raw[field];
  if (isAbsent(v)) {
    if (required) problems.push({ field, message: 'is required' });
    return undefined;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  problems.push({ field, message: `must be text, not ${JSON.stringify(v)}` });
  return undefined;
}

function instantOf(
  raw: Raw,
  field: string,
  required: boolean,
  problems: RecordProblem[],
): number | undefined {
  const v = textOf(raw, field, required, problems);
  if (v === undefined) return undefined;
  const t = parseInstant(v.trim());
  if (typeof t === 'number') return t;
  problems.push({ field, message: t });
  return undefined;
}

function countOf(raw: Raw, field: string, integer: boolean, problems: RecordProblem[]): number | undefined {
  const v = raw[field];
  if (isAbsent(v)) return undefined;
  const n = toNumber(v);
  if (n === undefined) problems.push({ field, message: `${JSON.stringify(v)} is not a number` });
  else if (n < 0) problems.push({ field, message: `must not be negative (${n})` });
  else if (integer && !Number.isInteger(n))
    problems.push({ field, message: `must be a whole number (${n})` });
  else return n;
  return undefined;
}

/** The record as it appears in a file, for documentation and OpenAPI (validation uses the function above). */
export const InteractionRecordInput = z
  .looseObject({
    id: z.string().min(1),
    channel: z.enum(CHANNELS),
    unit: z.string().min(1),
    employee: z.string().optional(),
    started_at: z.string().describe('ISO 8601 with an offset or Z'),
    answered_at: z.string().optional(),
    ended_at: z.string().optional(),
    rings: z.number().int().nonnegative().optional(),
    wait_seconds: z.number().nonnegative().optional(),
    greeting: z.string().optional(),
    template: z.string().optional(),
  })
  .describe('One interaction record; further numeric fields may follow');
