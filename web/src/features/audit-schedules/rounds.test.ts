import { describe, expect, it } from 'vitest';
import type { AuditRound } from '../../../../src/contract/audit-schedule.schema';
import { groupMyRounds, roundAction } from './rounds';

let n = 0;
const round = (
  state: AuditRound['state'],
  due_at: string,
  audit: AuditRound['audit'] = null,
): AuditRound => ({
  id: `0190a000-0000-7000-8000-00000000000${n++}`,
  schedule_id: '0190a000-0000-7000-8000-000000000100',
  key: due_at.slice(0, 10),
  template: { id: '0190a000-0000-7000-8000-000000000200', code: 'DESK', title: { ru: null, en: 'Desk' } },
  unit: { id: 'u', code: 'HR' },
  starts_at: due_at.replace('T12', 'T08'),
  due_at,
  closes_at: due_at,
  state,
  audit,
  assignee: null,
  auditors: [],
});

describe('my rounds', () => {
  it('puts due and overdue first by due date, then the next ones, then missed latest first', () => {
    const a = round('due', '2026-04-09T12:00:00.000Z');
    const b = round('overdue', '2026-04-07T12:00:00.000Z');
    const c = round('scheduled', '2026-04-20T12:00:00.000Z');
    const d = round('scheduled', '2026-04-13T12:00:00.000Z');
    const e = round('missed', '2026-03-01T12:00:00.000Z');
    const f = round('missed', '2026-03-20T12:00:00.000Z');
    const g = round('done', '2026-03-25T12:00:00.000Z');
    const grouped = groupMyRounds([a, b, c, d, e, f, g]);
    expect(grouped.open).toEqual([b, a]);
    expect(grouped.next).toEqual([d, c]);
    expect(grouped.missed).toEqual([f, e]);
  });

  it('offers start, continue or open by the round and its audit', () => {
    const draft = {
      id: '0190a000-0000-7000-8000-000000000300',
      status: 'draft' as const,
      submitted_at: null,
    };
    expect(roundAction(round('due', '2026-04-09T12:00:00.000Z'))).toBe('start');
    expect(roundAction(round('missed', '2026-04-09T12:00:00.000Z'))).toBe('start');
    expect(roundAction(round('scheduled', '2026-04-09T12:00:00.000Z'))).toBe('none');
    expect(roundAction(round('overdue', '2026-04-09T12:00:00.000Z', draft))).toBe('continue');
    expect(
      roundAction(
        round('done', '2026-04-09T12:00:00.000Z', {
          ...draft,
          status: 'submitted',
          submitted_at: '2026-04-09T10:00:00.000Z',
        }),
      ),
    ).toBe('open');
  });
});
