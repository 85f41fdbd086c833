import type { ImportProblem } from '../../contract/org-transfer.schema';
import { columnLetter, type TableRow, type TableSheet } from '../files/table-file';

/** The columns of each sheet, in the order an export writes them (docs/formats/organization.md). */
export const UNIT_COLUMNS = [
  'code',
  'name_ru',
  'name_en',
  'parent_code',
  'timezone',
  'calendar',
  'contact_email',
  'contact_phone',
  'contact_chat',
  'contact_url',
  'contact_note',
  'head_codes',
  'status',
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

export const EMPLOYEE_COLUMNS = [
  'code',
  'name_ru',
  'name_en',
  'position',
  'unit_code',
  'email',
  'extensions',
  'user_email',
  'status',
] as const;
export type EmployeeColumn = (typeof EMPLOYEE_COLUMNS)[number];

/** The sheet names of the workbook; a CSV is named after its kind the same way in problems. */
export const UNITS_SHEET = 'Units';
export const EMPLOYEES_SHEET = 'Employees';

/** Reads the cells of a row by column name; `undefined` when the file has no such column. */
export interface RowReader<C extends string> {
  line: number;
  get(column: C): string | undefined;
  /** The spreadsheet letter of a column present in the file. */
  letter(column: C): string | undefined;
}

/**
 * Matches a header against the known columns, case-insensitively. Unknown columns, a column that
 * is required but missing, and a sheet without a name column are problems on the header line.
 */
export function bindColumns<C extends string>(
  sheet: TableSheet,
  known: readonly C[],
  required: readonly C[],
): { problems: ImportProblem[]; rows: RowReader<C>[] } {
  const problems: ImportProblem[] = [];
  const index = new Map<C, number>();
  sheet.header.forEach((name, i) => {
    const column = known.find((k) => k === name.toLowerCase());
    if (column === undefined) {
      problems.push({
        sheet: sheet.name,
        line: sheet.headerLine,
        field: name,
        column: columnLetter(i + 1),
        message: `unknown column "${name}"; the columns are ${known.join(', ')}`,
      });
    } else index.set(column, i);
  });
  for (const column of required) {
    if (!index.has(column))
      problems.push({
        sheet: sheet.name,
        line: sheet.headerLine,
        field: column,
        message: `the required column "${column}" is missing`,
      });
  }
  const names = ['name_ru', 'name_en'] as C[];
  if (known.includes(names[0]!) && !names.some((n) => index.has(n)))
    problems.push({
      sheet: sheet.name,
      line: sheet.headerLine,
      field: 'name_ru',
      message: 'a name column is missing: name_ru, name_en or both',
    });
  const rows = sheet.rows.map((row: TableRow): RowReader<C> => ({
    line: row.line,
    get: (column) => {
      const i = index.get(column);
      return i === undefined ? undefined : row.cells[i];
    },
    letter: (column) => {
      const i = index.get(column);
      return i === undefined ? undefined : columnLetter(i + 1);
    },
  }));
  return { problems, rows };
}

/** `a; b;;c ` → `['a', 'b', 'c']`: the list cells (head codes, extensions). */
export const splitList = (text: string) =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** How list cells are written: `a; b`. */
export const joinList = (items: readonly string[]) => items.join('; ');
