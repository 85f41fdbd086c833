import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure } from './measure';
import { verdict, type Verdict } from './verdict';

type Threshold = Extract<Measure, { type: 'threshold' }>;

const seconds = (x: number) => `${Math.round(x * 10) / 10} s`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "within 3", "more than 3", "less than 2", "between 2 and 3" — the bound a value broke or met. */
function judge(value: number, m: Threshold, unit: (n: number) => string): { ok: boolean; why: string } {
  if (m.max !== undefined && value > m.max) return { ok: false, why: `more than ${unit(m.max)}` };
  if (m.min !== undefined && value < m.min) return { ok: false, why: `less than ${unit(m.min)}` };
  if (m.min !== undefined && m.max !== undefined)
    return { ok: true, why: `between ${unit(m.min)} and ${unit(m.max)}` };
  return { ok: true, why: m.max !== undefined ? `within ${unit(m.max)}` : `at least ${unit(m.min!)}` };
}

/**
 * A bound on a number. `rings` and `wait_seconds` are derived when absent: an answered record's
 * wait is `wait_seconds`, else answered − started; its rings are `rings`, else ceil(wait / ring).
 * An unanswered call fails only when the caller demonstrably waited past the maximum (`rings`
 * over it, or waited seconds — `wait_seconds`, else ended (else as-of) − started — over
 * max × ring for rings, over max for seconds); otherwise it cannot be judged.
 *
 * Example: answered after 21.3 s at 5 s a ring, max 3 rings → fail, "answered after 5 rings
 * (21.3 s at 5 s a ring) — more than 3".
 */
export function evaluateThreshold(record: Interaction, m: Threshold, ctx: EvaluationContext): Verdict {
  const ring = ctx.calendar.ringSeconds;
  if (m.field === 'rings' || m.field === 'wait_seconds') {
    const isRings = m.field === 'rings';
    if (record.answered_at === undefined) {
      if (m.max === undefined)
        return verdict('na', 'not answered, and only a maximum can be breached before an answer');
      const waited = record.wait_seconds ?? ((record.ended_at ?? ctx.asOfMs) - record.started_at) / 1000;
      if (isRings && record.rings !== undefined && record.rings > m.max) {
        return verdict('fail', `not answered after ${plural(record.rings, 'ring')} — more than ${m.max}`);
      }
      const limit = isRings ? m.max * ring : m.max;
      if (waited > limit) {
        const what = isRings ? `${m.max} rings (${seconds(limit)} at ${ring} s a ring)` : seconds(m.max);
        return verdict('fail', `not answered; the caller waited ${seconds(waited)} — more than ${what}`);
      }
      return verdict('na', `not answered; the caller left after ${seconds(waited)}, within the limit`);
    }
    const wait = record.wait_seconds ?? (record.answered_at - record.started_at) / 1000;
    if (isRings) {
      const rings = record.rings ?? Math.ceil(wait / ring);
      const { ok, why } = judge(rings, m, String);
      const detail = record.rings === undefined ? ` (${seconds(wait)} at ${ring} s a ring)` : '';
      return verdict(ok ? 'pass' : 'fail', `answered after ${plural(rings, 'ring')}${detail} — ${why}`);
    }
    const { ok, why } = judge(wait, m, seconds);
    return verdict(ok ? 'pass' : 'fail', `answered after ${seconds(wait)} — ${why}`);
  }
  const value = record.numbers?.[m.field];
  if (value === undefined) return verdict('na', `no ${m.field} recorded`);
  const { ok, why } = judge(value, m, String);
  return verdict(ok ? 'pass' : 'fail', `${m.field} ${value} — ${why}`);
}
