import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../../src/contract/follow-up.schema';
import {
  addDays,
  canRaiseFollowUp,
  defaultOwner,
  fitWithin,
  formatLocalDate,
  localToday,
  orderForPage,
  photoPlan,
} from './follow-ups.logic';

const MiB = 1024 * 1024;

describe('photos before they are sent', () => {
  it('sends JPEG, PNG and WebP up to 8 MiB as they are; re-encodes other images and larger ones', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 3 * MiB })).toBe('send');
    expect(photoPlan({ type: 'image/webp', size: 8 * MiB })).toBe('send');
    expect(photoPlan({ type: 'image/png', size: 8 * MiB + 1 })).toBe('reencode');
    expect(photoPlan({ type: 'image/heic', size: 2 * MiB })).toBe('reencode');
    expect(photoPlan({ type: 'application/pdf', size: 10 })).toBe('not_image');
    expect(photoPlan({ type: '', size: 10 })).toBe('not_image');
  });

  it('fits a camera photo within 2560 px on its longer side, never enlarging', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 2560, height: 1920 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1920, height: 2560 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 1)).toEqual({ width: 2560, height: 1 });
  });
});

describe('follow-ups', () => {
  it('due dates: a week from the local today, across months and leap days', () => {
    expect(addDays('2026-02-25', 7)).toBe('2026-03-04');
    expect(addDays('2028-02-25', 7)).toBe('2028-03-03');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(localToday(new Date(2026, 2, 9, 23, 59))).toBe('2026-03-09');
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });

  it('raised by quality leads or the audit’s own auditor, from submitted audits only', () => {
    const audit = { status: 'submitted' as const, auditor: { kind: 'user' as const, id: 'a1', label: 'a' } };
    expect(canRaiseFollowUp({ id: 'a1', role: 'auditor' }, audit)).toBe(true);
    expect(canRaiseFollowUp({ id: 'a2', role: 'auditor' }, audit)).toBe(false);
    expect(canRaiseFollowUp({ id: 'm', role: 'manager' }, audit)).toBe(true);
    expect(canRaiseFollowUp({ id: 'h', role: 'head' }, audit)).toBe(false);
    expect(canRaiseFollowUp({ id: 'a1', role: 'auditor' }, { ...audit, status: 'draft' })).toBe(false);
  });

  it('suggests the unit’s head as owner, else a quality lead other than oneself, else the first', () => {
    const lead = { id: 'm', name: 'M', role: 'manager' };
    const head = { id: 'h', name: 'H', role: 'head' };
    const me = { id: 'a', name: 'A', role: 'auditor' };
    expect(defaultOwner([lead, me, head], 'a')).toBe('h');
    expect(defaultOwner([me, lead], 'a')).toBe('m');
    expect(defaultOwner([me], 'a')).toBe('a');
    expect(defaultOwner([], 'a')).toBeNull();
  });

  it('orders the page: overdue, then open by due date, then closed newest first', () => {
    const f = (
      id: string,
      status: FollowUp['status'],
      due_on: string,
      overdue = false,
      done_at: string | null = null,
    ) =>
      ({
        id,
        status,
        due_on,
        overdue,
        done_at,
        updated_at: done_at ?? '2026-03-01T00:00:00.000Z',
      }) as FollowUp;
    const order = orderForPage([
      f('done-old', 'done', '2026-03-01', false, '2026-03-02T10:00:00.000Z'),
      f('open-late', 'open', '2026-03-20'),
      f('overdue', 'open', '2026-03-05', true),
      f('cancelled-new', 'cancelled', '2026-03-01', false, '2026-03-09T10:00:00.000Z'),
      f('open-soon', 'open', '2026-03-12'),
    ]).map((x) => x.id);
    expect(order).toEqual(['overdue', 'open-soon', 'open-late', 'cancelled-new', 'done-old']);
  });
});

describe('due dates in words', () => {
  it('names the calendar date itself, not a shifted one', () => {
    expect(formatLocalDate('2026-03-17', 'en')).toBe('Mar 17, 2026');
    expect(formatLocalDate('2026-01-01', 'ru')).toMatch(/^1 янв\.? 2026/);
  });
});
