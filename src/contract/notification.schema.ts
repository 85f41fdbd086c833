import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { PersonRef } from './catalog.schema';

/**
 * In-app notifications (one channel now; e-mail can be another channel of the same service).
 * `approval_requested`: you are asked to approve a proposal; `proposal_approved` /
 * `proposal_rejected` / `proposal_published`: about a proposal you wrote; `mentioned`: someone
 * wrote `@you` in a discussion; `commented`: a new comment on a proposal you wrote or decide;
 * `proposal_stale`: your approved proposal could not be published on its date because another
 * proposal changed the same entry first (it stays approved; sent once).
 */
export const NotificationKind = z.enum([
  'approval_requested',
  'proposal_approved',
  'proposal_rejected',
  'proposal_published',
  'mentioned',
  'commented',
  'proposal_stale',
  // Follow-ups (issue 7): a follow-up from a failed audit item was given to you.
  'follow_up_assigned',
  // Audit schedules (issue 7): a round you are assigned to opened (due) / passed its due instant.
  'audit_round_due',
  'audit_round_overdue',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    /** Who caused it (null for the scheduler, e.g. publishing at the effective date). */
    actor: PersonRef.nullable(),
    proposal: z.object({ id: Id, number: z.number().int(), title: z.string() }).nullable(),
    /** A short excerpt (a comment's first words, a rejection's reason). */
    excerpt: z.string().nullable(),
    /** What it is about besides a proposal: the audit round's id for `audit_round_*`. */
    subject: z.string().nullable(),
    read_at: Instant.nullable(),
    created_at: Instant,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

/** Mark read: these ids, or every one when `ids` is absent. */
export const NotificationRead = z.object({ ids: z.array(Id).max(500).optional() });
export type NotificationRead = z.infer<typeof NotificationRead>;
