/** One field of a changed record: its value before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between an audit entry's `before` and `after` snapshots. A creation
 * (no before) lists every field as new; a value that is not an object is one change with an empty
 * field name. Example: `{role:'staff', name:'Ann'}` → `{role:'head', name:'Ann'}` gives
 * `[{ field: 'role', before: 'staff', after: 'head' }]`.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a)
    return before == null && after == null ? [] : same(before, after) ? [] : [{ field: '', before, after }];
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields
    .filter((field) => !same(b?.[field], a?.[field]))
    .map((field) => ({ field, before: b?.[field] ?? null, after: a?.[field] ?? null }));
}
