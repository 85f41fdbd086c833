import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  SupportType,
  SupportTypeCreate,
  SupportTypeList,
  SupportTypeUpdate,
} from '../../contract/grid.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['grid'];

/** The grid's vocabulary: the kinds of help a cell gives. */
export const supportTypeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/support-types',
    {
      schema: {
        tags,
        summary: 'Every support type, active and archived, with how many cells use it',
        response: { 200: SupportTypeList, ...errorResponses },
      },
    },
    async (request) => services.supportTypes.list(callContext(request)),
  );

  app.post(
    '/support-types',
    {
      schema: {
        tags,
        summary: 'Create a support type',
        body: SupportTypeCreate,
        response: { 201: SupportType, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.supportTypes.create(callContext(request), request.body)),
  );

  app.get(
    '/support-types/:id',
    {
      schema: {
        tags,
        summary: 'One support type',
        params: IdParams,
        response: { 200: SupportType, ...errorResponses },
      },
    },
    async (request) => services.supportTypes.get(callContext(request), request.params.id),
  );

  app.patch(
    '/support-types/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recolour, archive or restore a support type (a built-in one keeps its code)',
        params: IdParams,
        body: SupportTypeUpdate,
        response: { 200: SupportType, ...errorResponses },
      },
    },
    async (request) => services.supportTypes.update(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/support-types/:id',
    {
      schema: {
        tags,
        summary: 'Delete a support type no cell uses (built-in ones are archived instead: 409)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.supportTypes.delete(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
