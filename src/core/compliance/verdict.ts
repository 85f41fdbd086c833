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

/** Verdicts without a reason, shared: judging without explaining allocates nothing. */
const SILENT: Readonly<Record<VerdictKind, Verdict>> = Object.freeze({
  pass: Object.freeze({ verdict: 'pass', reason: '' }),
  fail: Object.freeze({ verdict: 'fail', reason: '' }),
  na: Object.freeze({ verdict: 'na', reason: '' }),
  pending: Object.freeze({ verdict: 'pending', reason: '' }),
});

/**
 * A verdict, with its reason worded only when asked to explain: a run without `--verdicts` judges
 * millions of records and would otherwise spend most of its time writing sentences nobody reads.
 * Example: `judged(true, 'pass', () => 'answered after 2 rings — within 3')`; with `'unless-pass'`
 * the same pass gets an empty reason.
 */
export function judged(explain: Explain, kind: VerdictKind, reason: () => string): Verdict {
  return explain === true || (explain === 'unless-pass' && kind !== 'pass')
    ? { verdict: kind, reason: reason() }
    : SILENT[kind];
}

/** Which verdicts get a worded reason (see EvaluationContext.explain). */
export type Explain = boolean | 'unless-pass';
