import { Kysely, sql } from 'kysely';
import type { Database } from './database';
import type { DialectName } from './dialect/dialect-name';
import { createSqliteDialect } from './dialect/sqlite.dialect';
import { createPostgresDialect } from './dialect/postgres.dialect';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for logs: a file path or a URL without credentials. */
  location: string;
  /** Answers whether the database responds right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the configured database: PostgreSQL when `databaseUrl` is set, else the embedded SQLite
 * file in `dataDir`. Nothing else in Etalon needs to know which one it is.
 */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): DatabaseHandle {
  const made = options.databaseUrl
    ? { name: 'postgres' as const, ...createPostgresDialect(options.databaseUrl) }
    : { name: 'sqlite' as const, ...createSqliteDialect(options.dataDir) };
  const db = new Kysely<Database>({ dialect: made.dialect });
  return {
    db,
    dialect: made.name,
    location: made.location,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
