import type { Db } from './database';

/**
 * Sign-in attempts by address, for rate limiting that holds across several servers. An attempt is
 * written before its password is checked (so simultaneous attempts see each other) and removed
 * if it succeeds or is turned away: what stays are failures.
 */
export const loginFailureRepository = {
  insert: async (db: Db, row: { id: string; ip: string; email: string; at: string }) => {
    await db.insertInto('login_failures').values(row).execute();
  },

  /**
   * Attempts from `ip` strictly after `since`, oldest first (only their instants). Strictly: a failure
   * exactly one window old has left the window, so a client that waits out Retry-After gets in.
   */
  since: (db: Db, ip: string, since: string) =>
    db
      .selectFrom('login_failures')
      .select(['id', 'at'])
      .where('ip', '=', ip)
      .where('at', '>', since)
      .orderBy('at')
      .execute(),

  delete: async (db: Db, id: string) => {
    await db.deleteFrom('login_failures').where('id', '=', id).execute();
  },

  deleteBefore: async (db: Db, before: string) => {
    await db.deleteFrom('login_failures').where('at', '<', before).execute();
  },
};
