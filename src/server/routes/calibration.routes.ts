import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  CalibrationAnswersInput,
  CalibrationCandidates,
  CalibrationCreate,
  CalibrationDetail,
  CalibrationList,
} from '../../contract/calibration.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['calibration'];

/** Calibration sessions (issue 7, docs/AUDITS.md "Calibration: judging alike"). */
export const calibrationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/calibration-sessions',
    {
      schema: {
        tags,
        summary: 'Calibration sessions: every one for quality leads, a participant’s own for others',
        response: { 200: CalibrationList, ...errorResponses },
      },
    },
    async (request) => services.calibration.list(callContext(request)),
  );

  app.get(
    '/calibration-sessions/candidates',
    {
      schema: {
        tags,
        summary: 'People who can take part (active, able to write audits)',
        response: { 200: CalibrationCandidates, ...errorResponses },
      },
    },
    async (request) => services.calibration.candidates(callContext(request)),
  );

  app.post(
    '/calibration-sessions',
    {
      schema: {
        tags,
        summary: 'Create a calibration session (quality leads)',
        description:
          'The template’s latest version gives the items; 1–20 subjects; at least two participants who can write audits.',
        body: CalibrationCreate,
        response: { 201: CalibrationDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.calibration.create(callContext(request), request.body)),
  );

  app.get(
    '/calibration-sessions/:id',
    {
      schema: {
        tags,
        summary: 'One session: before the reveal only the caller’s own answers and who has submitted',
        params: IdParams,
        response: { 200: CalibrationDetail, ...errorResponses },
      },
    },
    async (request) => services.calibration.get(callContext(request), request.params.id),
  );

  app.put(
    '/calibration-sessions/:id/answers',
    {
      schema: {
        tags,
        summary: 'Save the caller’s answers (a patch by subject and item; null clears)',
        params: IdParams,
        body: CalibrationAnswersInput,
        response: { 200: CalibrationDetail, ...errorResponses },
      },
    },
    async (request) =>
      services.calibration.saveAnswers(callContext(request), request.params.id, request.body),
  );

  app.post(
    '/calibration-sessions/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the caller’s answers: every item on every subject answered; final',
        params: IdParams,
        response: { 200: CalibrationDetail, ...errorResponses },
      },
    },
    async (request) => services.calibration.submit(callContext(request), request.params.id),
  );

  app.post(
    '/calibration-sessions/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Reveal the answers and agreement (the creator, once two have submitted)',
        params: IdParams,
        response: { 200: CalibrationDetail, ...errorResponses },
      },
    },
    async (request) => services.calibration.reveal(callContext(request), request.params.id),
  );
};
