import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  Unit,
  UnitCreate,
  UnitEffectiveSettings,
  UnitList,
  UnitListQuery,
  UnitTree,
  UnitUpdate,
} from '../../contract/unit.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['organization'];

/** Units of the organization: a flat list with filters, the whole tree, one unit, create, update. */
export const unitRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'List units (by text, parent, status)',
        querystring: UnitListQuery,
        response: { 200: UnitList, ...errorResponses },
      },
    },
    async (request) => services.units.list(callContext(request), request.query),
  );

  app.get(
    '/units/tree',
    {
      schema: {
        tags,
        summary: 'The whole organization as nested units (archived ones included)',
        response: { 200: UnitTree, ...errorResponses },
      },
    },
    async (request) => services.units.tree(callContext(request)),
  );

  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Create a unit',
        body: UnitCreate,
        response: { 201: Unit, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.units.create(callContext(request), request.body)),
  );

  app.get(
    '/units/:id',
    { schema: { tags, summary: 'One unit', params: IdParams, response: { 200: Unit, ...errorResponses } } },
    async (request) => services.units.get(callContext(request), request.params.id),
  );

  app.get(
    '/units/:id/effective-settings',
    {
      schema: {
        tags,
        summary: 'The time zone and calendar that apply to a unit (its own or inherited)',
        params: IdParams,
        response: { 200: UnitEffectiveSettings, ...errorResponses },
      },
    },
    async (request) => services.units.effectiveSettings(callContext(request), request.params.id),
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move (parent_id), change settings, archive or restore (units are never deleted)',
        params: IdParams,
        body: UnitUpdate,
        response: { 200: Unit, ...errorResponses },
      },
    },
    async (request) => services.units.update(callContext(request), request.params.id, request.body),
  );
};
