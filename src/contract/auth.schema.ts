import { z } from 'zod';
import { Email, Password, PersonName, User } from './user.schema';
import { Locale } from './common.schema';

export const SetupStatus = z.object({ needed: z.boolean() });

export const SetupBody = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  locale: Locale.optional(),
  demo: z
    .boolean()
    .default(false)
    .meta({ description: 'Also load the demo organization (texts in `locale`, English by default)' }),
});
export type SetupBody = z.infer<typeof SetupBody>;
export type SetupBodyInput = z.input<typeof SetupBody>;

export const LoginBody = z.object({ email: Email, password: Password });
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in person and the token to echo in `X-CSRF-Token` on every write. */
export const Session = z
  .object({ user: User, csrf_token: z.string(), expires_at: z.string() })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const InviteInfo = z.object({ email: z.string(), name: z.string() });
const InviteToken = z.string().min(10).max(200);
/** The token goes in a body, never a path: paths end up in access logs. */
export const InviteLookup = z.object({ token: InviteToken });
export const InviteAccept = z.object({ token: InviteToken, password: Password });
