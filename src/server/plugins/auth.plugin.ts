import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Actor } from '../../core';
import type { ResolvedSession } from '../../services/auth.service';
import type { CallContext } from '../../services/service-context';
import { safeEqual } from '../../services/security/secrets';
import type { Services } from '../../services/services';

export const SESSION_COOKIE = 'etalon_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, resolved from a bearer token or the session cookie; null if nobody. */
    actor: Actor | null;
    session: ResolvedSession | null;
  }
}

/**
 * Resolves the caller before any route runs: `Authorization: Bearer etn_…` for integrations, else
 * the session cookie. Cookie-authenticated writes must echo the session's CSRF token in
 * `X-CSRF-Token`; writes without a session (sign-in, setup) must not come from another origin.
 */
export const authPlugin = fp<{ services: Services; publicUrl?: string | undefined }>(async (app, options) => {
  const { services } = options;
  // Behind a proxy that rewrites Host, the browser's Origin is the public address, not ours.
  const publicHost = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).host;
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    // Decide by the route that matched, not the raw URL: `/%61pi/…` routes to `/api/…` too.
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await services.auth.resolveToken(match[1]!) : null;
      if (!actor) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired.');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await services.auth.resolveSession(cookie) : null;
    if (cookie && !session) clearSessionCookie(reply);
    if (session) {
      request.actor = session.actor;
      request.session = session;
      if (session.renewed) setSessionCookie(request, reply, cookie!, session.expiresAt);
    }
    if (UNSAFE.has(request.method)) {
      if (session) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
          throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
        }
      } else if (!sameOrigin(request, publicHost)) {
        throw new AppError('csrf_failed', 'Cross-origin request refused.');
      }
    }
  });
});

/** An Origin header, when a browser sends one, must name this host or the public one. */
function sameOrigin(request: FastifyRequest, publicHost: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const host = new URL(origin).host;
    return host === request.host || host === publicHost;
  } catch {
    return false;
  }
}

/** The per-call context for services; throws 401 when nobody is signed in. */
export function callContext(request: FastifyRequest): CallContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in or send an API token.');
  return { actor: request.actor, requestId: request.id, origin: `${request.protocol}://${request.host}` };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  expiresAt: string,
) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
