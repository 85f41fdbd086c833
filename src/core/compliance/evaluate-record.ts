import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import { evaluateResponseTime } from './response-time.measure';
import { evaluateScript } from './script.measure';
import type { CompiledStandard } from './standard';
import { evaluateTemplate } from './template.measure';
import { evaluateThreshold } from './threshold.measure';
import type { Verdict } from './verdict';

/**
 * One standard's verdict on one record (the standard is known to apply). The single switch over
 * measure types: a new measure adds a case here and a `<name>.measure.ts`.
 */
export function evaluateRecord(
  record: Interaction,
  standard: CompiledStandard,
  context: EvaluationContext,
): Verdict {
  const m = standard.measure;
  switch (m.type) {
    case 'threshold':
      return evaluateThreshold(record, m, context);
    case 'response_time':
      return evaluateResponseTime(record, m, context);
    case 'template':
      return evaluateTemplate(record, m, context);
    case 'script':
      return evaluateScript(record, m, context);
  }
}
