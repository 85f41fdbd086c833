import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  MeUpdate,
  PasswordChange,
  User,
  UserCreate,
  UserCreated,
  UserList,
  UserListQuery,
  UserUpdate,
} from '../../contract/user.schema';
import { z } from 'zod';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['users'];

/** People (Administration → Users) and the signed-in person's own profile. */
export const userRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List people',
        querystring: UserListQuery,
        response: { 200: UserList, ...errorResponses },
      },
    },
    async (request) => services.users.list(callContext(request), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a person, with a password or an invitation link',
        body: UserCreate,
        response: { 201: UserCreated, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.users.create(callContext(request), request.body)),
  );

  app.post(
    '/users/:id/invite',
    {
      schema: {
        tags,
        summary:
          'A new invitation link for someone who has not chosen a password yet (old links stop working)',
        params: IdParams,
        response: { 201: UserCreated, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.invites.reissue(callContext(request), request.params.id)),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One person', params: IdParams, response: { 200: User, ...errorResponses } } },
    async (request) => services.users.get(callContext(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change role, deactivate or reactivate (people are never deleted)',
        params: IdParams,
        body: UserUpdate,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => services.users.update(callContext(request), request.params.id, request.body),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Change your own name or interface language',
        body: MeUpdate,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => services.users.updateMe(callContext(request), request.body),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: PasswordChange,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.users.changePassword(callContext(request), request.body, request.session?.sessionId);
      return reply.code(204).send(null);
    },
  );
};
