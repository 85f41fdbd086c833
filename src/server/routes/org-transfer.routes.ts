import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import { OrgExportQuery, OrgImportQuery, OrgImportReport } from '../../contract/org-transfer.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';
import { acceptFileBodies, FILE_CONSUMES, fileBody, IMPORT_BODY_LIMIT, sendFile } from './file-transfer';

const tags = ['organization'];

/** Units and employees as spreadsheets (docs/formats/organization.md). */
export const orgTransferRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  acceptFileBodies(app);

  app.get(
    '/org/export',
    {
      schema: {
        tags,
        summary: 'Export units and employees as XLSX (sheets Units, Employees) or CSV (one kind)',
        description:
          'Answers the file as an attachment: `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` ' +
          'or `text/csv; charset=utf-8` (UTF-8 with a byte-order mark). The layout is docs/formats/organization.md.',
        querystring: OrgExportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendFile(reply, await services.orgTransfer.exportFile(callContext(request), request.query)),
  );

  app.post(
    '/org/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import units and employees from XLSX or CSV: upsert by code, all or nothing',
        description:
          'The body is the file itself (up to 20 MiB). Every row is checked first; if any is bad nothing ' +
          'changes and the answer is 422 `import_refused` with `details.problems` = every bad row ' +
          '`{sheet, line, code?, field, column?, message}`. `dry_run=true` checks and counts without writing.',
        consumes: FILE_CONSUMES,
        querystring: OrgImportQuery,
        response: {
          200: OrgImportReport,
          ...errorResponses,
          413: ErrorEnvelope,
          415: ErrorEnvelope,
          422: ErrorEnvelope,
        },
      },
    },
    async (request) => {
      const { bytes, format } = fileBody(request);
      return services.orgTransfer.importFile(callContext(request), bytes, {
        format: request.query.format ?? format,
        kind: request.query.kind,
        dryRun: request.query.dry_run,
      });
    },
  );
};
