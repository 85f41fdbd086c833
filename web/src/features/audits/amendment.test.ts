import { describe, expect, it } from 'vitest';
import { amendmentPatch } from './amendment';
import { canActOnSubmitted } from './audit-rights';

describe('amendmentPatch', () => {
  const before = { answers: { A: 4, B: 'yes', C: 'na' } as const, comments: { A: 'warm', B: 'ok' } };

  it('sends only what changed, an emptied comment as null', () => {
    expect(amendmentPatch(before, { A: 2, B: 'yes', C: 'na' }, { A: 'warm', B: '  ' })).toEqual({
      answers: { A: 2 },
      comments: { B: null },
    });
  });

  it('sends a new comment without answers when only a comment changed', () => {
    expect(
      amendmentPatch(before, { ...before.answers }, { A: 'warm', B: 'ok', C: 'closed that day' }),
    ).toEqual({
      answers: {},
      comments: { C: 'closed that day' },
    });
  });

  it('is null when nothing changed (spaces around a comment do not count)', () => {
    expect(amendmentPatch(before, { ...before.answers }, { A: ' warm ', B: 'ok' })).toBeNull();
  });
});

describe('canActOnSubmitted', () => {
  const audit = { status: 'submitted', auditor: { kind: 'user', id: 'u1' } };

  it('lets quality leads amend any submitted audit and auditors their own', () => {
    expect(canActOnSubmitted({ id: 'lead', role: 'manager' }, audit)).toBe(true);
    expect(canActOnSubmitted({ id: 'u1', role: 'auditor' }, audit)).toBe(true);
    expect(canActOnSubmitted({ id: 'u2', role: 'auditor' }, audit)).toBe(false);
    expect(canActOnSubmitted({ id: 'u1', role: 'viewer' }, audit)).toBe(false);
  });

  it('never offers it on a draft', () => {
    expect(canActOnSubmitted({ id: 'lead', role: 'admin' }, { ...audit, status: 'draft' })).toBe(false);
  });
});
