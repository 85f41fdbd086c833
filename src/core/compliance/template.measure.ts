import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure } from './measure';
import { judged, type Verdict } from './verdict';

type Template = Extract<Measure, { type: 'template' }>;

/**
 * A reply used an approved template (exact, case-sensitive). Unanswered → na; answered without a
 * template → fail. Example: allowed [T-STD-1], template T-STD-1 → pass, "used approved template T-STD-1".
 */
export function evaluateTemplate(record: Interaction, m: Template, ctx: EvaluationContext): Verdict {
  if (record.answered_at === undefined)
    return judged(ctx.explain, 'na', () => 'no reply yet, so no template to judge');
  if (record.template === undefined) return judged(ctx.explain, 'fail', () => 'replied without a template');
  return m.allowed.includes(record.template)
    ? judged(ctx.explain, 'pass', () => `used approved template ${record.template}`)
    : judged(
        ctx.explain,
        'fail',
        () => `template ${record.template} is not approved (approved: ${m.allowed.join(', ')})`,
      );
}
