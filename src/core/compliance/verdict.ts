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

/**
 * A verdict whose reason is worded only when someone reads it: a run without `--verdicts` judges
 * millions of records and would otherwise spend most of its time writing sentences nobody sees.
 * Example: `verdict('pass', () => 'answered after 2 rings — within 3').reason`.
 */
export const verdict = (kind: VerdictKind, reason: string | (() => string)): Verdict =>
  typeof reason === 'string'
    ? { verdict: kind, reason }
    : {
        verdict: kind,
        get reason() {
          return reason();
        },
      };
