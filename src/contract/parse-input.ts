import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../core';

/** Zod issues as field issues: `[{ path: 'email', in: 'body', message: 'Invalid email address' }]`. */
export function toFieldIssues(error: z.ZodError, where?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
    ...(where === undefined ? {} : { in: where }),
  }));
}

/**
 * Validates `value` against a contract schema, throwing a ValidationError that lists every
 * problem. For inputs that do not come through HTTP (CLI arguments, files).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, where));
  return result.data;
}
