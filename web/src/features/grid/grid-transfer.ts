import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../src/contract/auth.schema';
import type { GridImportReport } from '../../../../src/contract/grid-transfer.schema';
import {
  CONTENT_TYPES,
  type ImportProblem,
  type TransferFormat,
} from '../../../../src/contract/org-transfer.schema';
import { ApiError, errorFromResponse } from '../../api/api-error';
import { SESSION_KEY } from '../auth/session.queries';
import { GRID_KEY } from './grid.queries';

export type GridFileFormat = TransferFormat;
export type { GridImportReport };
/** One bad cell of a refused import (`details.problems` of a 422 `import_refused`). */
export type GridImportProblem = ImportProblem;

export const fileFormat = (file: File): GridFileFormat => (/\.csv$/i.test(file.name) ? 'csv' : 'xlsx');

/** Where the browser downloads the grid from: a plain link, so the session cookie goes along. */
export const gridExportUrl = (format: GridFileFormat) => `/api/v1/grid/export?format=${format}`;

/** Every bad cell a refused import names, or null for any other failure. */
export function importProblems(error: unknown): GridImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_refused') return null;
  const list = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(list) ? (list as GridImportProblem[]) : [];
}

/**
 * Sends the spreadsheet itself as the body (the JSON client cannot) with the session's CSRF
 * token. A dry run checks and counts; the real run writes and refreshes everything of the grid.
 */
export function useGridImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const format = fileFormat(file);
      const params = new URLSearchParams({ format, dry_run: String(dryRun) });
      const csrf = queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrf_token;
      let response: Response;
      try {
        response = await fetch(`/api/v1/grid/import?${params}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': CONTENT_TYPES[format],
            accept: 'application/json',
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
          },
          body: file,
        });
      } catch (e) {
        throw new ApiError({ status: 0, code: 'network_error', message: String(e) });
      }
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json()) as GridImportReport;
    },
    onSuccess: (report) => {
      if (!report.dry_run) void queryClient.invalidateQueries({ queryKey: GRID_KEY });
    },
  });
}
