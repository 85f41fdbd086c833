import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import { ApiToken, TokenCreate, TokenCreated, TokenList } from '../../contract/token.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['tokens'];

/** API tokens for integrations (Administration → API tokens). */
export const tokenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'List tokens (never their secrets)',
        response: { 200: TokenList, ...errorResponses },
      },
    },
    async (request) => services.tokens.list(callContext(request)),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create a token; the secret is in this response only',
        body: TokenCreate,
        response: { 201: TokenCreated, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.tokens.create(callContext(request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token (it stays listed as revoked)',
        params: IdParams,
        response: { 200: ApiToken, ...errorResponses },
      },
    },
    async (request) => services.tokens.revoke(callContext(request), request.params.id),
  );
};
