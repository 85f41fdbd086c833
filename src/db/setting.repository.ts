import type { Db } from './database';

/** Instance-wide key/value settings; the primary key doubles as a once-only marker. */
export const settingRepository = {
  get: async (db: Db, key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,

  /** Inserts; throws a unique violation if the key exists (used to let only one setup win). */
  insert: async (db: Db, key: string, value: string, at: string) => {
    await db.insertInto('settings').values({ key, value, updated_at: at }).execute();
  },
};
