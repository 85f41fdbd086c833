import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, UnitsTable } from './database';
import { containsText } from './like';

export type UnitRow = Selectable<UnitsTable>;

export interface UnitFilter {
  q?: string | undefined;
  parent_id?: string | undefined;
  status?: UnitsTable['status'] | undefined;
}

/**
 * Units of the organization and their heads. Units are never deleted (a unit with history is
 * archived); only head links are replaced.
 */
export const unitRepository = {
  /** Finds a unit by id, or `undefined`. */
  findById: (db: Db, id: string) =>
    db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Finds a unit by its code, exactly as written (codes are case-sensitive), or `undefined`. */
  findByCode: (db: Db, code: string) =>
    db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst(),

  insert: async (db: Db, row: Insertable<UnitsTable>) => {
    await db.insertInto('units').values(row).execute();
  },

  update: async (db: Db, id: string, patch: Updateable<UnitsTable>) => {
    await db.updateTable('units').set(patch).where('id', '=', id).execute();
  },

  /** Counts units; e.g. `count(db, { parent_id: id, status: 'active' })` guards archiving. */
  count: async (db: Db, filter: UnitFilter = {}) => {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** A page of units, sorted by code (codes are what people scan a list of units by). */
  list: (db: Db, filter: UnitFilter, page: { limit: number; offset: number }) =>
    filtered(db, filter)
      .selectAll()
      .orderBy(sql`lower(code)`)
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),

  /** Every unit, sorted by code: an organization has hundreds of units, not millions. */
  all: (db: Db) =>
    db
      .selectFrom('units')
      .selectAll()
      .orderBy(sql`lower(code)`)
      .orderBy('code')
      .execute(),

  /**
   * The heads of the given units (or of every unit), each list sorted by employee id.
   * Example: `(await headsOf(db, [hrId])).get(hrId)` → `[annaId]`; a unit without heads is absent.
   */
  headsOf: async (db: Db, unitIds?: readonly string[]): Promise<Map<string, string[]>> => {
    if (unitIds?.length === 0) return new Map();
    let query = db.selectFrom('unit_heads').select(['unit_id', 'employee_id']);
    if (unitIds) query = query.where('unit_id', 'in', unitIds);
    const heads = new Map<string, string[]>();
    for (const row of await query.orderBy('employee_id').execute()) {
      heads.set(row.unit_id, [...(heads.get(row.unit_id) ?? []), row.employee_id]);
    }
    return heads;
  },

  /** Makes `employeeIds` the unit's heads, replacing the previous ones (a link, not a record). */
  setHeads: async (db: Db, unitId: string, employeeIds: readonly string[]) => {
    await db.deleteFrom('unit_heads').where('unit_id', '=', unitId).execute();
    if (employeeIds.length > 0) {
      await db
        .insertInto('unit_heads')
        .values(employeeIds.map((employee_id) => ({ unit_id: unitId, employee_id })))
        .execute();
    }
  },

  /**
   * Every unit's parent, for the tree checks in core (`wouldCreateCycle`, `ancestorsOf`).
   * Example: `(await parentLinks(db)).get(hrId)` → the id of HR's parent, or null for a root.
   */
  parentLinks: async (db: Db): Promise<Map<string, string | null>> => {
    const rows = await db.selectFrom('units').select(['id', 'parent_id']).execute();
    return new Map(rows.map((r) => [r.id, r.parent_id]));
  },

  /**
   * The ids of a unit and every unit below it, at any depth (a recursive query, the same on both
   * engines). Example: with ORG ← HR ← HR-PAY, `subtreeIds(db, hrId)` → `[hrId, hrPayId]`.
   * `union` (not `union all`) ends the walk even if the data ever held a cycle.
   */
  subtreeIds: async (db: Db, rootId: string): Promise<string[]> => {
    const rows = await db
      .withRecursive('subtree(id)', (qb) =>
        qb
          .selectFrom('units')
          .select('id')
          .where('id', '=', rootId)
          .union(
            qb.selectFrom('units').innerJoin('subtree', 'subtree.id', 'units.parent_id').select('units.id'),
          ),
      )
      .selectFrom('subtree')
      .select('id')
      .execute();
    return rows.map((r) => r.id);
  },
};

function filtered(db: Db, filter: UnitFilter) {
  let query = db.selectFrom('units');
  if (filter.parent_id) query = query.where('parent_id', '=', filter.parent_id);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([containsText('code', q), containsText('name_ru', q), containsText('name_en', q)]),
    );
  }
  return query;
}
