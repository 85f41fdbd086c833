import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { Role } from './user.schema';

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    role: Role,
    /** The first characters of the secret, to tell tokens apart. */
    prefix: z.string(),
    created_at: Instant,
    created_by: z.string().nullable(),
    last_used_at: Instant.nullable(),
    expires_at: Instant.nullable(),
    revoked_at: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const TokenCreate = z.object({
  name: z.string().trim().min(1).max(100),
  role: Role,
  expires_at: Instant.optional(),
});
export type TokenCreate = z.infer<typeof TokenCreate>;
export type TokenCreateBody = z.input<typeof TokenCreate>;

/** Returned once, at creation: the secret is never shown again. */
export const TokenCreated = z.object({ token: ApiToken, secret: z.string() });
export type TokenCreated = z.infer<typeof TokenCreated>;
export const TokenList = z.object({ items: z.array(ApiToken) });
export type TokenList = z.infer<typeof TokenList>;
