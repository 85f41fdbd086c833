import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InviteAccept, InviteInfo, InviteLookup } from '../../contract/auth.schema';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import type { Services } from '../../services/services';

const tags = ['invitations'];

/** The invited person's side: see who a link is for, choose a password. No sign-in needed. */
export const inviteRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/invites/lookup',
    {
      schema: {
        tags,
        summary: 'Who an invitation link is for (410 once used, replaced or expired)',
        security: [],
        body: InviteLookup,
        response: { 200: InviteInfo, 410: ErrorEnvelope, ...errorResponses },
      },
    },
    async (request) => services.invites.lookup(request.body.token),
  );

  app.post(
    '/invites/accept',
    {
      schema: {
        tags,
        summary: 'Choose a password with an invitation link; the link then stops working',
        security: [],
        body: InviteAccept,
        response: { 200: z.object({ email: z.string() }), 410: ErrorEnvelope, ...errorResponses },
      },
    },
    async (request) => services.invites.accept(request.body, request.id),
  );
};
