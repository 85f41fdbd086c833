import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.schema';
import { Handbook, HandbookQuery } from '../../contract/handbook.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** The service-standards handbook of a unit, or of the whole organization. */
export const handbookRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/handbook',
    {
      schema: {
        tags,
        summary: "A unit's handbook (or the organization's without `unit`): standards, calendars, grid",
        querystring: HandbookQuery,
        response: { 200: Handbook, ...errorResponses },
      },
    },
    async (request) => services.handbook.get(callContext(request), request.query.unit),
  );
};
