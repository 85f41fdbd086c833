import { z } from 'zod';

/** Identifiers are UUIDs made by the application (version 7: they sort by creation time). */
export const Id = z.uuid();

/** Instants travel as ISO 8601 strings in UTC, e.g. `2026-03-02T06:15:03.000Z`. */
export const Instant = z.iso.datetime({ offset: true });

export const Locale = z.enum(['ru', 'en']);
export type Locale = z.infer<typeof Locale>;

export const IdParams = z.object({ id: Id });

/** The one error envelope every API error uses. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. `validation_failed`' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Offset pagination for short lists (people, tokens). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Standard error responses, so every route documents them in OpenAPI. */
export const errorResponses = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
} as const;
