import type { Directory } from './directory';
import { evaluateRecord } from './evaluate-record';
import type { Interaction } from './interaction';
import { Rollup, type RollupRow } from './rollup';
import { applies, type CompiledStandard } from './standard';
import type { Verdict } from './verdict';

export interface EngineOptions {
  standards: readonly CompiledStandard[];
  directory: Directory;
  /** "Now" for pending and breached-before-reply decisions. */
  asOfMs: number;
  by: 'unit' | 'employee';
}

/**
 * Judges records one at a time against every standard that applies, and rolls the verdicts up.
 * Memory grows with the number of roll-up rows, never with the number of records, so a caller
 * can stream any number of them through.
 *
 * Example: `const engine = createComplianceEngine({standards, directory, asOfMs, by: 'unit'});
 * for (const r of records) engine.judge(r); engine.rows()`.
 */
export function createComplianceEngine(options: EngineOptions) {
  const rollup = new Rollup(options.by);
  // One context per standard, made once: the hot loop allocates nothing for it.
  const contextsFor = (explain: boolean) =>
    options.standards.map((standard) => ({
      calendar: standard.calendar,
      explain,
      asOfMs: options.asOfMs,
      unitNames: options.directory.unitNames,
      employeeNames: options.directory.employeeNames,
    }));
  const silent = contextsFor(false);
  const explaining = contextsFor(true);
  const counters = options.standards.map((s) => rollup.forStandard(s.code, s.target));
  // Standards that share a calendar and a period kind share the record's period key: compute it
  // once per record (a stamp tells this record's keys from the previous one's).
  const slotKeys: Array<{ calendar: CompiledStandard['calendar']; kind: CompiledStandard['period'] }> = [];
  const slotOf = options.standards.map((s) => {
    let i = slotKeys.findIndex((k) => k.calendar === s.calendar && k.kind === s.period);
    if (i < 0) i = slotKeys.push({ calendar: s.calendar, kind: s.period }) - 1;
    return i;
  });
  const slotValue: string[] = new Array<string>(slotKeys.length).fill('');
  const slotStamp = new Float64Array(slotKeys.length);
  let stamp = 0;
  return {
    /** Judges one record; `onVerdict` sees each applicable standard's verdict (for --verdicts). */
    judge(
      record: Interaction,
      onVerdict?: (standard: CompiledStandard, verdict: Verdict, period: string) => void,
    ): void {
      const ancestors = options.directory.ancestors(record.unit);
      const contexts = onVerdict === undefined ? silent : explaining;
      stamp += 1;
      for (let i = 0; i < options.standards.length; i += 1) {
        const standard = options.standards[i]!;
        if (!applies(standard, record.channel, record.unit, ancestors)) continue;
        const result = evaluateRecord(record, standard, contexts[i]!);
        const slot = slotOf[i]!;
        if (slotStamp[slot] !== stamp) {
          slotValue[slot] = standard.calendar.period(standard.period, record.started_at);
          slotStamp[slot] = stamp;
        }
        counters[i]!.add(record.unit, record.employee, slotValue[slot]!, result.verdict);
        onVerdict?.(standard, result, slotValue[slot]!);
      }
    },
    rows(): RollupRow[] {
      return rollup.rows();
    },
  };
}
