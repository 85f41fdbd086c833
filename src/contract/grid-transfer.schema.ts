import { z } from 'zod';
import { DryRunFlag, TransferFormat } from './org-transfer.schema';

/** The service grid as a spreadsheet (docs/formats/grid.md): query parameters and the import report. */

export const GridExportQuery = z.object({ format: TransferFormat.default('xlsx') });
export type GridExportQuery = z.infer<typeof GridExportQuery>;

export const GridImportQuery = z.object({
  format: TransferFormat.optional().meta({
    description: 'Defaults to the Content-Type, then to the content (an XLSX file is a zip)',
  }),
  dry_run: DryRunFlag,
});
export type GridImportQuery = z.infer<typeof GridImportQuery>;

/** What a grid import changed (or, on a dry run, would change), in cells. */
export const GridImportReport = z
  .object({
    dry_run: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    deleted: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'GridImportReport' });
export type GridImportReport = z.infer<typeof GridImportReport>;
