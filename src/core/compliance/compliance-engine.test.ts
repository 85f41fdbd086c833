import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../../test/calendars';
import { createComplianceEngine } from './compliance-engine';
import { createDirectory } from './directory';
import type { Interaction } from './interaction';
import type { CompiledStandard } from './standard';

const directory = createDirectory(
  [
    { code: 'ORG', name: { ru: 'компания', en: 'company' } },
    { code: 'HR', name: { ru: 'отдел кадров', en: 'HR department' }, parent: 'ORG' },
    { code: 'HR-PAY', name: 'payroll', parent: 'HR' },
    { code: 'IT', name: 'IT', parent: 'ORG' },
  ],
  [{ code: 'E1', name: { ru: 'Джоан', en: 'Joan' } }],
);
const calendar = roundTheClock(5);
const tel: CompiledStandard = {
  code: 'TEL-01',
  kind: 'tangible',
  channels: new Set(['phone']),
  units: new Set(['HR']),
  calendar,
  measure: { type: 'threshold', field: 'rings', max: 3 },
  target: 0.5,
  period: 'month',
};
const mail: CompiledStandard = {
  code: 'MAIL-01',
  kind: 'tangible',
  channels: new Set(['email']),
  calendar,
  measure: { type: 'response_time', within: '1h', withinMs: 3600_000, clock: 'calendar' },
  target: 0.9,
  period: 'day',
};
const t = (iso: string) => Date.parse(iso);
const records: Interaction[] = [
  {
    id: '1',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: t('2026-03-02T09:00:00Z'),
    answered_at: t('2026-03-02T09:00:10Z'),
  },
  {
    id: '2',
    channel: 'phone',
    unit: 'HR-PAY',
    started_at: t('2026-03-31T23:59:00Z'),
    answered_at: t('2026-03-31T23:59:59Z'),
  },
  {
    id: '3',
    channel: 'phone',
    unit: 'HR',
    started_at: t('2026-04-01T00:00:00Z'),
    ended_at: t('2026-04-01T00:00:05Z'),
  },
  {
    id: '4',
    channel: 'phone',
    unit: 'IT',
    started_at: t('2026-03-02T09:00:00Z'),
    answered_at: t('2026-03-02T09:00:01Z'),
  },
  {
    id: '5',
    channel: 'email',
    unit: 'IT',
    started_at: t('2026-03-02T09:00:00Z'),
    answered_at: t('2026-03-02T09:30:00Z'),
  },
  { id: '6', channel: 'email', unit: 'IT', started_at: t('2026-03-02T10:00:00Z') },
  { id: '7', channel: 'email', unit: 'IT', started_at: t('2026-03-02T11:30:00Z') },
];

describe('directory', () => {
  it('lists ancestors nearest first and every name', () => {
    expect(directory.ancestors('HR-PAY')).toEqual(['HR', 'ORG']);
    expect(directory.ancestors('ORG')).toEqual([]);
    expect(directory.ancestors('NOPE')).toEqual([]);
    expect(directory.unitNames('HR')).toEqual(['отдел кадров', 'HR department']);
    expect(directory.employeeNames('E1')).toEqual(['Джоан', 'Joan']);
  });
});

describe('compliance engine', () => {
  const run = (by: 'unit' | 'employee') => {
    const engine = createComplianceEngine({
      standards: [tel, mail],
      directory,
      asOfMs: t('2026-03-02T12:00:00Z'),
      by,
    });
    const seen: string[] = [];
    for (const r of records) engine.judge(r, (s, v) => seen.push(`${r.id}:${s.code}:${v.verdict}`));
    return { rows: engine.rows(), seen };
  };

  it('judges only the standards that apply (channel, unit and the units below it)', () => {
    expect(run('unit').seen).toEqual([
      '1:TEL-01:pass',
      '2:TEL-01:fail',
      '3:TEL-01:na',
      '5:MAIL-01:pass',
      '6:MAIL-01:fail',
      '7:MAIL-01:pending',
    ]);
  });

  it('rolls up per standard, unit and period in the calendar’s zone, sorted', () => {
    expect(run('unit').rows).toEqual([
      {
        standard: 'MAIL-01',
        unit: 'IT',
        period: '2026-03-02',
        pass: 1,
        fail: 1,
        na: 0,
        pending: 1,
        compliance: 0.5,
        target: 0.9,
        met: false,
      },
      {
        standard: 'TEL-01',
        unit: 'HR',
        period: '2026-03',
        pass: 1,
        fail: 0,
        na: 0,
        pending: 0,
        compliance: 1,
        target: 0.5,
        met: true,
      },
      {
        standard: 'TEL-01',
        unit: 'HR',
        period: '2026-04',
        pass: 0,
        fail: 0,
        na: 1,
        pending: 0,
        compliance: null,
        target: 0.5,
        met: null,
      },
      {
        standard: 'TEL-01',
        unit: 'HR-PAY',
        period: '2026-03',
        pass: 0,
        fail: 1,
        na: 0,
        pending: 0,
        compliance: 0,
        target: 0.5,
        met: false,
      },
    ]);
  });

  it('rolls up the same whether or not verdicts are explained', () => {
    const quiet = createComplianceEngine({
      standards: [tel, mail],
      directory,
      asOfMs: t('2026-03-02T12:00:00Z'),
      by: 'unit',
    });
    for (const r of records) quiet.judge(r);
    expect(quiet.rows()).toEqual(run('unit').rows);
  });

  it('by employee in one period: the named employee first, then the records without one', () => {
    const engine = createComplianceEngine({
      standards: [tel],
      directory,
      asOfMs: t('2026-04-01T00:00:00Z'),
      by: 'employee',
    });
    const base = {
      channel: 'phone' as const,
      unit: 'HR',
      started_at: t('2026-03-05T09:00:00Z'),
      answered_at: t('2026-03-05T09:00:02Z'),
    };
    engine.judge({ ...base, id: 'a' });
    engine.judge({ ...base, id: 'b', employee: 'E1' });
    expect(engine.rows().map((r) => r.employee)).toEqual(['E1', null]);
  });

  it('by employee, records without one roll up under employee null, after the named ones', () => {
    const hr = run('employee').rows.filter((r) => r.standard === 'TEL-01' && r.unit === 'HR');
    expect(hr.map((r) => [r.employee, r.period])).toEqual([
      ['E1', '2026-03'],
      [null, '2026-04'],
    ]);
  });
});
