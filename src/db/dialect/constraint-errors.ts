/**
 * Constraint violations, recognized by the driver's code and never by message text:
 * better-sqlite3 sets `code` to `SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY`, pg sets SQLSTATE `23505`.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A row refers to one that does not exist (SQLite `SQLITE_CONSTRAINT_FOREIGNKEY`, pg `23503`). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
