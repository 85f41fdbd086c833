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

/** Driver codes meaning "the database cannot be reached right now" (pg/Node network codes, SQLite I/O). */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08006', // connection_failure
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** The database is down or unreachable (answer 503 and let the client retry), on either engine. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return UNAVAILABLE.has(String((error as { code?: unknown } | null)?.code));
}
