import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CONTENT_TYPES,
  type OrgImportReport,
  type OrgKind,
} from '../../../../src/contract/org-transfer.schema';
import { api } from '../../api/api-client';
import { fileFormat } from '../../api/import-problems';

export type { OrgKind };

/** Where the browser downloads an export from (a plain link: the session cookie goes along). */
export const exportUrl = (format: 'xlsx' | 'csv', kind?: OrgKind) =>
  `/api/v1/org/export?format=${format}${kind ? `&kind=${kind}` : ''}`;

/** Sends the file; a dry run checks and counts, the real run writes and refreshes the organization. */
export function useOrgImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, dryRun }: { file: File; kind: OrgKind | null; dryRun: boolean }) => {
      const format = fileFormat(file);
      return api.upload<OrgImportReport>('/org/import', file, CONTENT_TYPES[format], {
        format,
        dry_run: String(dryRun),
        kind: format === 'csv' ? kind : null,
      });
    },
    onSuccess: (report) => {
      if (!report.dry_run) void queryClient.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
