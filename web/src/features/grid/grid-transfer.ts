import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GridImportReport } from '../../../../src/contract/grid-transfer.schema';
import { CONTENT_TYPES, type TransferFormat } from '../../../../src/contract/org-transfer.schema';
import { api } from '../../api/api-client';
import { fileFormat } from '../../api/import-problems';
import { GRID_KEY } from './grid.queries';

/** Where the browser downloads the grid from: a plain link, so the session cookie goes along. */
export const gridExportUrl = (format: TransferFormat) => `/api/v1/grid/export?format=${format}`;

/** Sends the file; a dry run checks and counts, the real run writes and refreshes the grid. */
export function useGridImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const format = fileFormat(file);
      return api.upload<GridImportReport>('/grid/import', file, CONTENT_TYPES[format], {
        format,
        dry_run: String(dryRun),
      });
    },
    onSuccess: (report) => {
      if (!report.dry_run) void queryClient.invalidateQueries({ queryKey: GRID_KEY });
    },
  });
}
