import type { Selectable } from 'kysely';
import type { Db, FollowUpsTable } from './database';

export type FollowUpRow = Selectable<FollowUpsTable>;

export interface FollowUpFilter {
  ownerId?: string | undefined;
  status?: FollowUpsTable['status'] | undefined;
  auditId?: string | undefined;
  /** Only follow-ups of audits of these units (with the units below already expanded). */
  unitIds?: readonly string[] | undefined;
  /** The reader's scope: everything, or audits of these units / about these employees, or their own. */
  scope?: { unitIds: readonly string[]; employeeIds: readonly string[]; userId: string | null } | undefined;
}

/** The filtered join, or null when the filter can match nothing. */
function filtered(db: Db, filter: FollowUpFilter) {
  let q = db
    .selectFrom('follow_ups as f')
    .innerJoin('audits as a', 'a.id', 'f.audit_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('users as o', 'o.id', 'f.owner_user_id');
  if (filter.ownerId !== undefined) q = q.where('f.owner_user_id', '=', filter.ownerId);
  if (filter.status !== undefined) q = q.where('f.status', '=', filter.status);
  if (filter.auditId !== undefined) q = q.where('f.audit_id', '=', filter.auditId);
  if (filter.unitIds !== undefined) {
    if (filter.unitIds.length === 0) return null;
    q = q.where('a.unit_id', 'in', filter.unitIds);
  }
  const scope = filter.scope;
  if (scope !== undefined) {
    const units = scope.unitIds;
    const employees = scope.employeeIds;
    if (units.length === 0 && employees.length === 0 && scope.userId === null) return null;
    q = q.where((eb) =>
      eb.or([
        ...(units.length > 0 ? [eb('a.unit_id', 'in', units)] : []),
        ...(employees.length > 0 ? [eb('a.employee_id', 'in', employees)] : []),
        ...(scope.userId !== null ? [eb('f.owner_user_id', '=', scope.userId)] : []),
      ]),
    );
  }
  return q;
}

const withRefs = (q: NonNullable<ReturnType<typeof filtered>>) =>
  q.selectAll('f').select(['a.unit_id', 'u.code as unit_code', 'a.employee_id', 'o.name as owner_name']);

/** Follow-ups raised from failed audit items (issue 7), with what the list shows beside them. */
export const followUpRepository = {
  insert: async (db: Db, row: FollowUpRow) => {
    await db.insertInto('follow_ups').values(row).execute();
  },

  find: (db: Db, id: string): Promise<FollowUpRow | undefined> =>
    db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst(),

  /** One row with what the list shows beside it. */
  findWithRefs: (db: Db, id: string) => withRefs(filtered(db, {})!).where('f.id', '=', id).executeTakeFirst(),

  update: async (db: Db, id: string, set: Partial<FollowUpRow>) => {
    await db.updateTable('follow_ups').set(set).where('id', '=', id).execute();
  },

  /** Rows joined with their audit's unit and employee and the owner's name: open first, then by due date. */
  list: async (db: Db, filter: FollowUpFilter, page: { limit: number; offset: number }) => {
    const q = filtered(db, filter);
    if (q === null) return { rows: [], total: 0 };
    const rows = await withRefs(q)
      .orderBy((eb) => eb.case().when('f.status', '=', 'open').then(0).else(1).end())
      .orderBy('f.due_on')
      .orderBy('f.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  },
};

export type FollowUpListRow = Awaited<ReturnType<typeof followUpRepository.list>>['rows'][number];
