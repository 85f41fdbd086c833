import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import { IcsHolidays } from '../../contract/catalog.schema';
import { importIcsHolidays } from '../../services/files/ical-holidays';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** Largest iCalendar file read (413 above it): a country's holidays for decades fit in a few KiB. */
export const ICS_BODY_LIMIT = 2 * 1024 * 1024;

/** Holidays read from an iCalendar (.ics) file, for a calendar's `holidays` in a proposal. */
export const calendarIcsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app) => {
  app.addContentTypeParser(
    'text/calendar',
    { parseAs: 'string', bodyLimit: ICS_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.post(
    '/calendars/holidays/ics',
    {
      bodyLimit: ICS_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Read holidays from an iCalendar file (nothing is saved)',
        description:
          'The body is the `.ics` file itself (`text/calendar`, up to 2 MiB). Whole-day events become ' +
          'holidays: a one-off event its dates `YYYY-MM-DD`, an event repeated every year without end ' +
          '`--MM-DD`. Timed events and other repetitions are listed in `skipped` with the reason. The ' +
          'answer is meant for a calendar definition in a proposal; this call changes nothing.',
        consumes: ['text/calendar'],
        response: { 200: IcsHolidays, ...errorResponses, 413: ErrorEnvelope, 415: ErrorEnvelope },
      },
    },
    async (request) => {
      const ctx = callContext(request);
      if (typeof request.body !== 'string')
        throw new AppError('unsupported_media_type', 'Send the iCalendar file itself as text/calendar');
      return importIcsHolidays(ctx, request.body);
    },
  );
};
