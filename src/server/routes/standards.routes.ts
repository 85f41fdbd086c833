import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/services';

// Being built (issue 5).
export const standardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  void app;
  void services;
};
