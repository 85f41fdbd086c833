import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError, RateLimitedError, type ErrorCode, type FieldIssue } from '../../core';
import { STATUS_BY_CODE } from '../error-status';

/** Driver codes that mean "the database cannot be reached", on either engine. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
  '08001',
  '08006',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply
    .code(status)
    .type('application/json')
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const dotted = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.');

/**
 * Every error leaves as `{"error":{"code","message","details"}}`. Validation errors list every
 * field; unknown errors are logged with the request id and answered without internals.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const issues: FieldIssue[] = error.validation.map((v) => ({
        in: where,
        path: dotted(v.instancePath),
        code: (v.params as { issue?: { code?: string } }).issue?.code ?? v.keyword,
        message: v.message ?? 'Invalid value',
      }));
      return send(
        reply,
        400,
        'validation_failed',
        `The ${where} is not valid: ${issues.map((i) => i.path || where).join(', ')}`,
        { issues },
      );
    }
    if (isAppError(error)) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      const status = STATUS_BY_CODE[error.code];
      if (status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, status, error.code, error.message, error.details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return send(reply, 500, 'internal', `Internal error (request ${request.id})`);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        413,
        'payload_too_large',
        `The request body is larger than ${app.initialConfig.bodyLimit} bytes`,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, 415, 'unsupported_media_type', 'Send the body as application/json');
    }
    if (UNAVAILABLE.has(String(error.code))) {
      request.log.error({ err: error }, 'database unavailable');
      return send(reply, 503, 'database_unavailable', 'The database is not reachable. Try again shortly.');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, an empty body where one is required…
      return send(
        reply,
        error.statusCode,
        error.statusCode === 404 ? 'not_found' : 'validation_failed',
        error.message,
        {
          issues: [{ in: 'body', path: '', message: error.message }],
        },
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal', `Internal error (request ${request.id})`);
  });
});

/** A JSON 404 for an unknown API route. */
export function sendApiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}
