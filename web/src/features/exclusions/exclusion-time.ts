/**
 * A window's start and end are typed as wall-clock times of the organization (a datetime-local
 * input: `2026-03-08T09:00`) and sent as ISO instants with that zone's offset at that moment
 * (`2026-03-08T09:00:00+03:00`), so the reader's own zone never shifts them.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC in minutes at the instant `ms` (Moscow → 180). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/**
 * `2026-03-08T09:00` in `Europe/Moscow` → `2026-03-08T09:00:00+03:00`; undefined when the text is not
 * a datetime-local value. A wall time skipped by a DST change moves forward by the gap; one that
 * happens twice takes the first occurrence.
 */
export function localToIso(local: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d || new Date(wall).getUTCMonth() !== mo - 1) return undefined;
  // Try the offsets in force a day before and after: the earlier instant that shows this wall time wins.
  const candidates = [wall - 86_400_000, wall + 86_400_000]
    .map((probe) => zoneOffsetMinutes(probe, timeZone))
    .map((offset) => wall - offset * 60_000)
    .sort((a, b) => a - b);
  let instant = candidates.find((t) => t + zoneOffsetMinutes(t, timeZone) * 60_000 === wall);
  // In a gap no instant shows the wall time: use the offset before the gap, which moves it forward.
  instant ??= wall - zoneOffsetMinutes(wall - 86_400_000, timeZone) * 60_000;
  const offset = zoneOffsetMinutes(instant, timeZone);
  const shown = new Date(instant + offset * 60_000);
  return (
    `${shown.getUTCFullYear()}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}` +
    `T${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}:${pad(shown.getUTCSeconds())}` +
    offsetText(offset)
  );
}

/** An instant (any ISO with offset) → the datetime-local value of its wall time in `timeZone`. */
export function isoToLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const shown = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return (
    `${shown.getUTCFullYear()}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}` +
    `T${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}`
  );
}
