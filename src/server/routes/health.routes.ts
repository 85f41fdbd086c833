import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../../contract/health.schema';
import type { Services } from '../../services/services';

/** `GET /api/health`: 200 when the database answers, 503 when it does not. No sign-in needed. */
export const healthRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const health = await services.health.check();
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};
