/** One problem with one input field, as the server lists it in `details.issues`. */
export interface ApiIssue {
  in?: string;
  /** Dotted field path, e.g. `email` or `new_password`; empty for the input as a whole. */
  path: string;
  code?: string;
  message: string;
}

/**
 * Every failed call becomes one of these. `code` is the server's stable error code, or one of the
 * client-side codes `network_error` (no answer at all) and `bad_response` (an answer that is not
 * our JSON envelope, e.g. a proxy's HTML error page).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  readonly details: unknown;
  /** Seconds to wait, from the `Retry-After` header of a 429. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: ApiIssue[];
    details?: unknown;
    retryAfter?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }

  /** The field a conflict or wrong password points at (`details.field`), when the server names one. */
  get field(): string | undefined {
    const d = this.details;
    return d !== null && typeof d === 'object' && 'field' in d && typeof d.field === 'string'
      ? d.field
      : undefined;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

function readIssues(details: unknown): ApiIssue[] {
  if (details === null || typeof details !== 'object' || !('issues' in details)) return [];
  const list = details.issues;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (i): i is ApiIssue => i !== null && typeof i === 'object' && typeof (i as ApiIssue).message === 'string',
  );
}

/** Builds an ApiError from a non-2xx response, whatever its body turns out to be. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const envelope =
    body !== null &&
    typeof body === 'object' &&
    'error' in body &&
    body.error !== null &&
    typeof body.error === 'object'
      ? (body.error as { code?: unknown; message?: unknown; details?: unknown })
      : undefined;
  if (!envelope || typeof envelope.code !== 'string') {
    return new ApiError({
      status: response.status,
      code: 'bad_response',
      message: response.statusText,
      retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: envelope.code,
    message: typeof envelope.message === 'string' ? envelope.message : envelope.code,
    details: envelope.details,
    issues: readIssues(envelope.details),
    retryAfter,
  });
}
