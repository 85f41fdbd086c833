import type { Insertable, Selectable } from 'kysely';
import type { ApiTokensTable, Db } from './database';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Integration tokens; only a hash of the secret is stored. Revoked tokens stay for the record. */
export const apiTokenRepository = {
  insert: async (db: Db, row: Insertable<ApiTokensTable>) => {
    await db.insertInto('api_tokens').values(row).execute();
  },

  findById: (db: Db, id: string) =>
    db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst(),

  findByHash: (db: Db, tokenHash: string) =>
    db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

  /** Newest first. */
  list: (db: Db) => db.selectFrom('api_tokens').selectAll().orderBy('id', 'desc').execute(),

  markUsed: async (db: Db, id: string, at: string) => {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },

  revoke: async (db: Db, id: string, at: string) => {
    await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  },
};
