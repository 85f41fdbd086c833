import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, GridCellsTable } from './database';

export type GridCellRow = Selectable<GridCellsTable>;

export interface GridCellFilter {
  recipient_unit_id?: string | undefined;
  /** Cells addressed to any of these units (an empty list matches none). */
  recipient_unit_ids?: readonly string[] | undefined;
  provider_unit_id?: string | undefined;
  provider_employee_id?: string | undefined;
  /** Cells giving this kind of help. */
  support_type_id?: string | undefined;
}

/** The `provider_key` the uniqueness (provider, recipient) is held on: `unit:<id>` / `employee:<id>`. */
export const providerKey = (kind: GridCellsTable['provider_kind'], id: string) => `${kind}:${id}`;

/**
 * Grid cells and the support types each gives. Cells are deleted for real (the audit log keeps
 * their history); a cell's types go with it.
 */
export const gridCellRepository = {
  /** Finds a cell by id, or `undefined`. */
  findById: (db: Db, id: string) =>
    db.selectFrom('grid_cells').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Inserts a cell and its types; a second cell for the same (provider, recipient) is a unique violation. */
  insert: async (db: Db, row: Insertable<GridCellsTable>, supportTypeIds: readonly string[]) => {
    await db.insertInto('grid_cells').values(row).execute();
    await gridCellRepository.setTypes(db, row.id, supportTypeIds);
  },

  /**
   * Takes the cell's row lock until the transaction ends, the same on both engines (a write that
   * changes nothing): on PostgreSQL another transaction locking, changing or deleting the cell
   * waits; SQLite has one writer at a time anyway. A cell deleted meanwhile is simply not found.
   */
  lock: async (db: Db, id: string) => {
    await db
      .updateTable('grid_cells')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
  },

  /** Takes every cell's row lock in one statement (an import rewrites the grid as a whole). */
  lockAll: async (db: Db) => {
    await db
      .updateTable('grid_cells')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .execute();
  },

  update: async (db: Db, id: string, patch: Updateable<GridCellsTable>) => {
    await db.updateTable('grid_cells').set(patch).where('id', '=', id).execute();
  },

  /** Makes `supportTypeIds` the cell's types, replacing the previous ones. */
  setTypes: async (db: Db, cellId: string, supportTypeIds: readonly string[]) => {
    await db.deleteFrom('grid_cell_types').where('cell_id', '=', cellId).execute();
    if (supportTypeIds.length > 0) {
      await db
        .insertInto('grid_cell_types')
        .values(supportTypeIds.map((support_type_id) => ({ cell_id: cellId, support_type_id })))
        .execute();
    }
  },

  delete: async (db: Db, id: string) => {
    await db.deleteFrom('grid_cell_types').where('cell_id', '=', id).execute();
    await db.deleteFrom('grid_cells').where('id', '=', id).execute();
  },

  /**
   * The support types of the given cells (or of every cell), each list in the vocabulary's order
   * (`sort_order`, then code). Example: `(await typesOf(db, [cellId])).get(cellId)` → `[infoId]`.
   */
  typesOf: async (db: Db, cellIds?: readonly string[]): Promise<Map<string, string[]>> => {
    if (cellIds?.length === 0) return new Map();
    let query = db
      .selectFrom('grid_cell_types')
      .innerJoin('support_types', 'support_types.id', 'grid_cell_types.support_type_id')
      .select(['grid_cell_types.cell_id', 'grid_cell_types.support_type_id']);
    if (cellIds) query = query.where('grid_cell_types.cell_id', 'in', cellIds);
    const rows = await query
      .orderBy('support_types.sort_order')
      .orderBy(sql`lower(support_types.code)`)
      .orderBy('support_types.code')
      .execute();
    const types = new Map<string, string[]>();
    for (const row of rows) types.set(row.cell_id, [...(types.get(row.cell_id) ?? []), row.support_type_id]);
    return types;
  },

  count: async (db: Db, filter: GridCellFilter = {}) => {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** A page of cells, oldest first (ids are time-ordered). */
  list: (db: Db, filter: GridCellFilter, page: { limit: number; offset: number }) =>
    filtered(db, filter).selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute(),

  /** Every matching cell, oldest first: the matrix and "whom do I ask" read hundreds, not millions. */
  all: (db: Db, filter: GridCellFilter = {}) => filtered(db, filter).selectAll().orderBy('id').execute(),

  /** Employees who provide in at least one cell (whatever their status), sorted by code. */
  providingEmployees: (db: Db) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('grid_cells')
          .select('provider_employee_id')
          .where('provider_employee_id', 'is not', null),
      )
      .orderBy(sql`lower(code)`)
      .orderBy('code')
      .execute(),
};

function filtered(db: Db, filter: GridCellFilter) {
  let query = db.selectFrom('grid_cells');
  if (filter.recipient_unit_id) query = query.where('recipient_unit_id', '=', filter.recipient_unit_id);
  if (filter.recipient_unit_ids) {
    // An empty list matches nothing; `in ()` is not valid SQL.
    if (filter.recipient_unit_ids.length === 0) query = query.where(sql<boolean>`1 = 0`);
    else query = query.where('recipient_unit_id', 'in', filter.recipient_unit_ids);
  }
  if (filter.provider_unit_id) query = query.where('provider_unit_id', '=', filter.provider_unit_id);
  if (filter.provider_employee_id) {
    query = query.where('provider_employee_id', '=', filter.provider_employee_id);
  }
  if (filter.support_type_id) {
    const typeId = filter.support_type_id;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('grid_cell_types')
          .select('grid_cell_types.cell_id')
          .whereRef('grid_cell_types.cell_id', '=', 'grid_cells.id')
          .where('grid_cell_types.support_type_id', '=', typeId),
      ),
    );
  }
  return query;
}

/** Employees by id (any status), for naming providers and contacts. */
export async function employeesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('employees')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * The units a signed-in person heads, through their employee records (users → employees.user_id →
 * unit_heads); only active employees count. Lives here because only the grid's head rule uses it.
 */
export async function unitsHeadedByUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('unit_heads')
    .innerJoin('employees', 'employees.id', 'unit_heads.employee_id')
    .select('unit_heads.unit_id')
    .distinct()
    .where('employees.user_id', '=', userId)
    .where('employees.status', '=', 'active')
    .execute();
  return rows.map((r) => r.unit_id).sort();
}
