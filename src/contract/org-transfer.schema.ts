import { z } from 'zod';

/**
 * Spreadsheet import and export (docs/formats/organization.md, docs/formats/grid.md): the query
 * parameters, the report of an import, and the problems of a refused one. The grid's transfer
 * reuses the format, the flag and the problem shape.
 */

export const TransferFormat = z.enum(['xlsx', 'csv']);
export type TransferFormat = z.infer<typeof TransferFormat>;

/** The content types an import body may have, and what an export answers with. */
export const CONTENT_TYPES: Record<TransferFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A query flag is the text `true` or `false` (`z.coerce.boolean` would read "false" as true). */
export const DryRunFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true')
  .meta({ description: 'Validate and count without writing anything' });

/** Which table of the organization a CSV holds (an XLSX workbook holds both, one sheet each). */
export const OrgKind = z.enum(['units', 'employees']);
export type OrgKind = z.infer<typeof OrgKind>;

export const OrgExportQuery = z
  .object({
    format: TransferFormat.default('xlsx'),
    kind: OrgKind.optional().meta({ description: 'Required for csv; for xlsx, only that sheet' }),
  })
  .refine((q) => q.format !== 'csv' || q.kind !== undefined, {
    path: ['kind'],
    message: 'kind (units or employees) is required for csv',
  });
export type OrgExportQuery = z.infer<typeof OrgExportQuery>;

export const OrgImportQuery = z.object({
  format: TransferFormat.optional().meta({
    description: 'Defaults to the Content-Type, then to the content (an XLSX file is a zip)',
  }),
  kind: OrgKind.optional().meta({ description: 'Required for csv; for xlsx, read only that sheet' }),
  dry_run: DryRunFlag,
});
export type OrgImportQuery = z.infer<typeof OrgImportQuery>;

/**
 * One bad row (or header, or cell) of a refused import: the sheet (`Units`, `Employees`, `Grid`…;
 * a CSV is named after its kind), the 1-based line or row, the row's code when it has one, the
 * column (field) and why. Example: `{sheet:'Units', line:7, code:'HR-PAY', field:'parent_code',
 * message:'no unit with code HR-PAYY'}`.
 */
export const ImportProblem = z
  .object({
    sheet: z.string(),
    line: z.number().int(),
    code: z.string().optional(),
    field: z.string(),
    column: z.string().optional().meta({ description: 'The spreadsheet column letter, when known' }),
    message: z.string(),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** What an import changed (or, on a dry run, would change). */
export const OrgImportReport = z
  .object({
    dry_run: z.boolean(),
    units: ImportCounts,
    employees: ImportCounts,
  })
  .meta({ id: 'OrgImportReport' });
export type OrgImportReport = z.infer<typeof OrgImportReport>;
