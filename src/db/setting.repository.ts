import type { Db } from './database';

/** Instance-wide key/value settings; the primary key doubles as a once-only marker. */
export const settingRepository = {
  get: async (db: Db, key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,

  /** Inserts; throws a unique violation if the key exists (used to let only one setup win). */
  insert: async (db: Db, key: string, value: string, at: string) => {
    await db.insertInto('settings').values({ key, value, updated_at: at }).execute();
  },

  /**
   * Takes a named lock until the transaction ends, on both engines: the upsert write-locks the row
   * in PostgreSQL (a second transaction waits here, then reads what the first committed) and
   * makes a SQLite transaction the single writer at once.
   * Example: `await settingRepository.lock(tx, 'lock.admins', now)` before counting administrators.
   */
  lock: async (db: Db, key: string, at: string) => {
    await db
      .insertInto('settings')
      .values({ key, value: 'lock', updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ updated_at: at }))
      .execute();
  },
};
