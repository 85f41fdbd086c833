import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Explain } from './verdict';

/** What a measure may consult besides the record: the calendar, the directory, the as-of instant. */
export interface EvaluationContext {
  calendar: BusinessCalendar;
  /**
   * Word a reason for every verdict (`true`, for `--verdicts`), for every verdict but a pass
   * (`'unless-pass'`: monitoring stores the reasons people read and words a pass's on request), or
   * none (`false`: reasons are left empty).
   */
  explain: Explain;
  /** Decisions that depend on "now" (pending, breached before a reply) use this instant. */
  asOfMs: number;
  /** A unit's names in every language given, e.g. `['отдел кадров', 'HR department']`. */
  unitNames(code: string): readonly string[];
  /** An employee's names in every language given; empty when the code is unknown. */
  employeeNames(code: string): readonly string[];
}
