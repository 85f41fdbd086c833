/**
 * What a standard says about one record: `pass`, `fail`, `na` (cannot be judged: the data to judge
 * is absent or the standard does not speak to it) or `pending` (not decided yet: a reply may still
 * come in time). Every verdict carries a reason a person can read.
 */
export type VerdictKind = 'pass' | 'fail' | 'na' | 'pending';

export interface Verdict {
  verdict: VerdictKind;
  reason: string;
}

export const verdict = (kind: VerdictKind, reason: string): Verdict => ({ verdict: kind, reason });
