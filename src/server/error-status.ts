import type { ErrorCode } from '../core';

/** The one place an error code becomes an HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  weak_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_inactive: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  edit_conflict: 409,
  setup_done: 409,
  setup_required: 409,
  last_admin: 409,
  invite_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_refused: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
};
