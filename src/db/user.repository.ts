import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, UsersTable } from './database';
import { containsText } from './like';

export type UserRow = Selectable<UsersTable>;

export interface UserFilter {
  q?: string | undefined;
  role?: UsersTable['role'] | undefined;
  status?: UsersTable['status'] | undefined;
}

/** People who can sign in. Rows are never deleted: a person with history is deactivated instead. */
export const userRepository = {
  /** Finds a person by id, or `undefined`. */
  findById: (db: Db, id: string) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Finds a person by e-mail; callers pass it lower-cased (the contract normalizes it). */
  findByEmail: (db: Db, email: string) =>
    db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),

  insert: async (db: Db, row: Insertable<UsersTable>) => {
    await db.insertInto('users').values(row).execute();
  },

  update: async (db: Db, id: string, patch: Updateable<UsersTable>) => {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  },

  /** Counts people; e.g. `count(db, { role: 'admin', status: 'active' })` guards the last admin. */
  count: async (db: Db, filter: UserFilter = {}) => {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** A page of people, sorted by name then e-mail. */
  list: (db: Db, filter: UserFilter, page: { limit: number; offset: number }) =>
    filtered(db, filter)
      .selectAll()
      // lower(): the same case-insensitive order on both engines (SQLite's lower() is Unicode-aware,
      // see dialect/sqlite.dialect.ts); ties beyond that follow each engine's collation.
      .orderBy(sql`lower(name)`)
      .orderBy('email')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
};

function filtered(db: Db, filter: UserFilter) {
  let query = db.selectFrom('users');
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText('name', q), containsText('email', q)]));
  }
  return query;
}
