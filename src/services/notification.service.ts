import { assertCan } from '../core';
import type {
  NotificationKind,
  NotificationList,
  NotificationQuery,
  NotificationRead,
} from '../contract/notification.schema';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { notificationRepository } from '../db/notification.repository';
import { proposalRepository } from '../db/proposal.repository';
import { personRef } from './catalog.service';
import type { CallContext, ServiceDeps } from './service-context';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  /** Who caused it; never told about their own act. Null for the scheduler. */
  actorId: string | null;
  proposalId: string | null;
  excerpt?: string | null | undefined;
  /** What it is about besides a proposal (an audit round's id for `audit_round_*`). */
  subject?: string | null | undefined;
}

/**
 * A way of telling people. In-app is the one channel today; an e-mail channel would be another
 * implementation (sending after the transaction commits, from an outbox).
 */
interface NotificationChannel {
  name: string;
  deliver(tx: Db, recipients: readonly string[], input: NotifyInput, at: string): Promise<void>;
}

const inAppChannel: NotificationChannel = {
  name: 'in_app',
  async deliver(tx, recipients, input, at) {
    const ms = Date.parse(at);
    await notificationRepository.insertMany(
      tx,
      recipients.map((userId) => ({
        id: newId(ms),
        user_id: userId,
        kind: input.kind,
        actor_id: input.actorId,
        proposal_id: input.proposalId,
        excerpt: input.excerpt ?? null,
        subject: input.subject ?? null,
        read_at: null,
        created_at: at,
      })),
    );
  },
};

/** An excerpt of a text: its first 140 characters, on one line. */
export const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
};

/**
 * Notifications of the agreement flow: written in the caller's transaction (`notify`), read and
 * marked read by their recipient. Tokens and the system actor have no inbox.
 */
export function createNotificationService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const channels: NotificationChannel[] = [inAppChannel];

  async function listFor(userId: string, query: NotificationQuery): Promise<NotificationList> {
    const rows = await notificationRepository.listFor(db, userId, query);
    const people = await proposalRepository.people(
      db,
      rows.map((r) => r.actor_id),
    );
    const proposalIds = [...new Set(rows.map((r) => r.proposal_id).filter((i): i is string => i !== null))];
    const proposals = await proposalRepository.refs(db, proposalIds);
    return {
      items: rows.map((r) => {
        const actor = r.actor_id === null ? undefined : people.get(r.actor_id);
        return {
          id: r.id,
          kind: r.kind as NotificationKind,
          actor: actor ? personRef(actor) : null,
          proposal: r.proposal_id === null ? null : (proposals.get(r.proposal_id) ?? null),
          excerpt: r.excerpt,
          subject: r.subject,
          read_at: r.read_at,
          created_at: r.created_at,
        };
      }),
      unread: await notificationRepository.unreadCount(db, userId),
    };
  }

  return {
    /** Tells people, inside the caller's transaction; each once, never the actor themself. */
    async notify(tx: Db, input: NotifyInput, at: string): Promise<void> {
      const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
      if (recipients.length === 0) return;
      for (const channel of channels) await channel.deliver(tx, recipients, input, at);
    },

    /** The caller's own notifications, newest first, with how many are unread. */
    async list(ctx: CallContext, query: NotificationQuery): Promise<NotificationList> {
      assertCan(ctx.actor, 'standards.read');
      if (ctx.actor.kind !== 'user') return { items: [], unread: 0 };
      return listFor(ctx.actor.id, query);
    },

    /** Marks the caller's notifications read (the given ids, or all); answers the fresh list. */
    async markRead(ctx: CallContext, input: NotificationRead): Promise<NotificationList> {
      assertCan(ctx.actor, 'standards.read');
      if (ctx.actor.kind !== 'user') return { items: [], unread: 0 };
      await notificationRepository.markRead(db, ctx.actor.id, clock().toISOString(), input.ids);
      return listFor(ctx.actor.id, { limit: 50 });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
