import { CalendarSchema, StandardSchema, type LocalizedName } from '../../contract/standards-file.schema';
import type { CalendarDefinition, StandardDefinition } from '../../contract/catalog.schema';

/**
 * Definitions as the catalog compares and writes them: read through the file schema (defaults
 * filled, keys in the schema's order), so a stored definition, a file's and an export's agree.
 * A stored definition the schema no longer reads is kept as it is.
 */
export function normalizeStandard(definition: unknown): StandardDefinition {
  const parsed = StandardSchema.safeParse(definition);
  return parsed.success ? parsed.data : (definition as StandardDefinition);
}

export function normalizeCalendar(definition: unknown): CalendarDefinition {
  const parsed = CalendarSchema.safeParse(definition);
  return parsed.success ? parsed.data : (definition as CalendarDefinition);
}

/** JSON with object keys sorted at every depth: equal for deeply equal values, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const sameDefinition = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The leaves that differ between two definitions, as `path: before → after` (arrays compared whole).
 * Example: `fieldChanges({target: 0.9}, {target: 0.95})` → `['target 0.9 → 0.95']`.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const show = (v: unknown) => (v === undefined ? '(none)' : canonicalJson(v));
  return [`${path} ${show(before)} → ${show(after)}`];
}

/** Names as the organization stores them; a plain string is the name in both languages. */
export function namesOf(name: LocalizedName): { ru: string | null; en: string | null } {
  if (typeof name === 'string') return { ru: name, en: name };
  return { ru: name.ru ?? null, en: name.en ?? null };
}

/** A name for a person reading a diff: English, else Russian. */
export const displayName = (name: LocalizedName | undefined): string =>
  name === undefined ? '' : typeof name === 'string' ? name : (name.en ?? name.ru ?? '');
