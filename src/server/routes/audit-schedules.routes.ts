import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  AuditRound,
  AuditRoundList,
  AuditRoundQuery,
  AuditSchedule,
  AuditScheduleInput,
  AuditScheduleList,
} from '../../contract/audit-schedule.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['audits'];

/** Audit schedules and their rounds (issue 7, docs/AUDITS.md → Schedules). */
export const auditScheduleRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    '/audit-schedules',
    {
      schema: {
        tags,
        summary: 'Every audit schedule (not deleted), by unit and template',
        response: { 200: AuditScheduleList, ...errorResponses },
      },
    },
    async (request) => services.auditSchedules.list(callContext(request)),
  );

  app.post(
    '/audit-schedules',
    {
      schema: {
        tags,
        summary: 'Create an audit schedule; its rounds are stored at once',
        description:
          'Rounds from `starts_on` to 8 weeks ahead (weekly) or 3 months ahead (monthly, n per month); the server keeps storing them as time passes.',
        body: AuditScheduleInput,
        response: { 201: AuditSchedule, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.auditSchedules.create(callContext(request), request.body)),
  );

  app.get(
    '/audit-schedules/:id',
    {
      schema: {
        tags,
        summary: 'One audit schedule',
        params: IdParams,
        response: { 200: AuditSchedule, ...errorResponses },
      },
    },
    async (request) => services.auditSchedules.get(callContext(request), request.params.id),
  );

  app.put(
    '/audit-schedules/:id',
    {
      schema: {
        tags,
        summary: 'Replace an audit schedule',
        description: 'Rounds already started or with an audit stay; the rounds ahead are made again.',
        params: IdParams,
        body: AuditScheduleInput,
        response: { 200: AuditSchedule, ...errorResponses },
      },
    },
    async (request) => services.auditSchedules.update(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/audit-schedules/:id',
    {
      schema: {
        tags,
        summary: 'Remove an audit schedule (its rounds ahead go; audits made stay)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.auditSchedules.delete(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/audit-rounds',
    {
      schema: {
        tags,
        summary: 'Rounds of the schedules with their states; `mine=true`: the caller’s',
        querystring: AuditRoundQuery,
        response: { 200: AuditRoundList, ...errorResponses },
      },
    },
    async (request) => services.auditSchedules.rounds(callContext(request), request.query),
  );

  app.get(
    '/audit-rounds/:id',
    {
      schema: {
        tags,
        summary: 'One round with its state',
        params: IdParams,
        response: { 200: AuditRound, ...errorResponses },
      },
    },
    async (request) => services.auditSchedules.round(callContext(request), request.params.id),
  );
};
