import { ApiError, errorFromResponse } from './api-error';

const BASE = '/api/v1';
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The CSRF token of the current session. It lives in memory only (never in storage): the session
 * query sets it, sign-out clears it, and a `csrf_failed` answer makes us fetch it again.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON, or as it is when it is a file (with `contentType`). */
  body?: unknown;
  contentType?: string;
  query?: Query;
  signal?: AbortSignal;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const file = options.body instanceof Blob;
  if (options.body !== undefined)
    headers['content-type'] = file ? (options.contentType ?? '') : 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : file ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network_error', message: String(e) });
  }
}

/** Fetches a fresh CSRF token from the session; false when nobody is signed in any more. */
async function renewCsrf(): Promise<boolean> {
  const response = await send('/auth/session', {});
  if (!response.ok) return false;
  const session = (await response.json()) as { csrf_token: string };
  setCsrfToken(session.csrf_token);
  return true;
}

/**
 * Calls the API and returns the parsed JSON body (undefined for 204). Every failure throws an
 * ApiError. A write refused with `csrf_failed` (the token went stale, e.g. after signing in in
 * another tab) is retried once with a freshly fetched token.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && WRITES.has(options.method ?? 'GET')) {
    const error = await errorFromResponse(response.clone());
    if (error.code === 'csrf_failed' && (await renewCsrf())) response = await send(path, options);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  /** Sends a file itself as the body (an import), e.g. `upload('/grid/import', file, 'text/csv')`. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    apiRequest<T>(path, { method: 'POST', body: file, contentType, query }),
};
