import { AppError, assertCan, type Actor } from '../core';
import type { MeUpdate, User, UserCreate, UserListQuery, UserUpdate } from '../contract/user.schema';
import type { z } from 'zod';
import { userRepository } from '../db/user.repository';
import { sessionRepository } from '../db/session.repository';
import type { InviteService } from './invite.service';
import { settingRepository } from '../db/setting.repository';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { newId } from '../db/ids';
import type { Db } from '../db/database';
import { recordChange } from './audit-recorder';
import { presentUser } from './presenters';
import { assertStrongPassword } from './password-rule';
import type { CallContext, ServiceDeps } from './service-context';

const ADMINS_LOCK = 'lock.admins';

/** People: list, create (with a password or an invitation), change role, deactivate. */
export function createUserService(deps: ServiceDeps, invites: InviteService) {
  const { db, clock, passwords } = deps;

  async function mustFind(tx: Db, id: string) {
    const row = await userRepository.findById(tx, id);
    if (!row) throw new AppError('not_found', `No user with id ${id}`, { entity: 'user', id });
    return row;
  }

  return {
    async list(ctx: CallContext, query: UserListQuery) {
      assertCan(ctx.actor, 'users.read');
      const filter = { q: query.q, role: query.role, status: query.status };
      const [rows, total] = await Promise.all([
        userRepository.list(db, filter, query),
        userRepository.count(db, filter),
      ]);
      return { items: rows.map(presentUser), total };
    },

    async get(ctx: CallContext, id: string): Promise<User> {
      if (ctx.actor.kind !== 'user' || ctx.actor.id !== id) assertCan(ctx.actor, 'users.read');
      return presentUser(await mustFind(db, id));
    },

    /**
     * Creates a person. With `invite: true` the person gets no password and a one-time link
     * (valid 7 days) to choose one; the link is returned once and only its hash is stored.
     */
    async create(ctx: CallContext, input: UserCreate) {
      assertCan(ctx.actor, 'users.write');
      if (input.password !== undefined) assertStrongPassword(input.password, input);
      const now = clock();
      const at = now.toISOString();
      const row = {
        id: newId(now.getTime()),
        email: input.email,
        name: input.name,
        role: input.role,
        status: input.invite ? ('invited' as const) : ('active' as const),
        password_hash: input.password !== undefined ? await passwords.hash(input.password) : null,
        locale: input.locale ?? null,
        created_at: at,
        updated_at: at,
        last_login_at: null,
      };
      let invite: { url: string; expiresAt: string } | undefined;
      try {
        await db.transaction().execute(async (tx) => {
          await userRepository.insert(tx, row);
          if (input.invite) invite = await invites.issue(tx, ctx, row.id, now);
          await recordChange(tx, ctx, now, {
            action: 'user.create',
            entity: 'user',
            entityId: row.id,
            after: presentUser(row),
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw new AppError('conflict', `A user with e-mail ${input.email} already exists`, {
            field: 'email',
          });
        }
        throw e;
      }
      return {
        user: presentUser(row),
        ...(invite ? { invite_url: invite.url, invite_expires_at: invite.expiresAt } : {}),
      };
    },

    /** Renames, changes role, deactivates or reactivates; never deletes. */
    async update(ctx: CallContext, id: string, patch: UserUpdate): Promise<User> {
      assertCan(ctx.actor, 'users.write');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        // Serialize changes to people, so two admins demoting each other cannot both see "2 admins".
        await settingRepository.lock(tx, ADMINS_LOCK, now.toISOString());
        const before = await mustFind(tx, id);
        const demotes = patch.role !== undefined && patch.role !== 'admin';
        const deactivates = patch.status === 'deactivated';
        if (
          isSelf(ctx.actor, id) &&
          (deactivates || (patch.role !== undefined && patch.role !== before.role))
        ) {
          throw new AppError('forbidden', 'You cannot change your own role or deactivate yourself.', {
            reason: 'self',
          });
        }
        if (before.role === 'admin' && before.status === 'active' && (demotes || deactivates)) {
          const admins = await userRepository.count(tx, { role: 'admin', status: 'active' });
          if (admins <= 1)
            throw new AppError('last_admin', 'Etalon needs at least one active administrator.');
        }
        let status = patch.status ?? before.status;
        // Someone who never chose a password goes back to "invited", not "active".
        if (status === 'active' && before.password_hash === null) status = 'invited';
        const after = {
          ...before,
          name: patch.name ?? before.name,
          role: patch.role ?? before.role,
          status,
          updated_at: now.toISOString(),
        };
        await userRepository.update(tx, id, {
          name: after.name,
          role: after.role,
          status,
          updated_at: after.updated_at,
        });
        if (status === 'deactivated') await sessionRepository.deleteForUser(tx, id);
        const action = deactivates && before.status !== 'deactivated' ? 'user.deactivate' : 'user.update';
        await recordChange(tx, ctx, now, {
          action,
          entity: 'user',
          entityId: id,
          before: presentUser(before),
          after: presentUser(after),
        });
        return presentUser(after);
      });
    },

    /** A person changes their own name or interface language. */
    async updateMe(ctx: CallContext, patch: z.infer<typeof MeUpdate>): Promise<User> {
      const id = mustBeUser(ctx.actor);
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const before = await mustFind(tx, id);
        const after = {
          ...before,
          name: patch.name ?? before.name,
          locale: patch.locale ?? before.locale,
          updated_at: now.toISOString(),
        };
        await userRepository.update(tx, id, {
          name: after.name,
          locale: after.locale,
          updated_at: after.updated_at,
        });
        await recordChange(tx, ctx, now, {
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before: presentUser(before),
          after: presentUser(after),
        });
        return presentUser(after);
      });
    },

    /** Changes one's own password; every other session of theirs ends. */
    async changePassword(
      ctx: CallContext,
      input: { current_password: string; new_password: string },
      keepSessionId?: string,
    ) {
      const id = mustBeUser(ctx.actor);
      const row = await mustFind(db, id);
      if (!(await passwords.verify(input.current_password, row.password_hash))) {
        throw new AppError('invalid_credentials', 'The current password is wrong.', {
          field: 'current_password',
        });
      }
      assertStrongPassword(input.new_password, row, 'new_password');
      const hash = await passwords.hash(input.new_password);
      const now = clock();
      await db.transaction().execute(async (tx) => {
        await userRepository.update(tx, id, { password_hash: hash, updated_at: now.toISOString() });
        await sessionRepository.deleteForUser(tx, id, keepSessionId);
        await recordChange(tx, ctx, now, { action: 'user.password_change', entity: 'user', entityId: id });
      });
    },
  };
}

const isSelf = (actor: Actor, id: string) => actor.kind === 'user' && actor.id === id;

function mustBeUser(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Only a signed-in person can do this.');
  return actor.id;
}

export type UserService = ReturnType<typeof createUserService>;
