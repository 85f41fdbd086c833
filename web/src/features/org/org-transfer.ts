import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../src/contract/auth.schema';
import { ApiError, errorFromResponse } from '../../api/api-error';
import { SESSION_KEY } from '../auth/session.queries';

/** The shapes of `POST /api/v1/org/import` (see src/contract/org-transfer.schema.ts). */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface OrgImportReport {
  dry_run: boolean;
  units: ImportCounts;
  employees: ImportCounts;
}
export interface ImportProblem {
  sheet: string;
  line: number;
  code?: string;
  field: string;
  column?: string;
  message: string;
}
export type OrgKind = 'units' | 'employees';

const TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const formatOf = (file: File): 'csv' | 'xlsx' => (/\.csv$/i.test(file.name) ? 'csv' : 'xlsx');

/** Where the browser downloads an export from (a plain link: the session cookie goes along). */
export const exportUrl = (format: 'xlsx' | 'csv', kind?: OrgKind) =>
  `/api/v1/org/export?format=${format}${kind ? `&kind=${kind}` : ''}`;

/** The rows a refused import lists in `details.problems`, or null for any other failure. */
export function importProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_refused') return null;
  const list = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(list) ? (list as ImportProblem[]) : [];
}

/**
 * Sends the file itself as the request body (the JSON client cannot), with the session's CSRF
 * token; a dry run checks and counts, the real run writes and refreshes the organization.
 */
export function useOrgImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind, dryRun }: { file: File; kind: OrgKind | null; dryRun: boolean }) => {
      const format = formatOf(file);
      const params = new URLSearchParams({ format, dry_run: String(dryRun) });
      if (format === 'csv' && kind) params.set('kind', kind);
      const csrf = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrf_token;
      let response: Response;
      try {
        response = await fetch(`/api/v1/org/import?${params}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': TYPES[format],
            accept: 'application/json',
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
          },
          body: file,
        });
      } catch (e) {
        throw new ApiError({ status: 0, code: 'network_error', message: String(e) });
      }
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json()) as OrgImportReport;
    },
    onSuccess: (report) => {
      if (!report.dry_run) void queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
