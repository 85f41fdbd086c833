import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so a search for `50%` finds the text `50%`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `text`, ignoring case, on both engines: LIKE is case-insensitive in SQLite
 * (ASCII only) and case-sensitive in PostgreSQL, so both sides are lower-cased (SQLite's lower() is
 * made Unicode-aware in dialect/sqlite.dialect.ts), and the escape character is spelled out because
 * SQLite has none by default.
 * Example: `containsText('name', 'joan')` matches `Joan Smith`.
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}
