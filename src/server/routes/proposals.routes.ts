import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  Comment,
  CommentCreate,
  CommentList,
  Proposal,
  ProposalAct,
  ProposalCreate,
  ProposalDecide,
  ProposalList,
  ProposalPublish,
  ProposalQuery,
  ProposalUpdate,
  StandardsSettings,
} from '../../contract/catalog.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** Proposals: how the catalog changes — written, discussed, approved, published. */
export const proposalRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const proposals = services.proposals;

  app.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals, newest first (by status, or only those awaiting your decision)',
        querystring: ProposalQuery,
        response: { 200: ProposalList, ...errorResponses },
      },
    },
    async (request) => proposals.list(callContext(request), request.query),
  );

  app.post(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Write a proposal (a draft, or submitted at once with `submit: true`)',
        body: ProposalCreate,
        response: { 201: Proposal, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await proposals.create(callContext(request), request.body)),
  );

  app.get(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary:
          'One proposal: its changes (with what they change), approvals, conflicts, and what you may do',
        params: IdParams,
        response: { 200: Proposal, ...errorResponses },
      },
    },
    async (request) => proposals.get(callContext(request), request.params.id),
  );

  app.patch(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a proposal (409 edit_conflict when `revision` is not the stored one); changing an open or rejected one starts a new approval round',
        params: IdParams,
        body: ProposalUpdate,
        response: { 200: Proposal, ...errorResponses },
      },
    },
    async (request) => proposals.update(callContext(request), request.params.id, request.body),
  );

  const act = (
    path: string,
    summary: string,
    body: typeof ProposalAct | typeof ProposalDecide | typeof ProposalPublish,
    run: (ctx: ReturnType<typeof callContext>, id: string, input: never) => Promise<Proposal>,
  ) =>
    app.post(
      `/proposals/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Proposal, ...errorResponses } } },
      async (request) => run(callContext(request), request.params.id, request.body as never),
    );

  act('submit', 'Submit for approval (draft or rejected → open)', ProposalAct, proposals.submit);
  act(
    'approve',
    'Approve (one approval by `approval_id`, or every pending one you may decide)',
    ProposalDecide,
    proposals.approve,
  );
  act('reject', 'Reject, with a comment saying why', ProposalDecide, proposals.reject);
  act('withdraw', 'Withdraw a proposal that is not published', ProposalAct, proposals.withdraw);
  act(
    'publish',
    'Publish at once, skipping the approvals (administrators; recorded as published directly)',
    ProposalPublish,
    proposals.publishNow,
  );

  app.get(
    '/proposals/:id/comments',
    {
      schema: {
        tags,
        summary: "A proposal's discussion, oldest first",
        params: IdParams,
        response: { 200: CommentList, ...errorResponses },
      },
    },
    async (request) => proposals.comments(callContext(request), request.params.id),
  );

  app.post(
    '/proposals/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment; `@name` or `@name@example.org` mentions a person',
        params: IdParams,
        body: CommentCreate,
        response: { 201: Comment, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await proposals.addComment(callContext(request), request.params.id, request.body)),
  );

  app.get(
    '/settings/standards',
    {
      schema: {
        tags,
        summary: 'Settings of the agreement flow',
        response: { 200: StandardsSettings, ...errorResponses },
      },
    },
    async (request) => proposals.getSettings(callContext(request)),
  );

  app.put(
    '/settings/standards',
    {
      schema: {
        tags,
        summary: 'Change the settings of the agreement flow (administrators)',
        body: StandardsSettings,
        response: { 200: StandardsSettings, ...errorResponses },
      },
    },
    async (request) => proposals.putSettings(callContext(request), request.body),
  );
};
