import type { Insertable } from 'kysely';
import type { Db, InvitesTable } from './database';

/** One-time links that let an invited person choose a password. */
export const inviteRepository = {
  insert: async (db: Db, row: Insertable<InvitesTable>) => {
    await db.insertInto('invites').values(row).execute();
  },

  /** An unused, unexpired invitation with this hash, joined to its person. */
  findUsable: (db: Db, tokenHash: string, now: string) =>
    db
      .selectFrom('invites')
      .innerJoin('users', 'users.id', 'invites.user_id')
      .select(['invites.id', 'invites.user_id', 'users.email', 'users.name', 'users.status'])
      .where('invites.token_hash', '=', tokenHash)
      .where('invites.used_at', 'is', null)
      .where('invites.expires_at', '>', now)
      .executeTakeFirst(),

  /** Ends every unused link of a person at `at` (a new link replaces them). */
  expireForUser: async (db: Db, userId: string, at: string) => {
    await db
      .updateTable('invites')
      .set({ expires_at: at })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .execute();
  },

  /**
   * Marks the link used if it still is usable at `at`; false if another request used it first or
   * it was replaced. The conditions sit in the UPDATE itself, so two racing requests cannot both win.
   */
  claim: async (db: Db, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('invites')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
