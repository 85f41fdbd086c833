import { z } from 'zod';
import type { FieldIssue, ValidationError } from '../core';
import { parseInterval } from '../core/calendar/calendar-spec';
import { CHANNELS } from '../core/compliance/interaction';
import { RECORD_FIELDS } from './interaction-record.schema';
import { parseDuration } from '../core/compliance/duration';
import { parseIsoDate } from '../core/time/civil-date';
import { assertTimeZone } from '../core/time/zoned-time';

/**
 * The standards file, `version: etalon/v1` (docs/formats/standards-file.md): calendars, the unit
 * and employee directory, and the standards with their measures. This schema checks the shape and
 * every cross-reference; compiling calendars into business time is the engine's job.
 */

export const STANDARDS_FILE_VERSION = 'etalon/v1';
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const MEASURE_TYPES = [
  'threshold',
  'response_time',
  'template',
  'script',
  'rating',
  'checklist',
] as const;
/** Measures read from interaction records; the others (`rating`, `checklist`) are judged by observers in audits. */
export const RECORD_MEASURE_TYPES = ['threshold', 'response_time', 'template', 'script'] as const;
export const RATING_SCALES = ['yes_no', '1-3', '1-4', '1-5'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];
/** How many points a rating scale has (`yes_no` has two: no, yes). */
export const SCALE_POINTS: Record<RatingScale, number> = { yes_no: 2, '1-3': 3, '1-4': 4, '1-5': 5 };
export const STANDARD_KINDS = ['tangible', 'intangible'] as const;
export const STANDARD_CATEGORIES = [
  'responsiveness',
  'greeting',
  'written',
  'complaints',
  'environment',
  'behaviour',
] as const;
export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export const SCRIPT_PARTS = ['time_greeting', 'unit', 'employee'] as const;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A duration like `4h`, `90m`, `1h30m`, `45s`; zero is not a limit anyone can meet. */
const durationMs = (text: string) => {
  const ms = parseDuration(text);
  return ms === undefined || ms === 0 ? null : ms;
};

const isTimeZone = (zone: string) => {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
};

const isDate = (text: string) => parseIsoDate(text) !== undefined;
/** A yearly holiday `--MM-DD` (ISO 8601's date without a year); `--02-29` is allowed (leap years only). */
export const YEARLY_DATE = /^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isYearlyDate = (text: string) =>
  YEARLY_DATE.test(text) && parseIsoDate(`2000${text.slice(1)}`) !== undefined;

const Code = z.string().min(1, 'must not be empty');
export const TimeZone = z
  .string()
  .refine(isTimeZone, { message: 'is not a known IANA time zone (like Europe/Moscow)' });
const LocalDate = z.string().refine(isDate, { message: 'must be a date YYYY-MM-DD' });

// The calendar's own rule (core/calendar): malformed, or ending before it starts.
const Interval = z.string().superRefine((text, ctx) => {
  try {
    parseInterval(text);
  } catch (error) {
    for (const issue of (error as ValidationError).issues ?? [{ message: String(error) }]) {
      ctx.addIssue({ code: 'custom', message: issue.message });
    }
  }
});
const Intervals = z.array(Interval);

/** A name in one language or several: `"HR"` or `{ru: "отдел кадров", en: "HR department"}`. */
export const LocalizedText = z.union([
  z.string().min(1),
  z
    .strictObject({ ru: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .refine((v) => v.ru !== undefined || v.en !== undefined, { message: 'needs ru or en' }),
]);

/** A holiday: one date `YYYY-MM-DD`, or every year `--MM-DD`. */
const Holiday = z.string().refine((t) => isDate(t) || isYearlyDate(t), {
  message: 'must be a date YYYY-MM-DD, or --MM-DD for every year',
});

export const CalendarSchema = z.strictObject({
  id: Code,
  name: LocalizedText.optional(),
  timezone: TimeZone,
  week: z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, Intervals.optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<typeof Intervals>
    >,
  ),
  holidays: z.array(Holiday).default([]),
  shifts: z.record(LocalDate, Intervals).default({}),
  ring_seconds: z.number().positive().default(5),
});

export const UnitSchema = z.strictObject({ code: Code, name: LocalizedText, parent: Code.optional() });
export const EmployeeSchema = z.strictObject({ code: Code, name: LocalizedText, unit: Code });

const Threshold = z
  .strictObject({
    type: z.literal('threshold'),
    field: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.min === undefined && m.max === undefined)
      ctx.addIssue({ code: 'custom', message: 'a threshold needs min, max or both' });
    else if (m.min !== undefined && m.max !== undefined && m.min > m.max)
      ctx.addIssue({ code: 'custom', message: `min ${m.min} is above max ${m.max}` });
  });

// No transform (the same schema describes API answers): the engine's compile step reads `within`.
const ResponseTime = z
  .strictObject({
    type: z.literal('response_time'),
    within: z.string(),
    clock: z.enum(['business', 'calendar']).default('business'),
  })
  .superRefine((m, ctx) => {
    if (durationMs(m.within) === null)
      ctx.addIssue({
        code: 'custom',
        path: ['within'],
        message: `"${m.within}" is not a duration like 4h, 90m, 1h30m, 45s, 2d`,
      });
  });

/** `within` of a checked response-time measure in milliseconds. */
export const withinMs = (within: string): number => durationMs(within) ?? Number.NaN;

const Template = z.strictObject({ type: z.literal('template'), allowed: z.array(z.string().min(1)).min(1) });

const Greeting = z.strictObject({
  from: z.string().regex(HH_MM, 'must be a local time "HH:MM"'),
  say: z.array(z.string().min(1)).min(1),
});

const Script = z
  .strictObject({
    type: z.literal('script'),
    field: z.string().min(1).default('greeting'),
    require: z.array(z.enum(SCRIPT_PARTS)).min(1),
    greetings: z.array(Greeting).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.require.includes('time_greeting') && m.greetings.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['greetings'],
        message: 'time_greeting is required, so greetings must be listed',
      });
    for (let i = 1; i < m.greetings.length; i++)
      if (m.greetings[i]!.from <= m.greetings[i - 1]!.from)
        ctx.addIssue({
          code: 'custom',
          path: ['greetings', i, 'from'],
          message: 'greetings must be in increasing order of from',
        });
  });

/** What an observer is told and how much an observed item counts (rating and checklist). */
const Observed = {
  /** Relative weight in an audit's score (> 0). */
  weight: z.number().positive('weight must be above 0').default(1),
  /** Failing it fails the whole audit. */
  critical: z.boolean().default(false),
  /** Whether the observer may answer "not applicable". */
  allow_na: z.boolean().default(true),
  /** For the observer: what counts ("counts as eye contact when…"). */
  guidance: LocalizedText.optional(),
};

const Rating = z
  .strictObject({
    type: z.literal('rating'),
    scale: z.enum(RATING_SCALES),
    /** The lowest passing point (1…points); for `yes_no` it is 2 = yes, the default. */
    pass_min: z.number().int().min(1).optional(),
    /** One label per point, lowest first (for `yes_no`: no, yes). */
    labels: z.array(LocalizedText).optional(),
    ...Observed,
  })
  .superRefine((m, ctx) => {
    const points = SCALE_POINTS[m.scale];
    if (m.scale !== 'yes_no' && m.pass_min === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['pass_min'],
        message: `a ${m.scale} rating needs pass_min (1…${points})`,
      });
    if (m.pass_min !== undefined && m.pass_min > points)
      ctx.addIssue({
        code: 'custom',
        path: ['pass_min'],
        message: `pass_min ${m.pass_min} is above the scale's top ${points}`,
      });
    if (m.labels !== undefined && m.labels.length !== points)
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: `a ${m.scale} scale needs ${points} labels, not ${m.labels.length}`,
      });
  });

const Checklist = z.strictObject({ type: z.literal('checklist'), ...Observed });

export const MeasureSchema = z.discriminatedUnion(
  'type',
  [Threshold, ResponseTime, Template, Script, Rating, Checklist],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      const expected = `expected ${MEASURE_TYPES.join(', ')}`;
      return type === undefined
        ? `the measure needs a type (${expected})`
        : `unknown measure type ${JSON.stringify(type)} (${expected})`;
    },
  },
);

/** A grid cell a standard backs: the provider (a unit code, or `employee:CODE`) and the recipient unit's code. */
export const GridCellRef = z.strictObject({ provider: Code, recipient: Code });

export const StandardSchema = z.strictObject({
  code: Code,
  title: LocalizedText,
  /** What the standard asks, for staff. */
  description: LocalizedText.optional(),
  /** Why it matters, in plain words, for staff. */
  why: LocalizedText.optional(),
  kind: z.enum(STANDARD_KINDS),
  category: z.enum(STANDARD_CATEGORIES),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  units: z.array(Code).min(1).optional(),
  /** Grid cells this standard backs (checked against the grid by the server). */
  grid_cells: z.array(GridCellRef).min(1).optional(),
  calendar: Code.optional(),
  /** The employee code of whoever keeps the standard (checked by the server). */
  owner: Code.optional(),
  measure: MeasureSchema,
  target: z.number().min(0, 'target must be between 0 and 1').max(1, 'target must be between 0 and 1'),
  period: z.enum(PERIODS),
});

function crossCheck(file: z.output<typeof Shape>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const firstIndex = <T>(items: T[], key: (t: T) => string, what: string, section: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const before = seen.get(k);
      if (before === undefined) seen.set(k, i);
      else issue([section, i], `duplicate ${what} "${k}" (also ${section}[${before}])`);
    });
    return seen;
  };
  const calendars = firstIndex(file.calendars, (c) => c.id, 'calendar id', 'calendars');
  const units = firstIndex(file.units, (u) => u.code, 'unit code', 'units');
  firstIndex(file.employees, (e) => e.code, 'employee code', 'employees');
  firstIndex(file.standards, (s) => s.code, 'standard code', 'standards');

  if (file.timezone === undefined && file.calendars.length === 0)
    issue(['timezone'], 'a file without calendars needs a timezone');

  file.units.forEach((u, i) => {
    if (u.parent !== undefined && !units.has(u.parent))
      issue(['units', i, 'parent'], `unit ${u.code}: unknown parent unit "${u.parent}"`);
  });
  // A parent cycle: walk up from each unit; more steps than units means a loop.
  const parentOf = new Map(file.units.map((u) => [u.code, u.parent]));
  const reported = new Set<string>();
  file.units.forEach((u, i) => {
    const path = [u.code];
    let at = u.parent;
    while (at !== undefined && parentOf.has(at) && path.length <= file.units.length) {
      if (at === u.code) {
        if (!reported.has(u.code))
          issue(['units', i, 'parent'], `unit ${u.code}: parent cycle ${[...path, at].join(' → ')}`);
        path.forEach((c) => reported.add(c));
        break;
      }
      path.push(at);
      at = parentOf.get(at);
    }
  });
  file.employees.forEach((e, i) => {
    if (!units.has(e.unit)) issue(['employees', i, 'unit'], `employee ${e.code}: unknown unit "${e.unit}"`);
  });
  file.standards.forEach((s, i) => {
    s.units?.forEach((u, j) => {
      if (!units.has(u)) issue(['standards', i, 'units', j], `unknown unit "${u}"`);
    });
    if (s.calendar !== undefined && !calendars.has(s.calendar))
      issue(['standards', i, 'calendar'], `unknown calendar "${s.calendar}"`);
    if (s.measure.type === 'response_time' && s.measure.clock === 'business' && file.calendars.length === 0)
      issue(
        ['standards', i, 'measure', 'clock'],
        'business time needs a calendar, and the file defines none (or use clock: calendar)',
      );
    // A measure naming a record field that never holds what it needs would judge nothing, silently.
    const m = s.measure;
    if (m.type === 'threshold' && m.field !== 'rings' && m.field !== 'wait_seconds' && BUILT_IN.has(m.field))
      issue(
        ['standards', i, 'measure', 'field'],
        `"${m.field}" is not a number: name rings, wait_seconds or a numeric column`,
      );
    if (m.type === 'script' && m.field !== 'greeting' && m.field !== 'template' && BUILT_IN.has(m.field))
      issue(
        ['standards', i, 'measure', 'field'],
        `"${m.field}" is not what was said: name greeting, template or a text column`,
      );
  });
}

/** The record's own fields (docs/formats/interaction-records.md); other columns are free. */
const BUILT_IN: ReadonlySet<string> = new Set(RECORD_FIELDS);

const Shape = z.strictObject({
  version: z.literal(STANDARDS_FILE_VERSION, { error: `must be ${STANDARDS_FILE_VERSION}` }),
  timezone: TimeZone.optional(),
  calendars: z.array(CalendarSchema).default([]),
  units: z.array(UnitSchema).default([]),
  employees: z.array(EmployeeSchema).default([]),
  standards: z.array(StandardSchema),
});

export const StandardsFileSchema = Shape.superRefine(crossCheck);

export type StandardsFile = z.output<typeof StandardsFileSchema>;
export type CalendarDefinition = StandardsFile['calendars'][number];
export type UnitDefinition = StandardsFile['units'][number];
export type EmployeeDefinition = StandardsFile['employees'][number];
export type StandardDefinition = StandardsFile['standards'][number];
export type Measure = StandardDefinition['measure'];
export type LocalizedName = z.output<typeof LocalizedText>;

/** A problem in a standards file, with its path in the document (for a line number) and a message naming the standard. */
export interface StandardsFileIssue extends FieldIssue {
  /** The path as keys, for locating the node in the YAML document. */
  keys: (string | number)[];
}

export type StandardsFileResult =
  { ok: true; value: StandardsFile } | { ok: false; issues: StandardsFileIssue[] };

/**
 * Validates a parsed standards document. Every problem inside a standard starts with its code:
 * `standard TEL-01: unknown calendar "night"`.
 */
export function parseStandardsFile(input: unknown): StandardsFileResult {
  const result = StandardsFileSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const rawStandards = (input as { standards?: unknown } | null)?.standards;
  const issues = result.error.issues.map((zi): StandardsFileIssue => {
    const keys = zi.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    let message = zi.message;
    if (keys[0] === 'standards' && typeof keys[1] === 'number' && Array.isArray(rawStandards)) {
      const code = (rawStandards[keys[1]] as { code?: unknown } | undefined)?.code;
      message = `standard ${typeof code === 'string' ? code : `#${keys[1] + 1}`}: ${message}`;
    }
    return { path: keys.join('.'), keys, message, code: zi.code };
  });
  return { ok: false, issues };
}
