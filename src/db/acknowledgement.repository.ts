import type { Insertable, Selectable } from 'kysely';
import type { AcknowledgementsTable, Db } from './database';

export type AcknowledgementRow = Selectable<AcknowledgementsTable>;

/**
 * Acknowledgements: an employee read a version of a standard. Only inserted, once per
 * (employee, entry, version) — a second acknowledgement of the same version is a unique violation.
 */
export const acknowledgementRepository = {
  find: (db: Db, employeeId: string, entryId: string, version: number) =>
    db
      .selectFrom('acknowledgements')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .where('entry_id', '=', entryId)
      .where('version', '=', version)
      .executeTakeFirst(),

  insert: async (db: Db, row: Insertable<AcknowledgementsTable>) => {
    await db.insertInto('acknowledgements').values(row).execute();
  },

  /** Every acknowledgement of the given employees (an empty list matches none). */
  ofEmployees: async (db: Db, employeeIds: readonly string[]): Promise<AcknowledgementRow[]> => {
    if (employeeIds.length === 0) return [];
    return db
      .selectFrom('acknowledgements')
      .selectAll()
      .where('employee_id', 'in', employeeIds)
      .orderBy('acknowledged_at')
      .execute();
  },
};

/** The active employee record linked to a user account, or undefined (the oldest when several are). */
export const employeeOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('employees')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
