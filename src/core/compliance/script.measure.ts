import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure, ScriptPart } from './measure';
import { containsPhrase, normalizeText } from './text-match';
import { judged, type Verdict } from './verdict';

type Script = Extract<Measure, { type: 'script' }>;

const PART_NAMES: Record<ScriptPart, string> = {
  time_greeting: 'greeting for the time of day',
  unit: 'unit name',
  employee: 'own name',
};

/**
 * The standard greeting: every required part must occur as whole words in the text, after
 * normalizing both (see normalizeText). `time_greeting` phrases are those of the last `greetings`
 * entry whose `from` ≤ the local time of `started_at` in the calendar's zone (before the first
 * entry: the last one); `unit` and `employee` phrases are their names in every language. Text
 * absent or empty after normalizing → na; a required part with no known phrases (no employee on
 * the record) → na.
 *
 * Example: require [time_greeting, unit, employee], 09:15 local, "Good morning, HR department,
 * Joan speaking" → pass.
 */
export function evaluateScript(record: Interaction, m: Script, ctx: EvaluationContext): Verdict {
  const raw =
    m.field === 'greeting'
      ? record.greeting
      : m.field === 'template'
        ? record.template
        : record.texts?.[m.field];
  const text = raw === undefined ? '' : normalizeText(raw);
  if (text === '') return judged(ctx.explain, 'na', () => `no ${m.field} recorded`);
  const missing: string[] = [];
  for (const part of m.require) {
    const phrases = normalizedPhrases(phrasesFor(part, record, m, ctx));
    if (phrases.length === 0)
      return judged(
        ctx.explain,
        'na',
        () => `cannot judge the ${PART_NAMES[part]}: it is not known for this record`,
      );
    if (!phrases.some((p) => containsPhrase(text, p)))
      missing.push(`${PART_NAMES[part]} (${phrases.join(' / ')})`);
  }
  return missing.length === 0
    ? judged(
        ctx.explain,
        'pass',
        () => `said every required part: ${m.require.map((p) => PART_NAMES[p]).join(', ')}`,
      )
    : judged(ctx.explain, 'fail', () => `missing ${missing.join('; ')}`);
}

/** Phrase lists are few and long-lived (a unit's names, a greeting's words): normalize each once. */
const normalized = new WeakMap<readonly string[], readonly string[]>();
function normalizedPhrases(list: readonly string[]): readonly string[] {
  let known = normalized.get(list);
  if (!known) {
    known = list.map(normalizeText).filter((p) => p !== '');
    normalized.set(list, known);
  }
  return known;
}

function phrasesFor(
  part: ScriptPart,
  record: Interaction,
  m: Script,
  ctx: EvaluationContext,
): readonly string[] {
  if (part === 'unit') return ctx.unitNames(record.unit);
  if (part === 'employee') return record.employee === undefined ? [] : ctx.employeeNames(record.employee);
  if (m.greetings.length === 0) return [];
  const second = ctx.calendar.localParts(record.started_at).secondOfDay;
  let chosen = m.greetings[m.greetings.length - 1]!;
  for (const g of m.greetings) if (g.fromSecond <= second) chosen = g;
  return chosen.say;
}
