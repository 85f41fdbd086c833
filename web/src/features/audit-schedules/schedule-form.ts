import {
  durationMs,
  type AuditSchedule,
  type AuditScheduleInput,
} from '../../../../src/contract/audit-schedule.schema';

/** The schedule form's fields as the inputs hold them. */
export interface ScheduleFormValues {
  templateId: string | null;
  unitCode: string | null;
  kind: 'weekly' | 'monthly' | 'n_per_month';
  weekday: number;
  day: number;
  time: string;
  n: number;
  dueDays: number;
  dueHours: number;
  graceDays: number;
  graceHours: number;
  /** Empty: the unit's zone. */
  timezone: string;
  startsOn: string;
  endsOn: string;
  auditorIds: string[];
}

export const EMPTY_SCHEDULE: ScheduleFormValues = {
  templateId: null,
  unitCode: null,
  kind: 'weekly',
  weekday: 1,
  day: 1,
  time: '10:00',
  n: 2,
  dueDays: 2,
  dueHours: 0,
  graceDays: 1,
  graceHours: 0,
  timezone: '',
  startsOn: '',
  endsOn: '',
  auditorIds: [],
};

/** Days and hours as an ISO 8601 duration: 2 days 4 hours → `P2DT4H`; nothing → `PT0M`. */
export function toDuration(days: number, hours: number): string {
  const d = Math.max(0, Math.floor(days || 0));
  const h = Math.max(0, Math.floor(hours || 0));
  if (d === 0 && h === 0) return 'PT0M';
  return `P${d > 0 ? `${d}D` : ''}${h > 0 ? `T${h}H` : ''}`;
}

/** An ISO duration as whole days and hours (minutes are dropped): `P1DT36H` → 2 days 12 hours. */
export function splitDuration(iso: string): { days: number; hours: number } {
  const hours = Math.floor((durationMs(iso) ?? 0) / 3_600_000);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** The values of a stored schedule, for editing it. */
export function valuesOf(s: AuditSchedule): ScheduleFormValues {
  const due = splitDuration(s.due_after);
  const grace = splitDuration(s.grace);
  return {
    ...EMPTY_SCHEDULE,
    templateId: s.template.id,
    unitCode: s.unit.code,
    kind: s.rule.kind,
    ...(s.rule.kind === 'weekly' ? { weekday: s.rule.weekday, time: s.rule.time } : {}),
    ...(s.rule.kind === 'monthly' ? { day: s.rule.day, time: s.rule.time } : {}),
    ...(s.rule.kind === 'n_per_month' ? { n: s.rule.n } : {}),
    dueDays: due.days,
    dueHours: due.hours,
    graceDays: grace.days,
    graceHours: grace.hours,
    timezone: s.timezone,
    startsOn: s.starts_on,
    endsOn: s.ends_on ?? '',
    auditorIds: s.auditors.map((a) => a.id),
  };
}

/** Field name → i18n key of what is wrong (under `auditSchedules.form.errors`); empty when fine. */
export function checkScheduleForm(v: ScheduleFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.templateId) errors.template_id = 'template';
  if (!v.unitCode) errors.unit = 'unit';
  if (v.kind !== 'n_per_month' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) errors['rule.time'] = 'time';
  if (v.kind === 'n_per_month' && !(Number.isInteger(v.n) && v.n >= 1 && v.n <= 100)) errors['rule.n'] = 'n';
  if (v.kind === 'monthly' && !(Number.isInteger(v.day) && v.day >= 1 && v.day <= 31))
    errors['rule.day'] = 'day';
  if (durationMs(toDuration(v.dueDays, v.dueHours)) === 0) errors.due_after = 'dueAfter';
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.ends_on = 'endsBeforeStart';
  if (v.auditorIds.length === 0) errors.auditor_ids = 'auditors';
  return errors;
}

/** The request body of the form's values (checked first with {@link checkScheduleForm}). */
export function toRequest(v: ScheduleFormValues): AuditScheduleInput {
  const rule: AuditScheduleInput['rule'] =
    v.kind === 'weekly'
      ? { kind: 'weekly', weekday: v.weekday, time: v.time }
      : v.kind === 'monthly'
        ? { kind: 'monthly', day: v.day, time: v.time }
        : { kind: 'n_per_month', n: v.n };
  return {
    template_id: v.templateId ?? '',
    unit: v.unitCode ?? '',
    rule,
    timezone: v.timezone.trim() === '' ? null : v.timezone.trim(),
    due_after: toDuration(v.dueDays, v.dueHours),
    grace: toDuration(v.graceDays, v.graceHours),
    ...(v.startsOn ? { starts_on: v.startsOn } : {}),
    ends_on: v.endsOn ? v.endsOn : null,
    auditor_ids: v.auditorIds,
  };
}
