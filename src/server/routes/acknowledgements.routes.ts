import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  AcknowledgeBody,
  CodeParams,
  MyAcknowledgements,
  UnitAcknowledgements,
} from '../../contract/catalog.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['standards'];

/** Staff acknowledge the standards that bind them; a unit's page shows who has. */
export const acknowledgementRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    '/me/standards',
    {
      schema: {
        tags,
        summary: 'The standards in force that bind me (through my employee record), and which I acknowledged',
        response: { 200: MyAcknowledgements, ...errorResponses },
      },
    },
    async (request) => services.acknowledgements.mine(callContext(request)),
  );

  app.post(
    '/standards/:code/acknowledgements',
    {
      schema: {
        tags,
        summary:
          'Acknowledge the version in force of a standard that binds me (a second time changes nothing)',
        description:
          '409 `conflict` when the version is not the one in force (`details.reason: not_in_force`), ' +
          'the standard does not bind my unit (`not_binding`), or my account has no employee record ' +
          '(`no_employee`). Answers my standards afterwards.',
        params: CodeParams,
        body: AcknowledgeBody,
        response: { 200: MyAcknowledgements, ...errorResponses },
      },
    },
    async (request) =>
      services.acknowledgements.acknowledge(callContext(request), request.params.code, request.body),
  );

  app.get(
    '/units/:id/acknowledgements',
    {
      schema: {
        tags,
        summary: "A unit's active employees and the standards binding it: who acknowledged which",
        params: IdParams,
        response: { 200: UnitAcknowledgements, ...errorResponses },
      },
    },
    async (request) => services.acknowledgements.forUnit(callContext(request), request.params.id),
  );
};
