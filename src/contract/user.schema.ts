import { z } from 'zod';
import { ROLES, PASSWORD_MAX_LENGTH } from '../core';
import { Id, Instant, Locale, PageQuery } from './common.schema';

/** Any role, as tokens may hold (`integration` included); people hold a {@link PersonRole}. */
export const Role = z.enum(ROLES);
export const PersonRole = Role.exclude(['integration']);
export const UserStatus = z.enum(['active', 'invited', 'deactivated']);
export type UserStatus = z.infer<typeof UserStatus>;

/** Trimmed and lower-cased before it is checked, so ` Ann@Example.org ` is `ann@example.org`. */
export const Email = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email().max(254),
);
export const PersonName = z.string().trim().min(1).max(200);
/** The strength rule lives in core (checkPassword) and is applied by the services. */
export const Password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: PersonRole,
    status: UserStatus,
    locale: Locale.nullable(),
    created_at: Instant,
    updated_at: Instant,
    last_login_at: Instant.nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

/** Create a person: with a password now, or with an invitation link they open to choose one. */
export const UserCreate = z
  .object({
    email: Email,
    name: PersonName,
    role: PersonRole,
    password: Password.optional(),
    invite: z.boolean().default(false),
    locale: Locale.optional(),
  })
  .refine((u) => u.invite !== (u.password !== undefined), {
    message: 'Give either a password or invite: true',
    path: ['password'],
  });
export type UserCreate = z.infer<typeof UserCreate>;
/** What a client sends (before defaults): `invite` may be left out. */
export type UserCreateBody = z.input<typeof UserCreate>;

export const UserCreated = z.object({
  user: User,
  /** Present when `invite` was requested: the one-time link to pass on to the person. */
  invite_url: z.string().optional(),
  invite_expires_at: Instant.optional(),
});
export type UserCreated = z.infer<typeof UserCreated>;

export const UserUpdate = z
  .object({
    name: PersonName.optional(),
    role: PersonRole.optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: PersonRole.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = z.object({ items: z.array(User), total: z.number().int() });
export type UserList = z.infer<typeof UserList>;

export const MeUpdate = z
  .object({ name: PersonName.optional(), locale: Locale.optional() })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });

export const PasswordChange = z.object({ current_password: Password, new_password: Password });
