import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, ErrorEnvelope, IdParams } from '../../contract/common.schema';
import {
  FollowUp,
  FollowUpCreate,
  FollowUpList,
  FollowUpOwnerList,
  FollowUpPatch,
  FollowUpQuery,
} from '../../contract/follow-up.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['audits'];

/** Follow-ups raised from failed items of submitted audits (issue 7, docs/AUDITS.md "Follow-ups"). */
export const followUpRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/audits/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Raise a follow-up from a failed item of a submitted audit; its owner is told in-app',
        description:
          'By quality leads or the audit’s auditor. 422 `unprocessable` names the field: `audit` (not ' +
          'submitted), `item` (unknown, or it did not fail), `owner` (not an active person).',
        params: IdParams,
        body: FollowUpCreate,
        response: { 201: FollowUp, ...errorResponses, 422: ErrorEnvelope },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await services.followUps.create(callContext(request), request.params.id, request.body)),
  );

  app.get(
    '/audits/:id/follow-up-owners',
    {
      schema: {
        tags,
        summary: 'Who a follow-up of this audit may be given to (for a picker)',
        description:
          'The heads of its unit and the units above, quality leads, the observed employee, the caller.',
        params: IdParams,
        response: { 200: FollowUpOwnerList, ...errorResponses },
      },
    },
    async (request) => services.followUps.owners(callContext(request), request.params.id),
  );

  app.get(
    '/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-ups the caller may read (open first, then by due date)',
        description:
          'Scoped as audits (a head sees their units’, staff those about themselves), plus the caller’s own. ' +
          '`overdue`: open and due before today in the unit’s time zone.',
        querystring: FollowUpQuery,
        response: { 200: FollowUpList, ...errorResponses },
      },
    },
    async (request) => services.followUps.list(callContext(request), request.query),
  );

  app.get(
    '/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'One follow-up',
        params: IdParams,
        response: { 200: FollowUp, ...errorResponses },
      },
    },
    async (request) => services.followUps.get(callContext(request), request.params.id),
  );

  app.patch(
    '/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Mark a follow-up done (with a note), reopen or cancel it',
        description: 'By its owner or quality leads; cancelling by quality leads only.',
        params: IdParams,
        body: FollowUpPatch,
        response: { 200: FollowUp, ...errorResponses },
      },
    },
    async (request) => services.followUps.update(callContext(request), request.params.id, request.body),
  );
};
