import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.schema';
import { CalendarDetail, CalendarList, CodeParams } from '../../contract/catalog.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** Business calendars of the catalog (the iCalendar import lives in its own route file). */
export const calendarRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/calendars',
    {
      schema: {
        tags,
        summary: 'The calendars, with the standards in force that use each',
        response: { 200: CalendarList, ...errorResponses },
      },
    },
    async (request) => services.catalog.listCalendars(callContext(request)),
  );

  app.get(
    '/calendars/:code',
    {
      schema: {
        tags,
        summary: 'One calendar with every version',
        params: CodeParams,
        response: { 200: CalendarDetail, ...errorResponses },
      },
    },
    async (request) => services.catalog.getCalendar(callContext(request), request.params.code),
  );
};
