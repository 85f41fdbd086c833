import { actorForUser, AppError, RateLimitedError, type Actor } from '../core';
import type { LoginBody, Session } from '../contract/auth.schema';
import { userRepository } from '../db/user.repository';
import { sessionRepository } from '../db/session.repository';
import { apiTokenRepository } from '../db/api-token.repository';
import { loginFailureRepository } from '../db/login-failure.repository';
import { newId } from '../db/ids';
import { presentUser } from './presenters';
import { randomSecret, sha256 } from './security/secrets';
import type { ServiceDeps } from './service-context';

/** Failed sign-ins allowed from one address within the window before it gets 429. */
export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** However active, a session ends this long after sign-in. */
const SESSION_ABSOLUTE_MS = 30 * 86_400_000;
/** Sliding expiry and "last used" are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
}

/** A resolved browser session: who, and what the cookie and CSRF check need. */
export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  /** True when the expiry moved, so the cookie should be sent again. */
  renewed: boolean;
}

/** Sign-in and sign-out, sessions, API-token authentication. */
export function createAuthService(deps: ServiceDeps) {
  const { db, clock, passwords } = deps;
  const idleMs = deps.sessionHours * 3_600_000;

  async function startSession(
    user: { id: string; email: string; role: Actor['role'] },
    now: Date,
    client: ClientInfo,
  ) {
    const secret = randomSecret();
    const expiresAt = new Date(now.getTime() + idleMs).toISOString();
    const csrf = randomSecret(24);
    await sessionRepository.insert(db, {
      id: sha256(secret),
      user_id: user.id,
      csrf_token: csrf,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { secret, csrf, expiresAt };
  }

  return {
    /**
     * Checks e-mail and password. Ten failures from one address within 15 minutes answer
     * `rate_limited` until the oldest of them is 15 minutes old, whatever the e-mail.
     */
    async login(input: LoginBody, client: ClientInfo): Promise<{ secret: string; session: Session }> {
      const now = clock();
      // Record the attempt first and count it with the others: a burst of simultaneous attempts
      // then sees itself, instead of each one finding fewer than ten failures and going through.
      const attemptId = newId(now.getTime());
      await loginFailureRepository.insert(db, {
        id: attemptId,
        ip: client.ip,
        email: input.email,
        at: now.toISOString(),
      });
      const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
      const others = (await loginFailureRepository.since(db, client.ip, windowStart)).filter(
        (f) => f.id !== attemptId,
      );
      if (others.length >= LOGIN_MAX_FAILURES) {
        await loginFailureRepository.delete(db, attemptId);
        const oldest = Date.parse(others[others.length - LOGIN_MAX_FAILURES]!.at);
        throw new RateLimitedError(Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now.getTime()) / 1000)));
      }
      const user = await userRepository.findByEmail(db, input.email);
      const ok = await passwords.verify(input.password, user?.password_hash ?? null);
      if (!user || !ok) {
        await loginFailureRepository.deleteBefore(db, new Date(now.getTime() - 86_400_000).toISOString());
        throw new AppError('invalid_credentials', 'Wrong e-mail or password.');
      }
      await loginFailureRepository.delete(db, attemptId);
      if (user.status !== 'active')
        throw new AppError('account_inactive', 'This account is deactivated. Ask an administrator.');
      // Sign-ins are rare next to requests: a good moment to sweep sessions that have ended.
      await sessionRepository.deleteExpired(db, now.toISOString());
      const { secret, csrf, expiresAt } = await startSession(user, now, client);
      await userRepository.update(db, user.id, { last_login_at: now.toISOString() });
      return {
        secret,
        session: {
          user: presentUser({ ...user, last_login_at: now.toISOString() }),
          csrf_token: csrf,
          expires_at: expiresAt,
        },
      };
    },

    async logout(sessionSecret: string): Promise<void> {
      await sessionRepository.delete(db, sha256(sessionSecret));
    },

    /** The live session behind a cookie value, extending its idle expiry; `null` if none. */
    async resolveSession(secret: string): Promise<ResolvedSession | null> {
      const now = clock();
      const id = sha256(secret);
      const row = await sessionRepository.findLive(db, id, now.toISOString());
      if (!row || row.user_status !== 'active') return null;
      if (now.getTime() >= Date.parse(row.created_at) + SESSION_ABSOLUTE_MS) return null;
      const user = await userRepository.findById(db, row.user_id);
      if (!user) return null;
      let expiresAt = row.expires_at;
      let renewed = false;
      if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
        const cap = Date.parse(row.created_at) + SESSION_ABSOLUTE_MS;
        expiresAt = new Date(Math.min(now.getTime() + idleMs, cap)).toISOString();
        await sessionRepository.touch(db, id, now.toISOString(), expiresAt);
        renewed = true;
      }
      return { actor: actorForUser(user), sessionId: id, csrfToken: row.csrf_token, expiresAt, renewed };
    },

    /** The session as the web app sees it. */
    async describeSession(resolved: ResolvedSession): Promise<Session> {
      const user = await userRepository.findById(db, resolved.actor.id);
      if (!user) throw new AppError('unauthenticated', 'Sign in first.');
      return { user: presentUser(user), csrf_token: resolved.csrfToken, expires_at: resolved.expiresAt };
    },

    /** The actor behind an API token, or `null` if it is unknown, revoked or expired. */
    async resolveToken(secret: string): Promise<Actor | null> {
      const now = clock();
      const row = await apiTokenRepository.findByHash(db, sha256(secret));
      if (!row || row.revoked_at !== null) return null;
      if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null;
      if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
        await apiTokenRepository.markUsed(db, row.id, now.toISOString());
      }
      return { kind: 'token', id: row.id, label: row.name, role: row.role, units: 'all' };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
