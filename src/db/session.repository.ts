import type { Insertable } from 'kysely';
import type { Db, SessionsTable } from './database';

/** Browser sessions, keyed by the SHA-256 of the cookie value. */
export const sessionRepository = {
  insert: async (db: Db, row: Insertable<SessionsTable>) => {
    await db.insertInto('sessions').values(row).execute();
  },

  /** The session and its person, if the session has not expired at `now` (ISO). */
  findLive: (db: Db, id: string, now: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.status as user_status'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst(),

  touch: async (db: Db, id: string, lastSeenAt: string, expiresAt: string) => {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  delete: async (db: Db, id: string) => {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  /** Ends every session of a person (deactivation, password change), except `exceptId` if given. */
  deleteForUser: async (db: Db, userId: string, exceptId?: string) => {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    await q.execute();
  },

  deleteExpired: async (db: Db, now: string) => {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },
};
