import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.schema';
import { NotificationList, NotificationQuery, NotificationRead } from '../../contract/notification.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** The caller's in-app notifications. */
export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => services.notifications.list(callContext(request), request.query),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark your notifications read (the given ids, or all)',
        body: NotificationRead,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (request) => services.notifications.markRead(callContext(request), request.body),
  );
};
