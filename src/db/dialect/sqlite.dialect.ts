import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Kysely,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Transactions begin IMMEDIATE: they take the write lock at once, waiting up to the busy timeout
 * while another process (the CLI beside the server) writes, instead of failing with
 * SQLITE_BUSY when a read-then-write transaction finds the database changed under it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite adapter takes no migration lock (it assumes one process). Two processes starting
 * together (a server and `etalon migrate`) would both run the same migration; here the lock is
 * the database's own write lock, held from before the state is read until the last migration.
 */
class SerializedMigrationsAdapter extends SqliteAdapter {
  /** Migrations run one at a time on one connection, so one flag is enough. */
  #locked = false;

  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await db.executeQuery(CompiledQuery.raw('begin immediate'));
    this.#locked = true;
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    // When taking the lock failed (busy past the timeout) there is nothing to commit.
    if (!this.#locked) return;
    this.#locked = false;
    await db.executeQuery(CompiledQuery.raw('commit'));
  }
}

class EtalonSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter() {
    return new SerializedMigrationsAdapter();
  }
}

/**
 * Kysely prepares every statement it runs. Preparing a multi-row insert of a few thousand
 * parameters costs more than running it, and monitoring's bulk writes run the same few texts again
 * and again; so long statements (only those: they are never iterated, which would make a shared
 * statement busy) are prepared once and reused.
 */
function cacheLongStatements(database: BetterSqlite3.Database) {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, BetterSqlite3.Statement>();
  database.prepare = ((source: string) => {
    if (source.length < LONG_STATEMENT) return prepare(source);
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= 64) cache.clear();
      cache.set(source, statement);
    }
    return statement;
  }) as typeof database.prepare;
}

const LONG_STATEMENT = 2_000;

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
  // 64 MiB of page cache (the default is 2 MiB): monitoring writes millions of rows into B-trees
  // keyed at random (roll-ups, findings) and reads roll-ups by range; SQLite allocates it only as used.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = memory');
  // SQLite's own lower() folds ASCII only; searches must ignore case in every alphabet (Иван, María),
  // as PostgreSQL's lower() does with a UTF-8 locale.
  database.function('lower', { deterministic: true }, (text: unknown) =>
    text === null ? null : String(text).toLowerCase(),
  );
  cacheLongStatements(database);
  return { dialect: new EtalonSqliteDialect({ database }), location, close: () => database.close() };
}
