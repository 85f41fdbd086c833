/** One field that differs between two definitions, by its dotted path (`measure.max`, `title.ru`). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Leaves of a JSON value by dotted path; arrays of scalars stay whole (a list of channels reads as one value). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  const scalarList = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value !== null && typeof value === 'object' && !scalarList) {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) out.set(prefix, value);
}

/**
 * The fields that differ between two versions' definitions, in the order they appear (the newer
 * definition's order first, then fields only the older had). A missing definition (a retirement,
 * or nothing before the first version) has no fields.
 */
export function diffDefinitions(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, '', a);
  if (after !== null && after !== undefined) flatten(after, '', b);
  const paths = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return paths
    .filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
    .map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** A value as one short line: strings as they are, lists joined, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}
