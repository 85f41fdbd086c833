import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.schema';
import { CodeParams, StandardDetail, StandardList, StandardQuery } from '../../contract/catalog.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** The catalog of standards: what is in force, scheduled or retired, with every version. */
export const standardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/standards',
    {
      schema: {
        tags,
        summary: 'The standards: filter by kind, category, unit, channel, status or text',
        querystring: StandardQuery,
        response: { 200: StandardList, ...errorResponses },
      },
    },
    async (request) => services.catalog.listStandards(callContext(request), request.query),
  );

  app.get(
    '/standards/:code',
    {
      schema: {
        tags,
        summary: 'One standard: its version in force, every version, where it applies, its owner',
        params: CodeParams,
        response: { 200: StandardDetail, ...errorResponses },
      },
    },
    async (request) => services.catalog.getStandard(callContext(request), request.params.code),
  );
};
