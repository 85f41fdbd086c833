import type ExcelJS from 'exceljs';

/**
 * exceljs is loaded on first use: it is the heaviest library here (~0.4 s to load), and most
 * processes — every CLI command but the workbook ones — never read or write a workbook.
 */
const loadExcel = async () => (await import('exceljs')).default;
import { CsvRows, CsvSyntaxError } from './csv-rows';

/**
 * Tables people edit in a spreadsheet: a CSV file (one sheet) or an XLSX workbook (named sheets),
 * read into rows of text cells with their 1-based line (CSV) or row (XLSX) numbers, and written back.
 * The importers (organization, grid) give meaning to the cells; this layer only reads and writes.
 */

export type TableFormat = 'csv' | 'xlsx';

/** A row of cells as text (trimmed), on its 1-based line; cells beyond the header are dropped. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** One sheet: its name, the header row (trimmed cells, as written) and the rows below it. */
export interface TableSheet {
  name: string;
  /** The line the header is on (the first non-empty line). */
  headerLine: number;
  header: string[];
  rows: TableRow[];
}

/** A problem reading the file itself, before any meaning is given to cells. */
export interface TableProblem {
  sheet: string;
  line: number;
  column?: string;
  message: string;
}

/** The sheets read, or every problem that prevented reading them. */
export type TableReadResult =
  { ok: true; format: TableFormat; sheets: TableSheet[] } | { ok: false; problems: TableProblem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** `xlsx` when the bytes start like a zip file (`PK\x03\x04`), else `csv`; an explicit format wins. */
export function detectTableFormat(bytes: Uint8Array, explicit?: TableFormat): TableFormat {
  if (explicit) return explicit;
  return ZIP_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

/**
 * Reads a CSV (UTF-8, a BOM tolerated; the sheet is called `csvSheet`) or an XLSX workbook.
 * A header must name every column once; rows with a cell beyond the header, or CSV rows with a
 * different number of cells, are problems with their line. Blank rows are skipped.
 */
export async function readTableFile(
  bytes: Uint8Array,
  options: { format?: TableFormat; csvSheet: string },
): Promise<TableReadResult> {
  const format = detectTableFormat(bytes, options.format);
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes, options.csvSheet);
}

function readCsv(bytes: Uint8Array, sheet: string): TableReadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problems: [{ sheet, line: 1, message: 'the file is not UTF-8 text: save it as "CSV UTF-8"' }],
    };
  }
  const raw: TableRow[] = [];
  try {
    new CsvRows().feed(text, true, (cells, line) => raw.push({ line, cells }));
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return { ok: false, problems: [{ sheet, line: e.line, message: e.message }] };
    throw e;
  }
  const head = raw.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (head && head.cells.length === 1 && head.cells[0]!.includes(';')) {
    return {
      ok: false,
      problems: [
        {
          sheet,
          line: head.line,
          message:
            'the columns are separated by semicolons (Excel does so in some locales): separate them with commas, or import the XLSX workbook instead',
        },
      ],
    };
  }
  return toSheets([{ name: sheet, rows: raw }], true, 'csv');
}

async function readXlsx(bytes: Uint8Array): Promise<TableReadResult> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs's types want a Node Buffer; a Uint8Array view of the same bytes is one.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [{ sheet: '', line: 0, message: `not a readable XLSX workbook (${why})` }],
    };
  }
  const sheets: { name: string; rows: TableRow[] }[] = [];
  const problems: TableProblem[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const text = cellText(cell.value);
        if (text === undefined) {
          problems.push({
            sheet: worksheet.name,
            line,
            column: columnLetter(column),
            message: `cell ${columnLetter(column)}${line} holds an error value (${String(cell.text)})`,
          });
          return;
        }
        cells[column - 1] = text;
      });
      rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
    sheets.push({ name: worksheet.name, rows });
  });
  if (problems.length > 0) return { ok: false, problems };
  return toSheets(sheets, false, 'xlsx');
}

/**
 * The text a person sees in a cell: numbers as written (no thousands separators), rich text and
 * hyperlinks by their text, formulas by their result, dates as `YYYY-MM-DD[THH:MM:SS]`.
 * `undefined` for an error value (`#N/A`…).
 */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if ('error' in value) return undefined;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return value.hyperlink;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && 'error' in result) return undefined;
    return cellText(result as ExcelJS.CellValue);
  }
  return String(value as unknown);
}

/** 1 → A, 27 → AA: how Excel names a column. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function toSheets(
  input: { name: string; rows: TableRow[] }[],
  csv: boolean,
  format: TableFormat,
): TableReadResult {
  const problems: TableProblem[] = [];
  const sheets: TableSheet[] = [];
  for (const { name, rows } of input) {
    const nonBlank = rows
      .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== ''));
    const [head, ...body] = nonBlank;
    if (!head) {
      sheets.push({ name, headerLine: 1, header: [], rows: [] });
      continue;
    }
    // Trailing empty header cells (a spreadsheet's formatting) are not columns.
    const header = [...head.cells];
    while (header.length > 0 && header.at(-1) === '') header.pop();
    const seen = new Map<string, number>();
    header.forEach((h, i) => {
      const where = { sheet: name, line: head.line, column: columnLetter(i + 1) };
      if (h === '')
        problems.push({ ...where, message: `column ${columnLetter(i + 1)} has no name in the header` });
      const key = h.toLowerCase();
      const first = seen.get(key);
      if (h !== '' && first !== undefined)
        problems.push({
          ...where,
          message: `the header names "${h}" twice (columns ${columnLetter(first + 1)} and ${columnLetter(i + 1)})`,
        });
      seen.set(key, i);
    });
    const out: TableRow[] = [];
    for (const row of body) {
      const extra = row.cells.slice(header.length).some((c) => c !== '');
      if (extra) {
        problems.push({
          sheet: name,
          line: row.line,
          message: `a cell beyond the ${header.length} column(s) of the header`,
        });
        continue;
      }
      if (csv && row.cells.length < header.length) {
        problems.push({
          sheet: name,
          line: row.line,
          message: `${row.cells.length} cell(s) where the header has ${header.length}`,
        });
        continue;
      }
      const cells = row.cells.slice(0, header.length);
      while (cells.length < header.length) cells.push('');
      out.push({ line: row.line, cells });
    }
    sheets.push({ name, headerLine: head.line, header, rows: out });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, format, sheets };
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────────

/** A sheet to write: its name, header and rows of text cells. */
export interface SheetOut {
  name: string;
  header: readonly string[];
  /** XLSX only: a second header row (e.g. the names behind the codes), italic and frozen too. */
  subheader?: readonly string[];
  /** XLSX only: how many columns on the left stay in view when scrolling right (default none). */
  frozenColumns?: number;
  rows: readonly (readonly string[])[];
}

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV: CRLF line ends, a cell quoted when it holds a comma, quote, line break or starts or
 * ends with a space, quotes doubled. UTF-8 with a byte-order mark, so Excel opens Cyrillic right
 * (our reader and most others skip the mark).
 */
export function writeCsv(sheet: Pick<SheetOut, 'header' | 'rows'>): Buffer {
  const line = (cells: readonly string[]) => cells.map(csvCell).join(',');
  const text = [line(sheet.header), ...sheet.rows.map(line)].map((l) => `${l}\r\n`).join('');
  return Buffer.from(BOM + text, 'utf8');
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * An XLSX workbook: one worksheet per sheet, a bold header row frozen in place, columns as wide as
 * their longest text (between 8 and 60 characters), every cell text (so codes like `0042` stay as
 * written, and new cells typed in those columns are text too).
 */
export async function writeXlsx(sheets: readonly SheetOut[], created: Date): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Etalon';
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of sheets) {
    const ySplit = sheet.subheader ? 2 : 1;
    const xSplit = sheet.frozenColumns ?? 0;
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit, xSplit }] });
    const heads = [sheet.header, ...(sheet.subheader ? [sheet.subheader] : [])];
    worksheet.columns = sheet.header.map((h, i) => {
      const longest = [...heads, ...sheet.rows].reduce((n, r) => Math.max(n, longestLine(r[i] ?? '')), 0);
      return { header: h, width: Math.min(60, Math.max(8, longest + 2)), style: { numFmt: '@' } };
    });
    if (sheet.subheader) worksheet.addRow([...sheet.subheader]).font = { italic: true };
    for (const row of sheet.rows) worksheet.addRow([...row]);
    worksheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const longestLine = (text: string) => text.split('\n').reduce((n, l) => Math.max(n, l.length), 0);
