import type { Insertable, Selectable } from 'kysely';
import type { AuditRoundsTable, AuditSchedulesTable, Db } from './database';

export type AuditScheduleRow = Selectable<AuditSchedulesTable>;
export type AuditRoundRow = Selectable<AuditRoundsTable>;

/** Schedule rows with the template and unit they name. */
const schedules = (db: Db) =>
  db
    .selectFrom('audit_schedules as s')
    .innerJoin('audit_templates as t', 't.id', 's.template_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select([
      't.code as template_code',
      't.title_ru as template_title_ru',
      't.title_en as template_title_en',
      'u.code as unit_code',
    ]);
export type ScheduleWithNames = Awaited<ReturnType<ReturnType<typeof schedules>['executeTakeFirstOrThrow']>>;

/** Round rows with their schedule, template, unit and audit. */
const rounds = (db: Db) =>
  db
    .selectFrom('audit_rounds as r')
    .innerJoin('audit_schedules as s', 's.id', 'r.schedule_id')
    .innerJoin('audit_templates as t', 't.id', 's.template_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('audits as a', 'a.id', 'r.audit_id')
    .selectAll('r')
    .select([
      's.template_id',
      's.unit_id',
      's.auditor_ids',
      's.deleted_at as schedule_deleted_at',
      't.code as template_code',
      't.title_ru as template_title_ru',
      't.title_en as template_title_en',
      'u.code as unit_code',
      'a.status as audit_status',
      'a.submitted_at as audit_submitted_at',
    ]);
export type RoundWithNames = Awaited<ReturnType<ReturnType<typeof rounds>['executeTakeFirstOrThrow']>>;

export interface RoundFilter {
  scheduleIds?: readonly string[] | undefined;
  unitIds?: readonly string[] | undefined;
  /** Rounds starting in [from, to) (ISO instants). */
  from?: string | undefined;
  to?: string | undefined;
  /** Rounds whose closing instant is at or after this (still open then). */
  closesFrom?: string | undefined;
}

/** Audit schedules (issue 7, 0007-audit-schedules) and their rounds, stored once per key. */
export const auditScheduleRepository = {
  insert: (db: Db, row: Insertable<AuditSchedulesTable>) =>
    db.insertInto('audit_schedules').values(row).execute(),

  update: (db: Db, id: string, set: Partial<AuditSchedulesTable>) =>
    db.updateTable('audit_schedules').set(set).where('id', '=', id).execute(),

  /** One schedule (deleted ones only when asked). */
  find: (db: Db, id: string, includeDeleted = false) => {
    let q = schedules(db).where('s.id', '=', id);
    if (!includeDeleted) q = q.where('s.deleted_at', 'is', null);
    return q.executeTakeFirst();
  },

  /** Live schedules, by unit code then template code. */
  list: (db: Db, options: { unitIds?: readonly string[] | undefined } = {}) => {
    let q = schedules(db).where('s.deleted_at', 'is', null);
    if (options.unitIds !== undefined) {
      if (options.unitIds.length === 0) return Promise.resolve([]);
      q = q.where('s.unit_id', 'in', options.unitIds);
    }
    return q.orderBy('u.code').orderBy('t.code').orderBy('s.id').execute();
  },

  /** The keys of a schedule's stored rounds. */
  roundKeys: async (db: Db, scheduleId: string): Promise<Set<string>> =>
    new Set(
      (await db.selectFrom('audit_rounds').select('key').where('schedule_id', '=', scheduleId).execute()).map(
        (r) => r.key,
      ),
    ),

  /** Stores rounds; one already stored under its key (another writer's) is left as it is. */
  insertRounds: async (db: Db, rows: Insertable<AuditRoundsTable>[]) => {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('audit_rounds')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['schedule_id', 'key']).doNothing())
        .execute();
  },

  /** Removes a schedule's rounds that have not started by `at` and have no audit (after an edit or a delete). */
  removeFutureRounds: (db: Db, scheduleId: string, at: string) =>
    db
      .deleteFrom('audit_rounds')
      .where('schedule_id', '=', scheduleId)
      .where('starts_at', '>', at)
      .where('audit_id', 'is', null)
      .execute(),

  findRound: (db: Db, id: string) => rounds(db).where('r.id', '=', id).executeTakeFirst(),

  /** Rounds of live schedules, by start. */
  rounds: (db: Db, filter: RoundFilter) => {
    let q = rounds(db).where('s.deleted_at', 'is', null);
    if (filter.scheduleIds !== undefined) {
      if (filter.scheduleIds.length === 0) return Promise.resolve([]);
      q = q.where('r.schedule_id', 'in', filter.scheduleIds);
    }
    if (filter.unitIds !== undefined) {
      if (filter.unitIds.length === 0) return Promise.resolve([]);
      q = q.where('s.unit_id', 'in', filter.unitIds);
    }
    if (filter.from !== undefined) q = q.where('r.starts_at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('r.starts_at', '<', filter.to);
    if (filter.closesFrom !== undefined) q = q.where('r.closes_at', '>=', filter.closesFrom);
    return q.orderBy('r.starts_at').orderBy('r.id').execute();
  },

  /**
   * Marks a reminder sent, only if it was not yet: true when this call marked it (so of two
   * racing ticks exactly one sends).
   */
  markReminded: async (
    db: Db,
    roundId: string,
    column: 'reminded_due_at' | 'reminded_overdue_at',
    at: string,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('audit_rounds')
      .set({ [column]: at })
      .where('id', '=', roundId)
      .where(column, 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Links a round to the audit started from it, only if it has none yet. */
  claimRound: async (db: Db, roundId: string, auditId: string): Promise<boolean> => {
    const result = await db
      .updateTable('audit_rounds')
      .set({ audit_id: auditId })
      .where('id', '=', roundId)
      .where('audit_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
