import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** The embedded database file inside the data directory. */
export const SQLITE_FILE = 'etalon.sqlite';

/**
 * Opens (creating if needed) `<dataDir>/etalon.sqlite` in WAL mode, so the CLI can write while the
 * server runs; a busy timeout makes a second writer wait instead of failing.
 */
export function createSqliteDialect(dataDir: string): {
  dialect: SqliteDialect;
  location: string;
  close: () => void;
} {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const location = join(dir, SQLITE_FILE);
  const database = new BetterSqlite3(location);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // SQLite's own lower() folds ASCII only; searches must ignore case in every alphabet (Иван, María),
  // as PostgreSQL's lower() does with a UTF-8 locale.
  database.function('lower', { deterministic: true }, (text: unknown) =>
    text === null ? null : String(text).toLowerCase(),
  );
  return { dialect: new SqliteDialect({ database }), location, close: () => database.close() };
}
