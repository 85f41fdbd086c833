import type { Insertable, Selectable } from 'kysely';
import type { Db, NotificationsTable } from './database';

export type NotificationRow = Selectable<NotificationsTable>;

/** In-app notifications: one row per person told; only `read_at` ever changes. */
export const notificationRepository = {
  insertMany: async (db: Db, rows: Insertable<NotificationsTable>[]) => {
    if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
  },

  /** A person's notifications, newest first (ids are time-ordered). */
  listFor: (db: Db, userId: string, options: { unread?: boolean | undefined; limit: number }) => {
    let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
    if (options.unread) q = q.where('read_at', 'is', null);
    return q.orderBy('id', 'desc').limit(options.limit).execute();
  },

  /** Whether the person was already told this about this proposal. */
  exists: async (db: Db, userId: string, kind: string, proposalId: string): Promise<boolean> =>
    (await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('proposal_id', '=', proposalId)
      .executeTakeFirst()) !== undefined,

  unreadCount: async (db: Db, userId: string): Promise<number> => {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks the person's notifications read: the given ids, or all of them. */
  markRead: async (db: Db, userId: string, at: string, ids?: readonly string[]) => {
    if (ids?.length === 0) return;
    let q = db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids) q = q.where('id', 'in', ids);
    await q.execute();
  },
};
