import type { AuditRound } from '../../../../src/contract/audit-schedule.schema';

export interface MyRounds {
  /** Due and overdue, the most urgent (earliest due) first. */
  open: AuditRound[];
  /** The next scheduled round of each schedule, soonest first. */
  next: AuditRound[];
  /** Missed recently, latest first. */
  missed: AuditRound[];
}

/** "My rounds" in the blocks the audits page shows. */
export function groupMyRounds(rounds: readonly AuditRound[]): MyRounds {
  const by = (key: 'due_at' | 'starts_at', dir: 1 | -1) => (a: AuditRound, b: AuditRound) =>
    a[key] < b[key] ? -dir : a[key] > b[key] ? dir : 0;
  return {
    open: rounds.filter((r) => r.state === 'due' || r.state === 'overdue').sort(by('due_at', 1)),
    next: rounds.filter((r) => r.state === 'scheduled').sort(by('starts_at', 1)),
    missed: rounds.filter((r) => r.state === 'missed').sort(by('due_at', -1)),
  };
}

/**
 * What the round's button does: `start` an audit, `continue` the draft started from it, `open` the
 * submitted audit; `none` for a round not open yet, or missed with nothing started (still startable:
 * a late audit counts) → `start`.
 */
export function roundAction(r: AuditRound): 'start' | 'continue' | 'open' | 'none' {
  if (r.audit !== null) return r.audit.status === 'draft' ? 'continue' : 'open';
  if (r.state === 'scheduled') return 'none';
  return 'start';
}
