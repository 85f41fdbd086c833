/**
 * Durations as people write them in standards: `4h`, `90m`, `1h30m`, `45s`, `2d` (calendar days).
 * Example: `parseDuration('1h30m')` → 5_400_000; `parseDuration('soon')` → undefined.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, d, h, m, s] = match.map((x) => (x === undefined ? 0 : Number(x)));
  return (((d! * 24 + h!) * 60 + m!) * 60 + s!) * 1000;
}

/**
 * A duration for people: `4 h 01 min`, `21.3 s`, `2 d 3 h`. Seconds appear only under an hour.
 * Example: `formatDuration(14_460_000)` → `4 h 01 min`.
 */
export function formatDuration(ms: number): string {
  const totalSeconds = ms / 1000;
  if (totalSeconds < 60) return `${round1(totalSeconds)} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const seconds = Math.floor(totalSeconds % 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return seconds > 0 ? `${minutes} min ${String(seconds).padStart(2, '0')} s` : `${minutes} min`;
}

const round1 = (x: number) => (Math.round(x * 10) / 10).toString();
