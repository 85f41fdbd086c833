import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../contract/audit.schema';
import { errorResponses } from '../../contract/common.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

/** The audit log (Administration → Audit log). */
export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Changes, newest first; filter by entity, action, actor, time',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => services.audit.list(callContext(request), request.query),
  );
};
