import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core';
import { errorResponses, IdParams } from '../../contract/common.schema';
import { ImportMapping, ImportMappingInput, ImportQuery, Job } from '../../contract/monitoring.schema';
import { IMPORT_FILE_LIMIT } from '../../services/import.service';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['monitoring'];

/** The body types an upload takes as the file's raw bytes. */
const RAW_TYPES = ['application/octet-stream', 'text/csv', 'application/x-ndjson'];

/** File imports (issue 6): uploads queued as jobs, their rejected records, saved column mappings. */
export const importRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // The body is handed on as the request stream itself (no parseAs): the service writes it to disk.
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_FILE_LIMIT,
      // Refuse a declared oversize body before reading a byte of it.
      preValidation: async (request) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > IMPORT_FILE_LIMIT)
          throw new AppError('payload_too_large', `A file import takes at most ${IMPORT_FILE_LIMIT} bytes`);
        if (!(request.body instanceof Readable))
          throw new AppError(
            'unsupported_media_type',
            'Send the file itself as the body (application/octet-stream, text/csv or application/x-ndjson)',
          );
      },
      schema: {
        tags,
        summary: 'Upload a records file to import (CSV, NDJSON or Asterisk CDR, up to 1 GiB)',
        description:
          'The body is the file itself, streamed to the server and imported in the background as a job ' +
          '(kind `import`): poll `GET /monitoring/jobs/{id}` — `total` is the file size in bytes, `done` the ' +
          'bytes processed, `counts` created / updated / unchanged / rejected_count / records. `format` is ' +
          "guessed from `name`'s extension when absent (.csv, .ndjson, .jsonl); `asterisk-cdr` needs " +
          '`timezone` and maps extensions to the employees (and their units) that have them. `mapping` is ' +
          'a JSON object `{our field: their column}` or the id of a saved mapping. Records are idempotent by ' +
          'id: uploading the same file again after an interruption completes the import.',
        querystring: ImportQuery,
        response: { 202: Job, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await services.imports.upload(
        callContext(request),
        request.query,
        request.body as Readable,
      );
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/imports/:id/rejected.csv',
    {
      schema: {
        tags,
        summary: "An import's rejected records as CSV: index,line,id,field,reason (one row per problem)",
        params: IdParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const rows = await services.imports.rejectedCsv(callContext(request), request.params.id);
      return (reply as FastifyReply)
        .header('content-disposition', `attachment; filename="import-${request.params.id}-rejected.csv"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(Readable.from(rows));
    },
  );

  app.get(
    '/import-mappings',
    {
      schema: {
        tags,
        summary: 'Saved column mappings for file imports, by name',
        response: { 200: z.object({ items: z.array(ImportMapping) }), ...errorResponses },
      },
    },
    async (request) => services.importMappings.list(callContext(request)),
  );

  app.post(
    '/import-mappings',
    {
      schema: {
        tags,
        summary: 'Save a column mapping ({our field: their column}) under a unique name',
        body: ImportMappingInput,
        response: { 201: ImportMapping, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.importMappings.create(callContext(request), request.body)),
  );

  app.put(
    '/import-mappings/:id',
    {
      schema: {
        tags,
        summary: 'Replace a saved column mapping',
        params: IdParams,
        body: ImportMappingInput,
        response: { 200: ImportMapping, ...errorResponses },
      },
    },
    async (request) => services.importMappings.update(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/import-mappings/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved column mapping',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.importMappings.delete(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
