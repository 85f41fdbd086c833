import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { TemplateTitle } from './audit-template.schema';

/**
 * Audit schedules and rounds (issue 7, docs/AUDITS.md → Schedules): a template visited in a unit
 * on a recurring rule, by assigned auditors; each occurrence is a round with a derived state.
 */

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;
/** The longest `due_after` or `grace`: 366 days. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/**
 * Milliseconds of an ISO 8601 duration in days, hours and minutes (`P2D`, `PT4H`, `P1DT12H30M`);
 * `undefined` for anything else (years, months and weeks vary in length and are not accepted).
 */
export function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (m === null || text === 'P' || text.endsWith('T')) return undefined;
  const [d, h, min] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v))) as [
    number,
    number,
    number,
  ];
  return ((d * 24 + h) * 60 + min) * 60_000;
}

/** The ISO 8601 duration of whole minutes: 2 days → `P2D`, 90 minutes → `PT1H30M`, 0 → `PT0M`. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const time = `${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}`;
  if (d === 0 && time === '') return 'PT0M';
  return `P${d > 0 ? `${d}D` : ''}${time === '' ? '' : `T${time}`}`;
}

/** A duration: ISO 8601 days/hours/minutes, up to 366 days. */
const Duration = z
  .string()
  .max(40)
  .refine((v) => durationMs(v) !== undefined, {
    message: 'expected an ISO 8601 duration in days, hours and minutes, e.g. P2D or PT4H',
  })
  .refine((v) => (durationMs(v) ?? 0) <= MAX_DURATION_MS, { message: 'at most 366 days' })
  .meta({
    description: 'ISO 8601 duration in days, hours, minutes: `P2D`, `PT4H`, `P1DT12H`',
    example: 'P2D',
  });

const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'a local time HH:MM')
  .meta({ example: '10:00' });
const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .meta({ example: '2026-03-02' });

/** When the rounds fall (core's `ScheduleRule`; the seed of `n_per_month` is drawn by the server). */
export const ScheduleRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(1).max(7), time: LocalTime }),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), time: LocalTime }),
  z.object({ kind: z.literal('n_per_month'), n: z.number().int().min(1).max(100) }),
]);
export type ScheduleRuleInput = z.infer<typeof ScheduleRuleInput>;

export const AuditScheduleInput = z.object({
  template_id: Id,
  /** The unit visited, by code. */
  unit: z.string().min(1).max(100),
  rule: ScheduleRuleInput,
  /** IANA zone the local times are read in; the unit's (inherited) zone when absent. */
  timezone: z.string().min(1).max(100).nullable().optional(),
  /** How long after its start a round is due. */
  due_after: Duration,
  /** How long after the due instant a round is still accepted (overdue) before it is missed. */
  grace: Duration.default('PT0M'),
  /** First local date with rounds; today (in the schedule's zone) when absent. */
  starts_on: LocalDate.optional(),
  ends_on: LocalDate.nullable().optional(),
  /** The people who do the rounds (user ids; each must be able to make audits). */
  auditor_ids: z.array(Id).min(1, 'assign at least one auditor').max(50),
});
export type AuditScheduleInput = z.infer<typeof AuditScheduleInput>;

const Ref = z.object({ id: z.string(), code: z.string() });
const Person = z.object({ id: z.string(), name: z.string() });

export const ScheduleRuleOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weekday: z.number().int(), time: z.string() }),
  z.object({ kind: z.literal('monthly'), day: z.number().int(), time: z.string() }),
  z.object({ kind: z.literal('n_per_month'), n: z.number().int(), seed: z.number().int() }),
]);

export const AuditSchedule = z
  .object({
    id: Id,
    template: z.object({ id: Id, code: z.string(), title: TemplateTitle }),
    unit: Ref,
    rule: ScheduleRuleOut,
    timezone: z.string(),
    due_after: z.string(),
    grace: z.string(),
    starts_on: z.string(),
    ends_on: z.string().nullable(),
    auditors: z.array(Person),
    created_by: z.string(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'AuditSchedule' });
export type AuditSchedule = z.infer<typeof AuditSchedule>;

export const AuditScheduleList = z.object({ items: z.array(AuditSchedule), total: z.number().int() });
export type AuditScheduleList = z.infer<typeof AuditScheduleList>;

export const ROUND_STATES = ['scheduled', 'due', 'overdue', 'missed', 'done'] as const;
export const RoundState = z.enum(ROUND_STATES);
export type RoundState = z.infer<typeof RoundState>;

export const AuditRound = z
  .object({
    id: Id,
    schedule_id: Id,
    key: z.string(),
    template: z.object({ id: Id, code: z.string(), title: TemplateTitle }),
    unit: Ref,
    starts_at: Instant,
    due_at: Instant,
    closes_at: Instant,
    state: RoundState,
    /** The audit started from this round, if any, with its status. */
    audit: z
      .object({ id: Id, status: z.enum(['draft', 'submitted']), submitted_at: Instant.nullable() })
      .nullable(),
    /** One person the round is for, or null: any of the schedule's auditors. */
    assignee: Person.nullable(),
    auditors: z.array(Person),
  })
  .meta({ id: 'AuditRound' });
export type AuditRound = z.infer<typeof AuditRound>;

/** `due,overdue` → `['due', 'overdue']`. */
const StateList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  )
  .pipe(z.array(RoundState));

export const AuditRoundQuery = z.object({
  /** `true`: rounds the caller is assigned to (due, overdue, the next scheduled, missed in the last 30 days). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** One or more states, comma-separated. */
  state: StateList.optional(),
  /** A unit code: rounds of it and the units below it. */
  unit: z.string().min(1).max(100).optional(),
  schedule_id: Id.optional(),
  /** Rounds starting at or after / before (half-open); default: 30 days back to 8 weeks ahead. */
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditRoundQuery = z.infer<typeof AuditRoundQuery>;

export const AuditRoundList = z.object({ items: z.array(AuditRound) });
export type AuditRoundList = z.infer<typeof AuditRoundList>;
