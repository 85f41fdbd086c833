import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorForUser, AppError } from '../../core';
import { LoginBody, Session, SetupBody, SetupStatus } from '../../contract/auth.schema';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import { User } from '../../contract/user.schema';
import type { Services } from '../../services/services';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/auth.plugin';

const tags = ['auth'];

/** First-run setup, sign-in, sign-out, the current session. */
export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/setup',
    {
      schema: {
        tags,
        summary: 'Whether the instance still needs its first administrator',
        security: [],
        response: { 200: SetupStatus },
      },
    },
    async () => ({
      needed: await services.users.setupNeeded(),
    }),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags,
        summary: 'Create the first administrator (only on an empty instance)',
        security: [],
        body: SetupBody,
        response: { 201: User, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { demo, ...admin } = request.body;
      const user = await services.users.setup(admin, request.id);
      // The demo loads as the new administrator, so the audit log says who asked for it. The
      // administrator exists whatever happens to the demo: a failure is logged, not answered, and
      // the empty organization page offers the demo again.
      if (demo) {
        try {
          await services.demo.load(
            { actor: actorForUser(user), requestId: request.id },
            admin.locale ?? 'en',
          );
        } catch (error) {
          request.log.error({ err: error }, 'the demo organization could not be loaded at setup');
        }
      }
      return reply.code(201).send(user);
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: Session, 429: ErrorEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { secret, session } = await services.auth.login(request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, secret, session.expires_at);
      return session;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out; ends the session', response: { 204: z.null() } } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await services.auth.logout(cookie);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person and the CSRF token for writes',
        response: { 200: Session, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      if (!request.session) throw new AppError('unauthenticated', 'Not signed in.');
      return services.auth.describeSession(request.session);
    },
  );
};
