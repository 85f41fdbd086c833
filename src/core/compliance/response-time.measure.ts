import type { EvaluationContext } from './evaluation-context';
import type { Interaction } from './interaction';
import type { Measure } from './measure';
import { formatDuration } from './duration';
import { judged, type Verdict } from './verdict';

type ResponseTime = Extract<Measure, { type: 'response_time' }>;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Spans listed in a reason before the rest are summarized. */
const SPANS_SHOWN = 4;

/**
 * A reply within a time: business time by the calendar (default) or plain elapsed time.
 * Answered → pass iff elapsed ≤ within. Unanswered → fail once the elapsed time up to the as-of
 * instant exceeds `within` (a breach is a breach before anyone replies), else pending.
 * The elapsed time is always measured, never compared with a deadline instant.
 *
 * Example reason: "4 h 01 min of business time: Fri 16:00–16:45, Mon 09:00–12:16 — more than 4 h".
 */
export function evaluateResponseTime(record: Interaction, m: ResponseTime, ctx: EvaluationContext): Verdict {
  const answered = record.answered_at !== undefined;
  const end = record.answered_at ?? ctx.asOfMs;
  const business = m.clock === 'business';
  const elapsed = business
    ? ctx.calendar.businessMs(record.started_at, end)
    : Math.max(0, end - record.started_at);
  const within = elapsed <= m.withinMs;
  // No named closures here: this runs for every record, and the reason only when explaining.
  if (answered) {
    return judged(
      ctx.explain,
      within ? 'pass' : 'fail',
      () =>
        `${elapsedText(elapsed, business, record.started_at, end, ctx)} — ${within ? 'within' : 'more than'} ${m.within}`,
    );
  }
  if (!within) {
    return judged(
      ctx.explain,
      'fail',
      () =>
        `no reply yet; ${elapsedText(elapsed, business, record.started_at, end, ctx)} — more than ${m.within}`,
    );
  }
  return judged(
    ctx.explain,
    'pending',
    () =>
      `no reply yet; ${elapsedText(elapsed, business, record.started_at, end, ctx)} so far, ${m.within} allowed`,
  );
}

/** "4 h 01 min of business time: Fri 16:00–16:45, Mon 09:00–12:16", or "4 h 00 min" on the plain clock. */
function elapsedText(
  elapsed: number,
  business: boolean,
  fromMs: number,
  toMs: number,
  ctx: EvaluationContext,
) {
  return `${formatDuration(elapsed)}${business ? ` of business time${describeSpans(fromMs, toMs, ctx)}` : ''}`;
}

function describeSpans(fromMs: number, toMs: number, ctx: EvaluationContext): string {
  const spans = ctx.calendar.workingSpans(fromMs, toMs);
  if (spans.length === 0) return '';
  const shown =
    spans.length <= SPANS_SHOWN ? spans : [...spans.slice(0, SPANS_SHOWN - 1), spans[spans.length - 1]!];
  const text = shown.map((s) => {
    const a = ctx.calendar.localParts(s.startMs);
    const b = ctx.calendar.localParts(s.endMs);
    // A span that ends at local midnight ends the day: 24:00, not the next day's 00:00.
    const end = b.minuteOfDay === 0 && s.endMs > s.startMs ? '24:00' : hhmm(b.minuteOfDay);
    return `${WEEKDAYS[a.weekday - 1]} ${hhmm(a.minuteOfDay)}–${end}`;
  });
  if (spans.length > SPANS_SHOWN) text.splice(SPANS_SHOWN - 1, 0, `… ${spans.length - SPANS_SHOWN} more …`);
  return `: ${text.join(', ')}`;
}

const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
