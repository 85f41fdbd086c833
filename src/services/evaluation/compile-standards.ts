import {
  compileCalendar,
  roundTheClockCalendar,
  type BusinessCalendar,
} from '../../core/calendar/business-calendar';
import { createDirectory, type Directory } from '../../core/compliance/directory';
import type { Measure } from '../../core/compliance/measure';
import type { CompiledStandard } from '../../core/compliance/standard';
import { withinMs, type StandardDefinition, type StandardsFile } from '../../contract/standards-file.schema';

export interface CompiledStandards {
  standards: CompiledStandard[];
  directory: Directory;
  /** Columns the standards' thresholds read: a non-number there is an input error. */
  numericFields: ReadonlySet<string>;
  /** Further text columns the script measures read (beyond greeting and template). */
  textFields: ReadonlySet<string>;
}

/**
 * Turns a validated standards file into what the engine runs: calendars compiled once and shared,
 * a standard without `calendar` on the file's first one, and a file without calendars on one open
 * round the clock in the file's `timezone` (so business time equals elapsed time there).
 */
export function compileStandards(file: StandardsFile): CompiledStandards {
  const calendars = new Map<string, BusinessCalendar>(file.calendars.map((c) => [c.id, compileCalendar(c)]));
  const fallback =
    file.calendars.length > 0 ? calendars.get(file.calendars[0]!.id)! : roundTheClockCalendar(file.timezone!);
  const numericFields = new Set<string>();
  const textFields = new Set<string>();
  // Observed standards (rating, checklist) are judged by audits, not read from interaction records.
  const recordStandards = file.standards.filter(judgedByRecords);
  const standards = recordStandards.map((s): CompiledStandard => {
    if (s.measure.type === 'threshold' && s.measure.field !== 'rings' && s.measure.field !== 'wait_seconds') {
      numericFields.add(s.measure.field);
    }
    if (s.measure.type === 'script' && s.measure.field !== 'greeting' && s.measure.field !== 'template') {
      textFields.add(s.measure.field);
    }
    return compileStandard(s, s.calendar === undefined ? fallback : calendars.get(s.calendar)!);
  });
  return { standards, directory: createDirectory(file.units, file.employees), numericFields, textFields };
}

/** Whether records judge a standard (rating and checklist measures are for audits). */
export const judgedByRecords = (s: StandardDefinition): s is RecordStandard =>
  s.measure.type !== 'rating' && s.measure.type !== 'checklist';

/** One standard ready for the engine, on the calendar its `calendar` names (resolved by the caller). */
export function compileStandard(s: RecordStandard, calendar: BusinessCalendar): CompiledStandard {
  return {
    code: s.code,
    kind: s.kind,
    channels: s.channels ? new Set(s.channels) : undefined,
    units: s.units ? new Set(s.units) : undefined,
    calendar,
    measure: compileMeasure(s.measure),
    target: s.target,
    period: s.period,
  };
}

export type RecordStandard = StandardDefinition & {
  measure: Exclude<StandardDefinition['measure'], { type: 'rating' | 'checklist' }>;
};

function compileMeasure(m: RecordStandard['measure']): Measure {
  switch (m.type) {
    case 'threshold':
      return { type: 'threshold', field: m.field, min: m.min, max: m.max };
    case 'response_time':
      return { type: 'response_time', within: m.within, withinMs: withinMs(m.within), clock: m.clock };
    case 'template':
      return { type: 'template', allowed: m.allowed };
    case 'script':
      return {
        type: 'script',
        field: m.field,
        require: m.require,
        greetings: m.greetings.map((g) => ({ from: g.from, fromSecond: secondsOf(g.from), say: g.say })),
      };
  }
}

const secondsOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
