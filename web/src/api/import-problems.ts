import type { ImportProblem, TransferFormat } from '../../../src/contract/org-transfer.schema';
import { ApiError } from './api-error';

/** A spreadsheet's format by its name: `.csv` is CSV, anything else is tried as XLSX. */
export const fileFormat = (file: File): TransferFormat => (/\.csv$/i.test(file.name) ? 'csv' : 'xlsx');

/**
 * Every bad row a refused import names (`details.problems` of a 422 `import_refused`), or null for
 * any other failure. The organization's and the grid's imports answer alike.
 */
export function importProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_refused') return null;
  const list = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(list) ? (list as ImportProblem[]) : [];
}
