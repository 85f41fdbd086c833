import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common.schema';
import { DemoLoad, DemoReport } from '../../contract/demo.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

/** Loads the demo organization into an empty instance (the setup page can ask for it too). */
export const demoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/demo',
    {
      schema: {
        tags: ['organization'],
        summary: 'Load the demo organization (only into an empty one; running it again changes nothing)',
        body: DemoLoad,
        response: { 200: DemoReport, ...errorResponses },
      },
    },
    async (request) => services.demo.load(callContext(request), request.body.locale),
  );
};
