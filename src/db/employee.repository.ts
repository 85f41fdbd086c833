import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, EmployeesTable } from './database';
import { containsText } from './like';

export type EmployeeRow = Selectable<EmployeesTable>;

export interface EmployeeFilter {
  q?: string | undefined;
  /** Employees of any of these units (e.g. a unit's subtree from `unitRepository.subtreeIds`). */
  unit_ids?: readonly string[] | undefined;
  status?: EmployeesTable['status'] | undefined;
}

/** Employees. Rows are never deleted: someone with history leaves (`status: left`). */
export const employeeRepository = {
  /** Finds an employee by id, or `undefined`. */
  findById: (db: Db, id: string) =>
    db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Finds an employee by code, exactly as written, or `undefined`. */
  findByCode: (db: Db, code: string) =>
    db.selectFrom('employees').selectAll().where('code', '=', code).executeTakeFirst(),

  insert: async (db: Db, row: Insertable<EmployeesTable>) => {
    await db.insertInto('employees').values(row).execute();
  },

  update: async (db: Db, id: string, patch: Updateable<EmployeesTable>) => {
    await db.updateTable('employees').set(patch).where('id', '=', id).execute();
  },

  /** Counts employees; e.g. `count(db, { unit_ids: [id], status: 'active' })` guards archiving a unit. */
  count: async (db: Db, filter: EmployeeFilter = {}) => {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** A page of employees, sorted by name (Russian, else English) then code. */
  list: (db: Db, filter: EmployeeFilter, page: { limit: number; offset: number }) =>
    filtered(db, filter)
      .selectAll()
      .orderBy(sql`lower(coalesce(name_ru, name_en))`)
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
};

function filtered(db: Db, filter: EmployeeFilter) {
  let query = db.selectFrom('employees');
  if (filter.unit_ids) {
    // An empty list matches nobody; `in ()` is not valid SQL.
    if (filter.unit_ids.length === 0) query = query.where(sql<boolean>`1 = 0`);
    else query = query.where('unit_id', 'in', filter.unit_ids);
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText('code', q),
        containsText('name_ru', q),
        containsText('name_en', q),
        containsText('email', q),
      ]),
    );
  }
  return query;
}
