import type { Selectable } from 'kysely';
import type { AuditPhotosTable, Db } from './database';

export type AuditPhotoRow = Selectable<AuditPhotosTable>;

/** Photos of audits (issue 7): rows only — the bytes are files in the data directory. */
export const auditPhotoRepository = {
  /** An audit's photos, oldest first (ids are time-ordered). */
  ofAudit: (db: Db, auditId: string): Promise<AuditPhotoRow[]> =>
    db.selectFrom('audit_photos').selectAll().where('audit_id', '=', auditId).orderBy('id').execute(),

  find: (db: Db, auditId: string, id: string): Promise<AuditPhotoRow | undefined> =>
    db
      .selectFrom('audit_photos')
      .selectAll()
      .where('audit_id', '=', auditId)
      .where('id', '=', id)
      .executeTakeFirst(),

  count: async (db: Db, auditId: string): Promise<number> => {
    const row = await db
      .selectFrom('audit_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_id', '=', auditId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  insert: async (db: Db, row: AuditPhotoRow) => {
    await db.insertInto('audit_photos').values(row).execute();
  },

  delete: async (db: Db, id: string) => {
    await db.deleteFrom('audit_photos').where('id', '=', id).execute();
  },
};
