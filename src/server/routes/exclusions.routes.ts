import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import { ExclusionInput, ExclusionWindow } from '../../contract/monitoring.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['monitoring'];

const rejudged =
  'Queues a re-judging of the records in the old and the new span (see `GET /monitoring/jobs?active=true`).';

/** Exclusion windows (issue 6): spans in which named standards do not apply. */
export const exclusionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/exclusions',
    {
      schema: {
        tags,
        summary: 'Every exclusion window, latest start first',
        response: { 200: z.object({ items: z.array(ExclusionWindow) }), ...errorResponses },
      },
    },
    async (request) => services.exclusions.list(callContext(request)),
  );

  app.post(
    '/exclusions',
    {
      schema: {
        tags,
        summary: 'Add an exclusion window: records inside it are not judged (verdict na, with the reason)',
        description: `Unit codes take each unit with everything below it; no units, channels or standards means every one. ${rejudged}`,
        body: ExclusionInput,
        response: { 201: ExclusionWindow, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.exclusions.create(callContext(request), request.body)),
  );

  app.put(
    '/exclusions/:id',
    {
      schema: {
        tags,
        summary: 'Replace an exclusion window',
        description: rejudged,
        params: IdParams,
        body: ExclusionInput,
        response: { 200: ExclusionWindow, ...errorResponses },
      },
    },
    async (request) => services.exclusions.update(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/exclusions/:id',
    {
      schema: {
        tags,
        summary: 'Remove an exclusion window',
        description: rejudged,
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.exclusions.delete(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
