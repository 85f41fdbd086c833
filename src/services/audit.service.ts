import { assertCan, ValidationError } from '../core';
import type { AuditQuery } from '../contract/audit.schema';
import { auditLogRepository } from '../db/audit-log.repository';
import { presentAudit } from './presenters';
import type { CallContext, ServiceDeps } from './service-context';

/** Reading the audit log, newest first, a page at a time (keyset: the cursor is the last id). */
export function createAuditService(deps: ServiceDeps) {
  return {
    async list(ctx: CallContext, query: AuditQuery) {
      assertCan(ctx.actor, 'audit.read');
      const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      // Stored instants are UTC text; `from`/`to` may carry any offset, so compare in the same form.
      const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
      const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
      const rows = await auditLogRepository.list(deps.db, { ...query, from, to, beforeId }, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentAudit),
        next_cursor: rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
      };
    },
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
