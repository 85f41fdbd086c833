import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  AuditTemplate,
  AuditTemplateInput,
  AuditTemplateList,
  TemplateVersionQuery,
} from '../../contract/audit-template.schema';
import {
  AuditAmendmentInput,
  AuditAnswersInput,
  AuditCreate,
  AuditDetail,
  AuditPageOut,
  AuditQueryParams,
} from '../../contract/audits.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['audits'];

/** Audit templates and audits (issue 7, docs/AUDITS.md). The audit LOG is audit.routes.ts. */
export const auditsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/audit-templates',
    {
      schema: {
        tags,
        summary: 'Every audit template (not deleted), by code',
        response: { 200: AuditTemplateList, ...errorResponses },
      },
    },
    async (request) => services.auditTemplates.list(callContext(request)),
  );

  app.post(
    '/audit-templates',
    {
      schema: {
        tags,
        summary: 'Create an audit template from published rating / checklist standards',
        description:
          "Each item names a standard in force now; its version and measure are kept in the template's version 1.",
        body: AuditTemplateInput,
        response: { 201: AuditTemplate, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.auditTemplates.create(callContext(request), request.body)),
  );

  app.get(
    '/audit-templates/:id',
    {
      schema: {
        tags,
        summary: 'One audit template, at its latest version or at `?version=`',
        params: IdParams,
        querystring: TemplateVersionQuery,
        response: { 200: AuditTemplate, ...errorResponses },
      },
    },
    async (request) =>
      services.auditTemplates.get(callContext(request), request.params.id, request.query.version),
  );

  app.put(
    '/audit-templates/:id',
    {
      schema: {
        tags,
        summary: 'Replace an audit template',
        description:
          'A change to the pass mark, sections, items or a standard version in force makes a new version; audits already made keep theirs.',
        params: IdParams,
        body: AuditTemplateInput,
        response: { 200: AuditTemplate, ...errorResponses },
      },
    },
    async (request) => services.auditTemplates.update(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/audit-templates/:id',
    {
      schema: {
        tags,
        summary: 'Remove an audit template (audits made with it stay)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.auditTemplates.delete(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/audits',
    {
      schema: {
        tags,
        summary: 'Audits the caller may read, newest first',
        querystring: AuditQueryParams,
        response: { 200: AuditPageOut, ...errorResponses },
      },
    },
    async (request) => services.audits.list(callContext(request), request.query),
  );

  app.post(
    '/audits',
    {
      schema: {
        tags,
        summary: 'Start an audit (a draft) with a template’s latest version; the caller is its auditor',
        body: AuditCreate,
        response: { 201: AuditDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.audits.create(callContext(request), request.body)),
  );

  app.get(
    '/audits/:id',
    {
      schema: {
        tags,
        summary: 'One audit with its template version, the score’s explanation and its amendments',
        params: IdParams,
        response: { 200: AuditDetail, ...errorResponses },
      },
    },
    async (request) => services.audits.get(callContext(request), request.params.id),
  );

  app.put(
    '/audits/:id/answers',
    {
      schema: {
        tags,
        summary: 'Save answers and comments to a draft (a patch; null clears)',
        description: 'Each answer is checked against its item; a submitted audit answers 409.',
        params: IdParams,
        body: AuditAnswersInput,
        response: { 200: AuditDetail, ...errorResponses },
      },
    },
    async (request) => services.audits.saveAnswers(callContext(request), request.params.id, request.body),
  );

  app.post(
    '/audits/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft: every item answered; scored; immutable afterwards',
        params: IdParams,
        response: { 200: AuditDetail, ...errorResponses },
      },
    },
    async (request) => services.audits.submit(callContext(request), request.params.id),
  );

  app.post(
    '/audits/:id/amendments',
    {
      schema: {
        tags,
        summary: 'Amend a submitted audit with a reason; the score is computed again',
        params: IdParams,
        body: AuditAmendmentInput,
        response: { 201: AuditDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await services.audits.amend(callContext(request), request.params.id, request.body)),
  );
};
