import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core';
import { CONTENT_TYPES, type TransferFormat } from '../../contract/org-transfer.schema';
import type { ExportedFile } from '../../services/org-transfer.service';

/** Largest file an import route accepts (413 above it); JSON routes keep the app's 1 MiB. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** What an import route's OpenAPI entry says about its body. */
export const FILE_CONSUMES = [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, 'application/octet-stream'];

/**
 * Lets the routes of one plugin take a raw file body (CSV, XLSX or octet-stream) as a Buffer, up
 * to IMPORT_BODY_LIMIT. Scoped to the plugin that calls it: every other route stays JSON only.
 */
export function acceptFileBodies(app: FastifyInstance) {
  app.addContentTypeParser(
    FILE_CONSUMES,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

/** The body as bytes and the format its Content-Type names (undefined for octet-stream). */
export function fileBody(request: FastifyRequest): { bytes: Buffer; format: TransferFormat | undefined } {
  const body = request.body;
  if (!Buffer.isBuffer(body))
    throw new AppError(
      'unsupported_media_type',
      `Send the file itself as ${CONTENT_TYPES.csv} or ${CONTENT_TYPES.xlsx}`,
    );
  if (body.length === 0)
    throw new AppError('validation_failed', 'The file is empty', {
      issues: [{ in: 'body', path: '', message: 'the file is empty' }],
    });
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const format = type === CONTENT_TYPES.csv ? 'csv' : type === CONTENT_TYPES.xlsx ? 'xlsx' : undefined;
  return { bytes: body, format };
}

/** Answers with a file to save: its type, and `attachment` with its name. */
export function sendFile(reply: FastifyReply, file: ExportedFile) {
  return reply
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .type(file.contentType)
    .send(file.body);
}
