import type { Db } from '../db/database';
import { auditLogRepository } from '../db/audit-log.repository';
import { newId } from '../db/ids';
import type { CallContext } from './service-context';

export interface Change {
  /** `<entity>.<verb>`, e.g. `user.create`. */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit entry inside the caller's transaction, so a change and its record commit or
 * roll back together. Secrets (password hashes, token hashes) must be left out by the caller.
 */
export async function recordChange(db: Db, ctx: CallContext, at: Date, change: Change): Promise<void> {
  await auditLogRepository.insert(db, {
    id: newId(at.getTime()),
    at: at.toISOString(),
    actor_kind: ctx.actor.kind,
    actor_id: ctx.actor.id,
    actor_label: ctx.actor.label,
    action: change.action,
    entity: change.entity,
    entity_id: change.entityId,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    request_id: ctx.requestId ?? null,
  });
}
