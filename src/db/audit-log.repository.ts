import type { Insertable, Selectable } from 'kysely';
import type { AuditLogTable, Db } from './database';
import { containsText } from './like';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditFilter {
  entity?: string | undefined;
  /** Entries about any of these entities (e.g. the grid's history: `grid_cell`, `support_type`). */
  entities?: readonly string[] | undefined;
  entity_id?: string | undefined;
  action?: string | undefined;
  /** An actor id, or part of an actor label. */
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only entries older than this id (ids are UUIDv7, so they sort by time). */
  beforeId?: string | undefined;
}

/** The append-only record of every change. Nothing here updates or deletes. */
export const auditLogRepository = {
  insert: async (db: Db, row: Insertable<AuditLogTable>) => {
    await db.insertInto('audit_log').values(row).execute();
  },

  /** Newest first, `limit` rows. */
  list: (db: Db, filter: AuditFilter, limit: number) => {
    let q = db.selectFrom('audit_log').selectAll();
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entities) q = q.where('entity', 'in', filter.entities.length > 0 ? filter.entities : ['']);
    if (filter.entity_id) q = q.where('entity_id', '=', filter.entity_id);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.actor) {
      const actor = filter.actor;
      q = q.where((eb) => eb.or([eb('actor_id', '=', actor), containsText('actor_label', actor)]));
    }
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  },
};
