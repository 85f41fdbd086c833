/**
 * Typed domain errors. Every error that crosses a layer carries a stable string `code`; the HTTP
 * layer maps codes to statuses in one place (server/error-status.ts) and the CLI prints
 * the message. Messages are English and meant for people; clients translate by `code`.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'account_inactive'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  /** An edit named an older revision than the stored one (`details.current_revision`). */
  | 'edit_conflict'
  | 'setup_done'
  | 'setup_required'
  | 'last_admin'
  | 'weak_password'
  /** A file import refused as a whole; `details.problems` names every bad row. */
  | 'import_refused'
  /** A well-formed request a rule refuses (e.g. a follow-up from an item that did not fail); `details.issues` names the field. */
  | 'unprocessable'
  | 'invite_invalid'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'database_unavailable'
  | 'internal';

/** One problem with one field of an input, e.g. `{ path: 'email', message: 'Invalid email' }`. */
export interface FieldIssue {
  /** Dotted path inside the input, e.g. `members.0.email`; empty for the input as a whole. */
  path: string;
  message: string;
  /** Where the input came from: body, query, params, a file line… */
  in?: string;
  code?: string;
}

/** Issues found in a request body (core's checks name paths only), marked as such. */
export const inBody = (issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({ in: 'body', ...i }));

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** A failed validation that lists every offending field. */
export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message = 'The input is not valid') {
    super('validation_failed', message, { issues });
    this.issues = issues;
  }
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many attempts. Try again later.', { retry_after_seconds: retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
