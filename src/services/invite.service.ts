import { actorForUser, AppError, assertCan } from '../core';
import type { Db } from '../db/database';
import { inviteRepository } from '../db/invite.repository';
import { userRepository } from '../db/user.repository';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { presentUser } from './presenters';
import { assertStrongPassword } from './password-rule';
import { randomSecret, sha256 } from './security/secrets';
import type { CallContext, ServiceDeps } from './service-context';

/** How long an invitation link works. */
export const INVITE_DAYS = 7;

const unusable = () => new AppError('invite_invalid', 'This invitation link is used, expired or unknown.');

/**
 * Invitations: one-time links with which a person chooses their first password. Only a hash of
 * the link's token is stored; the token travels in the URL fragment (`/invite#token=…`), which
 * browsers never send to a server, and reaches the API in request bodies, never in a path.
 */
export function createInviteService(deps: ServiceDeps) {
  const { db, clock, passwords } = deps;

  /** Stores a fresh link for `userId` inside the caller's transaction and returns it (once). */
  async function issue(tx: Db, ctx: CallContext, userId: string, now: Date) {
    const secret = randomSecret();
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
    await inviteRepository.insert(tx, {
      id: newId(now.getTime()),
      user_id: userId,
      token_hash: sha256(secret),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    });
    return { url: `${deps.publicUrl ?? ctx.origin ?? ''}/invite#token=${secret}`, expiresAt };
  }

  return {
    issue,

    /** A new link for someone who has not chosen a password yet; earlier links stop working. */
    async reissue(ctx: CallContext, userId: string) {
      assertCan(ctx.actor, 'users.write');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const user = found(await userRepository.findById(tx, userId), 'user', userId);
        if (user.status !== 'invited') {
          throw new AppError(
            'conflict',
            `${user.email} is ${user.status}: only invited people get invitation links`,
            {
              status: user.status,
            },
          );
        }
        await inviteRepository.expireForUser(tx, userId, now.toISOString());
        const invite = await issue(tx, ctx, userId, now);
        await recordChange(tx, ctx, now, { action: 'user.reinvite', entity: 'user', entityId: userId });
        return { user: presentUser(user), invite_url: invite.url, invite_expires_at: invite.expiresAt };
      });
    },

    /** Who a link is for, so the page can greet them; `invite_invalid` once used, replaced or expired. */
    async lookup(token: string) {
      const invite = await inviteRepository.findUsable(db, sha256(token), clock().toISOString());
      if (!invite || invite.status !== 'invited') throw unusable();
      return { email: invite.email, name: invite.name };
    },

    /** The invited person chooses a password and becomes active; a link works exactly once. */
    async accept(input: { token: string; password: string }, requestId?: string) {
      const now = clock();
      const invite = await inviteRepository.findUsable(db, sha256(input.token), now.toISOString());
      if (!invite || invite.status !== 'invited') throw unusable();
      assertStrongPassword(input.password, invite);
      const hash = await passwords.hash(input.password);
      await db.transaction().execute(async (tx) => {
        // Claimed inside the transaction: of two racing requests with one link, one wins.
        if (!(await inviteRepository.claim(tx, invite.id, now.toISOString()))) throw unusable();
        const before = await userRepository.findById(tx, invite.user_id);
        if (!before || before.status !== 'invited') throw unusable();
        const after = {
          ...before,
          password_hash: hash,
          status: 'active' as const,
          updated_at: now.toISOString(),
        };
        await userRepository.update(tx, before.id, {
          password_hash: hash,
          status: 'active',
          updated_at: after.updated_at,
        });
        await recordChange(tx, { actor: actorForUser(before), requestId }, now, {
          action: 'user.accept_invite',
          entity: 'user',
          entityId: before.id,
          before: presentUser(before),
          after: presentUser(after),
        });
      });
      return { email: invite.email };
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
