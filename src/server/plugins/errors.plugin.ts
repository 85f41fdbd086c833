import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError, RateLimitedError, type ErrorCode, type FieldIssue } from '../../core';
import { STATUS_BY_CODE } from '../error-status';
import { isDatabaseUnavailable } from '../../db/dialect/driver-errors';

/** Answers with the envelope; the status comes from STATUS_BY_CODE unless Fastify already chose one. */
function send(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: unknown,
  status: number = STATUS_BY_CODE[code],
) {
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
        'validation_failed',
        `The ${where} is not valid: ${issues.map((i) => i.path || where).join(', ')}`,
        { issues },
      );
    }
    if (isAppError(error)) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      const status = STATUS_BY_CODE[error.code];
      if (status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, error.code, error.message, error.details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return send(reply, 'internal', `Internal error (request ${request.id})`);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        'payload_too_large',
        `The request body is larger than ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, 'unsupported_media_type', 'Send the body as application/json');
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return send(reply, 'database_unavailable', 'The database is not reachable. Try again shortly.');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, an empty body where one is required…
      const code = error.statusCode === 404 ? 'not_found' : 'validation_failed';
      const issues = [{ in: 'body', path: '', message: error.message }];
      return send(reply, code, error.message, { issues }, error.statusCode);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'internal', `Internal error (request ${request.id})`);
  });
});

/** A JSON 404 for an unknown API route. */
export function sendApiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}
