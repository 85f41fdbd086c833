import { assertCan, ValidationError } from '../core';
import type { TokenCreate } from '../contract/token.schema';
import { apiTokenRepository } from '../db/api-token.repository';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { presentToken } from './presenters';
import { randomSecret, sha256 } from './security/secrets';
import type { CallContext, ServiceDeps } from './service-context';

/** Secrets start with this, so scanners and people recognize an Etalon token. */
export const TOKEN_PREFIX = 'etn_';

/** API tokens for integrations: shown once, stored hashed, revoked but never deleted. */
export function createTokenService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    async list(ctx: CallContext) {
      assertCan(ctx.actor, 'tokens.manage');
      return { items: (await apiTokenRepository.list(db)).map(presentToken) };
    },

    async create(ctx: CallContext, input: TokenCreate) {
      assertCan(ctx.actor, 'tokens.manage');
      const now = clock();
      const expiresAt = input.expires_at === undefined ? null : new Date(input.expires_at).toISOString();
      if (expiresAt !== null && expiresAt <= now.toISOString()) {
        throw new ValidationError([
          { path: 'expires_at', in: 'body', message: 'The expiry must be in the future' },
        ]);
      }
      const secret = TOKEN_PREFIX + randomSecret();
      const row = {
        id: newId(now.getTime()),
        name: input.name,
        role: input.role,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        token_hash: sha256(secret),
        created_by: ctx.actor.label,
        created_at: now.toISOString(),
        last_used_at: null,
        expires_at: expiresAt,
        revoked_at: null,
      };
      await db.transaction().execute(async (tx) => {
        await apiTokenRepository.insert(tx, row);
        await recordChange(tx, ctx, now, {
          action: 'token.create',
          entity: 'token',
          entityId: row.id,
          after: presentToken(row),
        });
      });
      return { token: presentToken(row), secret };
    },

    async revoke(ctx: CallContext, id: string) {
      assertCan(ctx.actor, 'tokens.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const before = found(await apiTokenRepository.findById(tx, id), 'token', id);
        if (before.revoked_at !== null) return presentToken(before);
        const after = { ...before, revoked_at: now.toISOString() };
        await apiTokenRepository.revoke(tx, id, after.revoked_at);
        await recordChange(tx, ctx, now, {
          action: 'token.revoke',
          entity: 'token',
          entityId: id,
          before: presentToken(before),
          after: presentToken(after),
        });
        return presentToken(after);
      });
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
