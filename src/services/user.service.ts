import { actorForUser, AppError, assertCan, type Actor, type PersonRole } from '../core';
import type { SetupBody } from '../contract/auth.schema';
import type { Locale } from '../contract/common.schema';
import type { MeUpdate, User, UserCreate, UserListQuery, UserUpdate } from '../contract/user.schema';
import type { z } from 'zod';
import { userRepository, type UserRow } from '../db/user.repository';
import { sessionRepository } from '../db/session.repository';
import type { InviteService } from './invite.service';
import { settingRepository } from '../db/setting.repository';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { newId } from '../db/ids';
import type { Db } from '../db/database';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { presentUser } from './presenters';
import { assertStrongPassword } from './password-rule';
import type { CallContext, ServiceDeps } from './service-context';

const ADMINS_LOCK = 'lock.admins';
const SETUP_KEY = 'setup_completed_at';

/** People: first-run setup, list, create (with a password or an invitation), change role, deactivate. */
export function createUserService(deps: ServiceDeps, invites: InviteService) {
  const { db, clock, passwords } = deps;

  const mustFind = async (tx: Db, id: string) => found(await userRepository.findById(tx, id), 'user', id);

  /** A new person's row; a password, if given, must pass the rule and is stored hashed. */
  async function newUserRow(
    input: {
      email: string;
      name: string;
      role: PersonRole;
      password?: string | undefined;
      locale?: Locale | undefined;
    },
    status: 'active' | 'invited',
    now: Date,
  ) {
    if (input.password !== undefined) assertStrongPassword(input.password, input);
    const at = now.toISOString();
    return {
      id: newId(now.getTime()),
      email: input.email,
      name: input.name,
      role: input.role,
      status,
      password_hash: input.password === undefined ? null : await passwords.hash(input.password),
      locale: input.locale ?? null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
    };
  }

  /** Inserts a person and records it in the audit log, inside the caller's transaction. */
  async function insertUser(tx: Db, ctx: CallContext, row: UserRow, now: Date) {
    await userRepository.insert(tx, row);
    await recordChange(tx, ctx, now, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: presentUser(row),
    });
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
      const now = clock();
      const row = await newUserRow(input, input.invite ? 'invited' : 'active', now);
      let invite: { url: string; expiresAt: string } | undefined;
      try {
        await db.transaction().execute(async (tx) => {
          await insertUser(tx, ctx, row, now);
          if (input.invite) invite = await invites.issue(tx, ctx, row.id, now);
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

    /** True while nobody has an account: the web app then shows the setup page. */
    async setupNeeded(): Promise<boolean> {
      return (await userRepository.count(db)) === 0;
    },

    /** Creates the first administrator. Only one caller can ever win, even racing on PostgreSQL. */
    async setup(input: Omit<SetupBody, 'demo'>, requestId?: string) {
      const now = clock();
      const row = await newUserRow({ ...input, role: 'admin' }, 'active', now);
      try {
        await db.transaction().execute(async (tx) => {
          if ((await userRepository.count(tx)) > 0)
            throw new AppError('setup_done', 'Etalon is already set up.');
          // The key is unique: of two racing setups, the second insert fails here.
          await settingRepository.insert(tx, SETUP_KEY, row.created_at, row.created_at);
          await insertUser(tx, { actor: actorForUser(row), requestId }, row, now);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('setup_done', 'Etalon is already set up.');
        throw e;
      }
      return presentUser(row);
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
