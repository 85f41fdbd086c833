import type { Db } from './database';

/** Failed sign-ins by address, for rate limiting that holds across several servers. */
export const loginFailureRepository = {
  insert: async (db: Db, row: { id: string; ip: string; email: string; at: string }) => {
    await db.insertInto('login_failures').values(row).execute();
  },

  /**
   * Failures from `ip` strictly after `since`, oldest first (only their instants). Strictly: a failure
   * exactly one window old has left the window, so a client that waits out Retry-After gets in.
   */
  since: (db: Db, ip: string, since: string) =>
    db
      .selectFrom('login_failures')
      .select('at')
      .where('ip', '=', ip)
      .where('at', '>', since)
      .orderBy('at')
      .execute(),

  deleteBefore: async (db: Db, before: string) => {
    await db.deleteFrom('login_failures').where('at', '<', before).execute();
  },
};
