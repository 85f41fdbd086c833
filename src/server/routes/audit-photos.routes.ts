import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../../core';
import {
  AuditPhoto,
  AuditPhotoList,
  PHOTO_LIMIT_BYTES,
  PhotoParams,
  PhotoUploadQuery,
} from '../../contract/audit-photo.schema';
import { errorResponses, ErrorEnvelope, IdParams } from '../../contract/common.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['audits'];

/** Photos on audits (issue 7, docs/AUDITS.md "Photos"): raw image bodies, never JSON. */
export const auditPhotoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // Any body type reaches the service as the request stream itself: it tells a photo by its bytes
  // and answers 415 (with the reason) for everything else. Only this plugin's routes see this parser.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.get(
    '/audits/:id/photos',
    {
      schema: {
        tags,
        summary: "An audit's photos, oldest first",
        params: IdParams,
        response: { 200: AuditPhotoList, ...errorResponses },
      },
    },
    async (request) => services.auditPhotos.list(callContext(request), request.params.id),
  );

  app.post(
    '/audits/:id/photos',
    {
      bodyLimit: PHOTO_LIMIT_BYTES,
      // A declared oversize body is refused before a byte of it is read.
      preValidation: async (request) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > PHOTO_LIMIT_BYTES)
          throw new AppError(
            'payload_too_large',
            `A photo takes at most ${PHOTO_LIMIT_BYTES} bytes (8 MiB)`,
            {
              limit: PHOTO_LIMIT_BYTES,
            },
          );
        if (!(request.body instanceof Readable))
          throw new AppError(
            'unsupported_media_type',
            'Send the photo itself as the body (image/jpeg, image/png or image/webp)',
          );
      },
      schema: {
        tags,
        summary: 'Add a photo to a draft audit (of one item with `?item=`, else of the audit)',
        description:
          'The body is the image itself — `image/jpeg`, `image/png` or `image/webp`, at most 8 MiB (413 beyond, ' +
          'nothing stored); its first bytes must be the declared type (415 otherwise). At most 20 photos an ' +
          'audit (409 `photo_limit`). Only on a draft, by whoever may change its answers.',
        params: IdParams,
        querystring: PhotoUploadQuery,
        response: { 201: AuditPhoto, ...errorResponses, 413: ErrorEnvelope, 415: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      try {
        const photo = await services.auditPhotos.upload(
          callContext(request),
          request.params.id,
          request.query,
          request.headers['content-type'],
          request.body as Readable,
        );
        return reply.code(201).send(photo);
      } catch (error) {
        // The rest of a refused body is not read: the connection closes after the answer.
        if (isAppError(error) && !(request.body as Readable).readableEnded)
          reply.header('connection', 'close');
        throw error;
      }
    },
  );

  app.get(
    '/audits/:id/photos/:pid',
    {
      schema: {
        tags,
        summary: "A photo's bytes, with its type (the audit's read scope)",
        params: PhotoParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const photo = await services.auditPhotos.open(
        callContext(request),
        request.params.id,
        request.params.pid,
      );
      return (reply as FastifyReply)
        .type(photo.contentType)
        .header('content-length', String(photo.bytes))
        .header('cache-control', 'private, max-age=86400')
        .header('etag', `"${photo.sha256}"`)
        .header('content-disposition', 'inline')
        .send(photo.stream);
    },
  );

  app.delete(
    '/audits/:id/photos/:pid',
    {
      schema: {
        tags,
        summary: 'Remove a photo from a draft audit',
        params: PhotoParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.auditPhotos.remove(callContext(request), request.params.id, request.params.pid);
      return reply.code(204).send(null);
    },
  );
};
