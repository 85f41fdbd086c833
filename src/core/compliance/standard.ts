import type { BusinessCalendar } from '../calendar/business-calendar';
import type { PeriodKind } from '../time/period';
import type { Channel } from './interaction';
import type { Measure } from './measure';

/** A standard ready to judge records: references resolved, measure compiled. */
export interface CompiledStandard {
  code: string;
  kind: 'tangible' | 'intangible';
  /** Channels it binds; undefined binds every channel. */
  channels?: ReadonlySet<Channel> | undefined;
  /** Units it binds, each with everything below it; undefined binds every unit. */
  units?: ReadonlySet<string> | undefined;
  calendar: BusinessCalendar;
  measure: Measure;
  /** Share of judged records that must pass, 0..1. */
  target: number;
  period: PeriodKind;
}

/**
 * Whether a standard applies to a record: its channels (if any) contain the record's channel and
 * its units (if any) contain the record's unit or one of its ancestors (`ancestors`, nearest first).
 * Example: a standard for units [HR] applies to a record of HR-PAYROLL whose ancestors are [HR, ORG].
 */
export function applies(
  standard: CompiledStandard,
  channel: Channel,
  unit: string,
  ancestors: readonly string[],
): boolean {
  if (standard.channels && !standard.channels.has(channel)) return false;
  if (!standard.units) return true;
  if (standard.units.has(unit)) return true;
  return ancestors.some((a) => standard.units!.has(a));
}
