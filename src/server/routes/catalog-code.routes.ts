import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import { ApplyQuery, ApplyResult, ExportQuery } from '../../contract/catalog.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';
import { IMPORT_BODY_LIMIT } from './file-transfer';

const tags = ['standards'];

/** The media types a standards file travels as; answers use the first. */
export const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml', 'text/x-yaml'];

/** Standards as code over HTTP: the catalog in force as an `etalon/v1` YAML file, and a file applied. */
export const catalogCodeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // Scoped to this plugin: every other route stays JSON only.
  app.addContentTypeParser(
    YAML_TYPES,
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/catalog/export',
    {
      schema: {
        tags,
        summary: 'The published catalog in force now as an etalon/v1 standards file (YAML)',
        description:
          'Answers `application/yaml; charset=utf-8`: calendars, units, employees and standards in force, each ' +
          'sorted by code (docs/formats/standards-file.md). `unit` (a unit code) keeps only the standards ' +
          'binding that unit. Applying the answer back changes nothing.',
        querystring: ExportQuery,
        produces: ['application/yaml'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const text = await services.standardsCode.exportYaml(callContext(request), {
        unit: request.query.unit,
      });
      // Text, not JSON: sent as it is (the response schemas describe only the errors).
      return (reply as FastifyReply)
        .header('content-disposition', 'attachment; filename="etalon-standards.yaml"')
        .header('cache-control', 'no-store')
        .type('application/yaml; charset=utf-8')
        .send(text);
    },
  );

  app.post(
    '/catalog/apply',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      // A JSON body is not a standards file: 415 before the body is validated.
      preValidation: async (request) => {
        if (typeof request.body !== 'string')
          throw new AppError('unsupported_media_type', 'Send the standards file itself as application/yaml');
      },
      schema: {
        tags,
        summary: 'Apply an etalon/v1 standards file: its units and employees, and a proposal of its changes',
        description:
          'The body is the YAML file itself (`application/yaml` or `text/yaml`). Every problem is checked first, ' +
          'against the file and the database; if any is found nothing changes and the answer is 422 ' +
          '`import_refused` with `details.problems` = `[{sheet, line, field, message}]`. Otherwise units and ' +
          'employees are created or updated by code, and the standard and calendar changes open a proposal ' +
          '(`publish=true`: administrators publish it at once, `effective_from` may be in the past). ' +
          '`dry_run=true` only answers what would change. Entries missing from the file are kept.',
        consumes: YAML_TYPES,
        querystring: ApplyQuery,
        body: z.string().meta({ description: 'The etalon/v1 standards file (YAML text)' }),
        response: {
          200: ApplyResult,
          ...errorResponses,
          413: ErrorEnvelope,
          415: ErrorEnvelope,
          422: ErrorEnvelope,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return services.standardsCode.apply(callContext(request), request.body, {
        dryRun: q.dry_run,
        publish: q.publish,
        effectiveFrom: q.effective_from,
        title: q.title,
        fileName: 'standards.yaml',
      });
    },
  );
};
