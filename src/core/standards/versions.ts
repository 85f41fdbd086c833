/**
 * Which published version of a catalog entry (a standard or a calendar) is in force when.
 *
 * Versions are immutable; each takes effect at `effective_from` (an ISO instant) and stays in force
 * until a version with a later `effective_from` does. Among versions taking effect at the same
 * instant the higher version number wins (it was published later). So history is judged by the
 * rules that applied at the time, even when a change was published long before it took effect.
 */
export interface VersionTiming {
  version: number;
  /** ISO instant. */
  effective_from: string;
}

const byTiming = (a: VersionTiming, b: VersionTiming) =>
  Date.parse(a.effective_from) - Date.parse(b.effective_from) || a.version - b.version;

/**
 * The version in force at `at` (ISO instant), or undefined before the first one takes effect.
 * Example: versions 1 (from 2026-01-01) and 2 (from 2026-03-01) → at 2026-02-10 version 1.
 */
export function versionInForce<V extends VersionTiming>(versions: readonly V[], at: string): V | undefined {
  const t = Date.parse(at);
  let best: V | undefined;
  for (const v of versions) {
    if (Date.parse(v.effective_from) > t) continue;
    if (best === undefined || byTiming(v, best) > 0) best = v;
  }
  return best;
}

/**
 * Every version with the instant it stops being in force: the next `effective_from` in time order
 * (null for the last). A version overtaken before it took effect (a later version with an earlier
 * or equal date) gets an `effective_until` not after its `effective_from`: it was never in force.
 * Returned newest first by version number.
 */
export function withEffectiveUntil<V extends VersionTiming>(
  versions: readonly V[],
): (V & { effective_until: string | null })[] {
  const timed = [...versions].sort(byTiming);
  const until = new Map<number, string | null>();
  timed.forEach((v, i) => until.set(v.version, timed[i + 1]?.effective_from ?? null));
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ ...v, effective_until: until.get(v.version) ?? null }));
}
