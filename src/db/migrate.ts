import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Database } from './database';
import { migrations } from './migrations';

export interface MigrationReport {
  applied: string[];
  /** Every migration the database has, after this run. */
  current: string[];
}

/**
 * Brings the schema up to date. Safe to run from several processes at once: Kysely takes a lock
 * table, so on PostgreSQL many servers can start together.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    const what = failed ? `Migration ${failed} failed` : 'Cannot migrate the database';
    throw new Error(`${what}: ${cause}`, { cause: result.error });
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const current = (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
  return { applied, current };
}
