import type { BusinessCalendar } from '../calendar/business-calendar';

/** What a measure may consult besides the record: the calendar, the directory, the as-of instant. */
export interface EvaluationContext {
  calendar: BusinessCalendar;
  /** Word a reason for every verdict (for `--verdicts`); otherwise reasons are left empty. */
  explain: boolean;
  /** Decisions that depend on "now" (pending, breached before a reply) use this instant. */
  asOfMs: number;
  /** A unit's names in every language given, e.g. `['отдел кадров', 'HR department']`. */
  unitNames(code: string): readonly string[];
  /** An employee's names in every language given; empty when the code is unknown. */
  employeeNames(code: string): readonly string[];
}
