import { z } from 'zod';
import { Id, Instant } from './common.schema';

export const AuditEntry = z
  .object({
    id: Id,
    at: Instant,
    actor_kind: z.enum(['user', 'token', 'system']),
    actor_id: z.string(),
    actor_label: z.string(),
    action: z.string().meta({ description: 'e.g. `user.create`, `token.revoke`' }),
    entity: z.string(),
    entity_id: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    request_id: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entity: z.string().max(100).optional(),
  entity_id: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(254).optional().meta({ description: 'Actor id or label (e-mail, token name)' }),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Opaque cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
