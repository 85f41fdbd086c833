import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorEnvelope, errorResponses } from '../../contract/common.schema';
import { GridExportQuery, GridImportQuery, GridImportReport } from '../../contract/grid-transfer.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';
import { acceptFileBodies, FILE_CONSUMES, fileBody, IMPORT_BODY_LIMIT, sendFile } from './file-transfer';

const tags = ['grid'];

/** The service grid as a spreadsheet (docs/formats/grid.md). */
export const gridTransferRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  acceptFileBodies(app);

  app.get(
    '/grid/export',
    {
      schema: {
        tags,
        summary: 'Export the grid as XLSX (sheets Grid and Details) or CSV (one row per cell)',
        description:
          'Answers the file as an attachment: `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` ' +
          'or `text/csv; charset=utf-8` (UTF-8 with a byte-order mark). The layout is docs/formats/grid.md.',
        querystring: GridExportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendFile(reply, await services.gridTransfer.exportFile(callContext(request), request.query)),
  );

  app.post(
    '/grid/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import the grid from XLSX or CSV: the file is the truth for the cells it covers, all or nothing',
        description:
          'The body is the file itself (up to 20 MiB); needs grid.write. A filled cell creates or updates, an empty ' +
          'one removes the stored cell; pairs outside the file are untouched. If any cell is bad nothing changes and ' +
          'the answer is 422 `import_refused` with `details.problems` = every bad cell ' +
          '`{sheet, line, code?, field, column?, message}`. `dry_run=true` checks and counts without writing.',
        consumes: FILE_CONSUMES,
        querystring: GridImportQuery,
        response: {
          200: GridImportReport,
          ...errorResponses,
          413: ErrorEnvelope,
          415: ErrorEnvelope,
          422: ErrorEnvelope,
        },
      },
    },
    async (request) => {
      const { bytes, format } = fileBody(request);
      return services.gridTransfer.importFile(callContext(request), bytes, {
        format: request.query.format ?? format,
        dryRun: request.query.dry_run,
      });
    },
  );
};
