import { CHANNELS, type Channel } from '../../../../src/contract/interaction-record.schema';

/**
 * The dashboard's filters as they live in the URL, so a view can be shared: the date range, a unit
 * (with everything below it), a channel, a standard (narrows the heatmap) and the standard whose
 * trend is drawn.
 */
export interface MonitoringFilters {
  /** First day, `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: string;
  unit: string | null;
  channel: Channel | null;
  standard: string | null;
  /** The standard of the trend chart (defaults to `standard`, else the first column). */
  trend: string | null;
}

export const QUICK_RANGES = ['thisMonth', 'lastMonth', 'thisQuarter', 'last12Months'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

/** The range shown when the URL names none. */
export const DEFAULT_RANGE: QuickRange = 'last12Months';

const pad = (n: number) => String(n).padStart(2, '0');
/** A calendar date as `YYYY-MM-DD` (month 0-based as in Date; day 0 = the previous month's last). */
function isoDay(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `today` is the reader's local date; ranges are whole months (quarters) so periods are whole. */
export function quickRange(choice: QuickRange, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (choice) {
    case 'thisMonth':
      return { from: isoDay(y, m, 1), to: isoDay(y, m + 1, 0) };
    case 'lastMonth':
      return { from: isoDay(y, m - 1, 1), to: isoDay(y, m, 0) };
    case 'thisQuarter': {
      const q = m - (m % 3);
      return { from: isoDay(y, q, 1), to: isoDay(y, q + 3, 0) };
    }
    case 'last12Months':
      return { from: isoDay(y, m - 11, 1), to: isoDay(y, m + 1, 0) };
  }
}

/** Which quick choice a range is, if any (to mark the chosen button). */
export function quickRangeOf(range: { from: string; to: string }, today: Date): QuickRange | null {
  return (
    QUICK_RANGES.find((c) => {
      const r = quickRange(c, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

/** A real calendar date `YYYY-MM-DD`, else null. */
export function validDay(text: string | null): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return isoDay(y, m - 1, d) === text ? text : null;
}

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
const code = (text: string | null) => (text && /^[\p{L}\p{N}_.-]{1,100}$/u.test(text) ? text : null);

/**
 * Reads the filters from the query string. Anything missing or malformed falls back to the default
 * (the last 12 months, nothing narrowed); a range given backwards is put right.
 */
export function parseFilters(params: URLSearchParams, today: Date): MonitoringFilters {
  let from = validDay(params.get('from'));
  let to = validDay(params.get('to'));
  if (!from || !to) ({ from, to } = quickRange(DEFAULT_RANGE, today));
  if (from > to) [from, to] = [to, from];
  const channel = params.get('channel');
  return {
    from,
    to,
    unit: code(params.get('unit')),
    channel: channel && CHANNEL_SET.has(channel) ? (channel as Channel) : null,
    standard: code(params.get('standard')),
    trend: code(params.get('trend')),
  };
}

/** Writes the filters back; the range always (a shared link shows the same days), the rest when set. */
export function serializeFilters(f: MonitoringFilters): URLSearchParams {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.unit) params.set('unit', f.unit);
  if (f.channel) params.set('channel', f.channel);
  if (f.standard) params.set('standard', f.standard);
  if (f.trend) params.set('trend', f.trend);
  return params;
}
