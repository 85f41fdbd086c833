import type { Config } from '../contract/config.schema';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { migrateToLatest, type MigrationReport } from '../db/migrate';
import { systemClock, type Clock } from './clock';
import { createPasswordHasher, type PasswordHasher } from './security/password-hasher';
import { createServices, type Services } from './services';
import { VERSION } from './version';

export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  migrations: MigrationReport | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Apply pending migrations first (the server does; `etalon migrate` reports them). */
  migrate?: boolean;
  clock?: Clock;
  passwords?: PasswordHasher;
}

/** Opens the configured database and builds the services: what the server and every CLI command start with. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const database = openDatabase(config);
  try {
    const migrations = options.migrate === false ? undefined : await migrateToLatest(database.db);
    const services = createServices({
      db: database.db,
      dialect: database.dialect,
      ping: () => database.ping(),
      clock: options.clock ?? systemClock,
      passwords: options.passwords ?? createPasswordHasher(),
      version: VERSION,
      sessionHours: config.sessionHours,
      publicUrl: config.publicUrl,
      dataDir: config.dataDir,
    });
    return { config, database, services, migrations, close: () => database.close() };
  } catch (e) {
    await database.close();
    throw e;
  }
}
