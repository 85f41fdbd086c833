import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, SupportTypesTable } from './database';

export type SupportTypeRow = Selectable<SupportTypesTable>;
export type SupportTypeWithCount = SupportTypeRow & { cell_count: number };

/** The grid's vocabulary: the kinds of help a cell gives. A type is deleted only while unused. */
export const supportTypeRepository = {
  /** Finds a support type by id, or `undefined`. */
  findById: (db: Db, id: string) =>
    db.selectFrom('support_types').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Finds a support type by its code, exactly as written, or `undefined`. */
  findByCode: (db: Db, code: string) =>
    db.selectFrom('support_types').selectAll().where('code', '=', code).executeTakeFirst(),

  insert: async (db: Db, row: Insertable<SupportTypesTable>) => {
    await db.insertInto('support_types').values(row).execute();
  },

  /**
   * Takes the type's row lock until the transaction ends, the same on both engines (a write that
   * changes nothing): on PostgreSQL a second edit of the type waits, then reads this one's result.
   */
  lock: async (db: Db, id: string) => {
    await db
      .updateTable('support_types')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
  },

  update: async (db: Db, id: string, patch: Updateable<SupportTypesTable>) => {
    await db.updateTable('support_types').set(patch).where('id', '=', id).execute();
  },

  /** Deletes the row; a type still used by a cell fails with a foreign-key violation. */
  delete: async (db: Db, id: string) => {
    await db.deleteFrom('support_types').where('id', '=', id).execute();
  },

  /**
   * Every support type (active and archived, a vocabulary of dozens), with how many cells use it,
   * in the vocabulary's order: `sort_order`, then code. `ids` narrows the list.
   */
  list: async (db: Db, ids?: readonly string[]): Promise<SupportTypeWithCount[]> => {
    if (ids?.length === 0) return [];
    let query = db
      .selectFrom('support_types')
      .selectAll('support_types')
      .select((eb) =>
        eb
          .selectFrom('grid_cell_types')
          .whereRef('grid_cell_types.support_type_id', '=', 'support_types.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('cell_count'),
      );
    if (ids) query = query.where('support_types.id', 'in', ids);
    const rows = await query
      .orderBy('sort_order')
      .orderBy(sql`lower(code)`)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ ...r, builtin: Number(r.builtin), cell_count: Number(r.cell_count ?? 0) }));
  },

  /** How many cells give this kind of help. */
  cellCount: async (db: Db, id: string) => {
    const row = await db
      .selectFrom('grid_cell_types')
      .where('support_type_id', '=', id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The `sort_order` for a new type: after every existing one (steps of 10 leave room between). */
  nextSortOrder: async (db: Db) => {
    const row = await db
      .selectFrom('support_types')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 10;
  },
};
