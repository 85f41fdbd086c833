import { assertCan, ValidationError } from '../core';
import type { AuditPage, AuditQuery } from '../contract/audit.schema';
import { auditLogRepository, type AuditFilter } from '../db/audit-log.repository';
import type { Db } from '../db/database';
import { presentAudit } from './presenters';
import type { CallContext, ServiceDeps } from './service-context';

/** Reading the audit log, newest first, a page at a time (keyset: the cursor is the last id). */
export function createAuditService(deps: ServiceDeps) {
  return {
    async list(ctx: CallContext, query: AuditQuery) {
      assertCan(ctx.actor, 'audit.read');
      const { entity, entity_id, action, actor } = query;
      return readAuditPage(deps.db, { entity, entity_id, action, actor }, query);
    },
  };
}

/**
 * One page of the audit log, newest first (keyset: the cursor is the last id), for `filter` and
 * the page's `from`/`to`/`limit`/`cursor`. The caller has checked who may read it.
 */
export async function readAuditPage(
  db: Db,
  filter: Omit<AuditFilter, 'from' | 'to' | 'beforeId'>,
  page: { from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<AuditPage> {
  const beforeId = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  // Stored instants are UTC text; `from`/`to` may carry any offset, so compare in the same form.
  const from = page.from === undefined ? undefined : new Date(page.from).toISOString();
  const to = page.to === undefined ? undefined : new Date(page.to).toISOString();
  const rows = await auditLogRepository.list(db, { ...filter, from, to, beforeId }, page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAudit),
    next_cursor: rows.length > page.limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationError([
      { path: 'cursor', in: 'query', message: 'Not a cursor from a previous page' },
    ]);
  }
  return id;
}

export type AuditService = ReturnType<typeof createAuditService>;
