import { z } from 'zod';
import { parseIsoDate } from '../core/time/civil-date';
import { Id, Instant } from './common.schema';

/** Follow-ups raised from failed audit items (issue 7, docs/AUDITS.md "Follow-ups"). */
const LocalDate = z
  .string()
  .refine((t) => parseIsoDate(t) !== undefined, { message: 'must be a date like 2026-03-31' })
  .meta({ description: 'A calendar date, YYYY-MM-DD, in the unit’s time zone' });

export const FollowUpStatus = z.enum(['open', 'done', 'cancelled']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpCreate = z.object({
  /** The failed item (its id in the audit's template: the standard's code). */
  item: z.string().min(1).max(200),
  /** The person who will see to it (a user id). */
  owner: Id,
  due_on: LocalDate,
  /** Defaults to "<standard title>: <the item's verdict in words>". */
  title: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type FollowUpCreate = z.infer<typeof FollowUpCreate>;

export const FollowUpPatch = z.object({
  status: FollowUpStatus,
  /** What was done (or why it was cancelled). */
  done_note: z.string().trim().max(2000).optional(),
});
export type FollowUpPatch = z.infer<typeof FollowUpPatch>;

export const FollowUp = z
  .object({
    id: Id,
    audit_id: Id,
    item_id: z.string(),
    standard: z.string(),
    title: z.string(),
    note: z.string().nullable(),
    owner: z.object({ id: Id, name: z.string() }),
    unit: z.object({ id: Id, code: z.string() }),
    due_on: z.string(),
    status: FollowUpStatus,
    /** Open and due before today in the unit's time zone (derived, never stored). */
    overdue: z.boolean(),
    created_by: z.string(),
    created_at: Instant,
    updated_at: Instant,
    done_at: Instant.nullable(),
    done_note: z.string().nullable(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpQuery = z.object({
  /** `me`: only the caller's own. */
  owner: z.enum(['me']).optional(),
  status: FollowUpStatus.optional(),
  /** A unit code: that unit's audits and those of the units below it. */
  unit: z.string().min(1).optional(),
  audit: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

export const FollowUpList = z.object({ items: z.array(FollowUp), total: z.number().int() });
export type FollowUpList = z.infer<typeof FollowUpList>;

/** People a follow-up of an audit may be given to: its unit's heads, quality leads, the observed employee, the caller. */
export const FollowUpOwnerList = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), role: z.string() })),
});
export type FollowUpOwnerList = z.infer<typeof FollowUpOwnerList>;
