/**
 * A field-level diff of two definitions (standards or calendars): each is flattened into dotted
 * paths (`measure.max`, `week.mon`, `title.ru`) with readable values, and the paths are compared.
 */

export interface FieldRow {
  path: string;
  before: string | null;
  after: string | null;
  changed: boolean;
  /** For a list of plain values on both sides that gained or lost items: what it gained and lost, and how many stayed. */
  list?: { added: string[]; removed: string[]; kept: number };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const scalar = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

const LISTS = new WeakMap<Map<string, string>, Map<string, string[]>>();

/** Flattens a value; arrays of scalars become one comma-joined value, arrays of objects are indexed. */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    if (value.every((v) => !isPlainObject(v) && !Array.isArray(v))) {
      out.set(prefix, value.map(scalar).join(', '));
      const lists = LISTS.get(out) ?? new Map<string, string[]>();
      lists.set(prefix, value.map(scalar));
      LISTS.set(out, lists);
    } else {
      value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
    }
  } else if (value !== undefined) {
    out.set(prefix, scalar(value));
  }
  return out;
}

/** Every field of either definition, in the after's order (then removed ones), marked when it differs. */
export function diffDefinitions(before: unknown, after: unknown): FieldRow[] {
  const a = before === null || before === undefined ? new Map<string, string>() : flatten(before);
  const b = after === null || after === undefined ? new Map<string, string>() : flatten(after);
  const rows: FieldRow[] = [];
  const listsA = LISTS.get(a);
  const listsB = LISTS.get(b);
  for (const [path, value] of b) {
    const old = a.get(path) ?? null;
    const row: FieldRow = { path, before: old, after: value, changed: old !== value };
    const la = listsA?.get(path);
    const lb = listsB?.get(path);
    if (row.changed && la && lb) {
      const setA = new Set(la);
      const setB = new Set(lb);
      const added = lb.filter((v) => !setA.has(v));
      const removed = la.filter((v) => !setB.has(v));
      // Only reordered: nothing gained or lost, so the two orders themselves are the change.
      if (added.length > 0 || removed.length > 0)
        row.list = { added, removed, kept: lb.filter((v) => setA.has(v)).length };
    }
    rows.push(row);
  }
  for (const [path, value] of a) {
    if (!b.has(path)) rows.push({ path, before: value, after: null, changed: true });
  }
  return rows;
}
