import { describe, expect, it } from 'vitest';
import type { AuditSchedule } from '../../../../src/contract/audit-schedule.schema';
import {
  checkScheduleForm,
  EMPTY_SCHEDULE,
  splitDuration,
  toDuration,
  toRequest,
  valuesOf,
} from './schedule-form';

const filled = {
  ...EMPTY_SCHEDULE,
  templateId: '0190a000-0000-7000-8000-000000000001',
  unitCode: 'HR',
  auditorIds: ['0190a000-0000-7000-8000-000000000002'],
};

describe('schedule form', () => {
  it('writes days and hours as ISO durations and reads them back', () => {
    expect(toDuration(2, 0)).toBe('P2D');
    expect(toDuration(0, 4)).toBe('PT4H');
    expect(toDuration(1, 12)).toBe('P1DT12H');
    expect(toDuration(0, 0)).toBe('PT0M');
    expect(toDuration(-1, Number.NaN)).toBe('PT0M');
    expect(splitDuration('P1DT36H')).toEqual({ days: 2, hours: 12 });
    expect(splitDuration('PT90M')).toEqual({ days: 0, hours: 1 });
    expect(splitDuration('nonsense')).toEqual({ days: 0, hours: 0 });
  });

  it('names every missing or wrong field', () => {
    expect(checkScheduleForm(EMPTY_SCHEDULE)).toEqual({
      template_id: 'template',
      unit: 'unit',
      auditor_ids: 'auditors',
    });
    expect(
      checkScheduleForm({
        ...filled,
        time: '24:00',
        dueDays: 0,
        dueHours: 0,
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
      }),
    ).toEqual({ 'rule.time': 'time', due_after: 'dueAfter', ends_on: 'endsBeforeStart' });
    expect(checkScheduleForm({ ...filled, kind: 'n_per_month', n: 0, time: 'x' })).toEqual({ 'rule.n': 'n' });
    expect(checkScheduleForm({ ...filled, kind: 'monthly', day: 32 })).toEqual({ 'rule.day': 'day' });
    expect(checkScheduleForm(filled)).toEqual({});
  });

  it('builds the request of each kind, leaving out what is empty', () => {
    expect(
      toRequest({ ...filled, timezone: ' ', dueDays: 1, dueHours: 6, graceDays: 0, graceHours: 0 }),
    ).toEqual({
      template_id: filled.templateId,
      unit: 'HR',
      rule: { kind: 'weekly', weekday: 1, time: '10:00' },
      timezone: null,
      due_after: 'P1DT6H',
      grace: 'PT0M',
      ends_on: null,
      auditor_ids: filled.auditorIds,
    });
    expect(
      toRequest({ ...filled, kind: 'monthly', day: 31, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
    ).toMatchObject({
      rule: { kind: 'monthly', day: 31, time: '10:00' },
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
    });
    expect(toRequest({ ...filled, kind: 'n_per_month', n: 4 }).rule).toEqual({ kind: 'n_per_month', n: 4 });
  });

  it('reads a stored schedule back into the same request (a round trip)', () => {
    const stored: AuditSchedule = {
      id: '0190a000-0000-7000-8000-000000000009',
      template: { id: filled.templateId, code: 'DESK', title: { ru: null, en: 'Desk' } },
      unit: { id: 'u', code: 'HR' },
      rule: { kind: 'n_per_month', n: 3, seed: 42 },
      timezone: 'Europe/Moscow',
      due_after: 'P2DT4H',
      grace: 'PT12H',
      starts_on: '2026-03-01',
      ends_on: null,
      auditors: [{ id: filled.auditorIds[0]!, name: 'A' }],
      created_by: 'x',
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
    };
    expect(toRequest(valuesOf(stored))).toEqual({
      template_id: filled.templateId,
      unit: 'HR',
      rule: { kind: 'n_per_month', n: 3 },
      timezone: 'Europe/Moscow',
      due_after: 'P2DT4H',
      grace: 'PT12H',
      starts_on: '2026-03-01',
      ends_on: null,
      auditor_ids: filled.auditorIds,
    });
  });
});
