import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure } from './measure';
import { judged, type Verdict } from './verdict';

type Threshold = Extract<Measure, { type: 'threshold' }>;

const seconds = (x: number) => `${Math.round(x * 10) / 10} s`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const within = (value: number, m: Threshold) =>
  !(m.max !== undefined && value > m.max) && !(m.min !== undefined && value < m.min);

/** "within 3", "more than 3", "less than 2", "between 2 and 3" — the bound a value broke or met. */
function bound(value: number, m: Threshold, unit: (n: number) => string): string {
  if (m.max !== undefined && value > m.max) return `more than ${unit(m.max)}`;
  if (m.min !== undefined && value < m.min) return `less than ${unit(m.min)}`;
  if (m.min !== undefined && m.max !== undefined) return `between ${unit(m.min)} and ${unit(m.max)}`;
  return m.max !== undefined ? `within ${unit(m.max)}` : `at least ${unit(m.min!)}`;
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
        return judged(
          ctx.explain,
          'na',
          () => 'not answered, and only a maximum can be breached before an answer',
        );
      const waited = record.wait_seconds ?? ((record.ended_at ?? ctx.asOfMs) - record.started_at) / 1000;
      const max = m.max;
      if (isRings && record.rings !== undefined && record.rings > max) {
        const given = record.rings;
        return judged(
          ctx.explain,
          'fail',
          () => `not answered after ${plural(given, 'ring')} — more than ${max}`,
        );
      }
      const limit = isRings ? max * ring : max;
      if (waited > limit) {
        return judged(
          ctx.explain,
          'fail',
          () =>
            `not answered; the caller waited ${seconds(waited)} — more than ${isRings ? `${max} rings (${seconds(limit)} at ${ring} s a ring)` : seconds(max)}`,
        );
      }
      return judged(
        ctx.explain,
        'na',
        () => `not answered; the caller left after ${seconds(waited)}, within the limit`,
      );
    }
    const wait = record.wait_seconds ?? (record.answered_at - record.started_at) / 1000;
    if (isRings) {
      const rings = record.rings ?? Math.ceil(wait / ring);
      const given = record.rings !== undefined;
      return judged(ctx.explain, within(rings, m) ? 'pass' : 'fail', () => {
        const detail = given ? '' : ` (${seconds(wait)} at ${ring} s a ring)`;
        return `answered after ${plural(rings, 'ring')}${detail} — ${bound(rings, m, String)}`;
      });
    }
    return judged(
      ctx.explain,
      within(wait, m) ? 'pass' : 'fail',
      () => `answered after ${seconds(wait)} — ${bound(wait, m, seconds)}`,
    );
  }
  const value = record.numbers?.[m.field];
  if (value === undefined) return judged(ctx.explain, 'na', () => `no ${m.field} recorded`);
  return judged(
    ctx.explain,
    within(value, m) ? 'pass' : 'fail',
    () => `${m.field} ${value} — ${bound(value, m, String)}`,
  );
}
