import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportFormat,
  ImportMapping,
  ImportMappingInput,
  Job,
} from '../../../../src/contract/monitoring.schema';
import type { Session } from '../../../../src/contract/auth.schema';
import { api, setCsrfToken } from '../../api/api-client';
import { ApiError, errorFromResponse } from '../../api/api-error';

const MAPPINGS_KEY = ['import-mappings'] as const;
/** Jobs sit under the dashboard's key too, so a finished import refreshes whatever shows them. */
export const JOBS_KEY = ['monitoring', 'jobs'] as const;

export function useImportMappings() {
  return useQuery({
    queryKey: MAPPINGS_KEY,
    queryFn: ({ signal }) => api.get<{ items: ImportMapping[] }>('/import-mappings', undefined, signal),
  });
}

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportMappingInput) => api.post<ImportMapping>('/import-mappings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MAPPINGS_KEY }),
  });
}

export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(`/import-mappings/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MAPPINGS_KEY }),
  });
}

const running = (job: Job | undefined) =>
  job !== undefined && (job.status === 'queued' || job.status === 'running');

/** Recent imports, newest first; polled every second while one of them runs. */
export function useImportJobs() {
  return useQuery({
    queryKey: [...JOBS_KEY, { kind: 'import' }],
    queryFn: ({ signal }) => api.get<{ items: Job[] }>('/monitoring/jobs', { kind: 'import' }, signal),
    refetchInterval: (query) => (query.state.data?.items.some(running) ? 1000 : false),
  });
}

/** One job, polled every second until it is done or failed. */
export function useJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...JOBS_KEY, 'one', id],
    queryFn: async ({ signal }) => {
      const job = await api.get<Job>(`/monitoring/jobs/${id ?? ''}`, undefined, signal);
      if (!running(job)) void queryClient.invalidateQueries({ queryKey: [...JOBS_KEY, { kind: 'import' }] });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data === undefined || running(query.state.data) ? 1000 : false),
  });
}

export interface UploadParams {
  file: File;
  format: ImportFormat;
  timezone?: string | undefined;
  /** `{our field: their column}`; omitted when the header is ours. */
  mapping?: Record<string, string> | undefined;
}

export interface Upload {
  /** Resolves with the queued job; rejects with an ApiError (status 0 for no answer, `aborted` when cancelled). */
  done: Promise<Job>;
  abort: () => void;
}

/**
 * Sends the file itself as the body with XMLHttpRequest, because fetch cannot report upload
 * progress; the browser streams it from disk, nothing is read into memory here. A fresh CSRF token
 * is taken from the session first (a long upload must not fail on a stale one).
 */
export function uploadImport(
  params: UploadParams,
  onProgress: (sent: number, total: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const done = (async () => {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrf_token);
    const query = new URLSearchParams({ format: params.format, name: params.file.name });
    if (params.timezone) query.set('timezone', params.timezone);
    if (params.mapping && Object.keys(params.mapping).length > 0)
      query.set('mapping', JSON.stringify(params.mapping));
    return new Promise<Job>((resolve, reject) => {
      if (aborted) return reject(new ApiError({ status: 0, code: 'aborted', message: 'aborted' }));
      xhr.open('POST', `/api/v1/imports?${query.toString()}`);
      xhr.withCredentials = true;
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('x-csrf-token', session.csrf_token);
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : params.file.size);
      xhr.onerror = () =>
        reject(new ApiError({ status: 0, code: 'network_error', message: 'network error' }));
      xhr.onabort = () => reject(new ApiError({ status: 0, code: 'aborted', message: 'aborted' }));
      xhr.onload = () => {
        const headers = new Headers();
        const type = xhr.getResponseHeader('content-type');
        if (type) headers.set('content-type', type);
        const retry = xhr.getResponseHeader('retry-after');
        if (retry) headers.set('retry-after', retry);
        const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers,
        });
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            resolve(JSON.parse(xhr.responseText) as Job);
          } catch {
            reject(new ApiError({ status: xhr.status, code: 'bad_response', message: xhr.statusText }));
          }
        } else void errorFromResponse(response).then(reject);
      };
      xhr.send(params.file);
    });
  })();
  return {
    done,
    abort: () => {
      aborted = true;
      xhr.abort();
    },
  };
}

/** Where the rejected records of an import download from. */
export const rejectedCsvUrl = (jobId: string) => `/api/v1/imports/${jobId}/rejected.csv`;
