import { OrgCode } from '../../contract/unit.schema';
import type { ImportProblem } from '../../contract/org-transfer.schema';
import { columnLetter, type TableSheet } from '../files/table-file';
import { bindColumns, splitList, type RowReader } from '../org-transfer/org-columns';

/** The sheets of the workbook (docs/formats/grid.md); a CSV's problems name the sheet `CSV`. */
export const GRID_SHEET = 'Grid';
export const DETAILS_SHEET = 'Details';
export const CSV_SHEET = 'CSV';

export const RECIPIENT_CODE = 'recipient_code';
export const RECIPIENT_NAME = 'recipient_name';

/** The Details layout: one row per non-empty cell; a CSV is this layout. */
export const DETAILS_COLUMNS = [
  'provider_kind',
  'provider_code',
  'recipient_code',
  'support_types',
  'instructions',
  'expected_response',
  'contact_code',
] as const;
export type DetailsColumn = (typeof DETAILS_COLUMNS)[number];

export type ProviderKind = 'unit' | 'employee';

/** Where a value sits in the file, for problems. */
export interface Place {
  sheet: string;
  line: number;
  column?: string | undefined;
  field: string;
  code?: string | undefined;
}

/** The free text of a cell, from a Details row (or a CSV row). */
export interface WantedDetails {
  reader: RowReader<DetailsColumn>;
  sheet: string;
  instructions: string | null;
  expectedResponse: string | null;
  contactCode: string | null;
  /** The Details row's support_types, when filled: must agree with the Grid sheet's cell. */
  typeTexts: string[] | undefined;
}

/**
 * What the file says about one (provider, recipient) pair: the support types as written (codes or
 * names; none = remove the cell) and, when the file carries them, the free-text details
 * (`undefined` = keep what Etalon has).
 */
export interface WantedCell {
  providerKind: ProviderKind;
  providerCode: string;
  recipientCode: string;
  typeTexts: string[];
  /** The cell itself (its support types). */
  at: Place;
  /** Where the recipient and the provider are named: problems with them are reported there, once. */
  recipientAt: Place;
  providerAt: Place;
  details: WantedDetails | null | undefined;
}

/** `HR` or `unit:HR` → a unit, `employee:E1` → an employee; anything else is undefined. */
export function parseProviderHeader(text: string): { kind: ProviderKind; code: string } | undefined {
  const match = /^(unit|employee):(.*)$/i.exec(text);
  const kind = (match ? match[1]!.toLowerCase() : 'unit') as ProviderKind;
  const code = OrgCode.safeParse(match ? match[2]! : text);
  return code.success ? { kind, code: code.data } : undefined;
}

/** How a provider is written as a Grid column: a unit by its code, an employee as `employee:CODE`. */
export const providerHeader = (kind: ProviderKind, code: string) =>
  kind === 'unit' ? code : `employee:${code}`;

export const pairKey = (kind: ProviderKind, providerCode: string, recipientCode: string) =>
  `${kind}:${providerCode}→${recipientCode}`;

/**
 * Reads the Grid matrix (recipients down, providers across; the row under the header, when its
 * recipient_code is empty, holds names and is not read) into one wanted cell per matrix cell.
 */
export function readGridSheet(sheet: TableSheet): { problems: ImportProblem[]; cells: WantedCell[] } {
  const problems: ImportProblem[] = [];
  const cells: WantedCell[] = [];
  const at = (line: number, i: number | undefined, field: string, message: string, code?: string) =>
    problems.push({
      sheet: sheet.name,
      line,
      ...(code === undefined ? {} : { code }),
      field,
      ...(i === undefined ? {} : { column: columnLetter(i + 1) }),
      message,
    });
  let recipientAt: number | undefined;
  const providers: { i: number; kind: ProviderKind; code: string; header: string }[] = [];
  const seenProviders = new Map<string, number>();
  sheet.header.forEach((header, i) => {
    const name = header.toLowerCase();
    if (name === RECIPIENT_CODE) recipientAt = i;
    else if (name === RECIPIENT_NAME) return;
    else {
      const provider = parseProviderHeader(header);
      if (!provider) {
        at(
          sheet.headerLine,
          i,
          header,
          `"${header}" is not a provider: a unit code, or employee:CODE for an employee`,
        );
        return;
      }
      const key = `${provider.kind}:${provider.code}`;
      const first = seenProviders.get(key);
      if (first !== undefined)
        at(
          sheet.headerLine,
          i,
          header,
          `provider ${header} has two columns (${columnLetter(first + 1)} and ${columnLetter(i + 1)})`,
        );
      seenProviders.set(key, i);
      providers.push({ i, ...provider, header });
    }
  });
  if (recipientAt === undefined) {
    at(sheet.headerLine, undefined, RECIPIENT_CODE, `the required column "${RECIPIENT_CODE}" is missing`);
    return { problems, cells };
  }
  const seenRecipients = new Map<string, number>();
  for (const [n, row] of sheet.rows.entries()) {
    const text = row.cells[recipientAt] ?? '';
    if (n === 0 && row.line === sheet.headerLine + 1 && text === '') continue; // the names row
    if (text === '') {
      at(row.line, recipientAt, RECIPIENT_CODE, 'a recipient unit code is required');
      continue;
    }
    const code = OrgCode.safeParse(text);
    if (!code.success) {
      at(row.line, recipientAt, RECIPIENT_CODE, `"${text}" is not a unit code`, text);
      continue;
    }
    const first = seenRecipients.get(code.data);
    if (first !== undefined) {
      at(
        row.line,
        recipientAt,
        RECIPIENT_CODE,
        `unit ${code.data} has two rows (first on line ${first})`,
        code.data,
      );
      continue;
    }
    seenRecipients.set(code.data, row.line);
    const recipientPlace: Place = {
      sheet: sheet.name,
      line: row.line,
      column: columnLetter(recipientAt + 1),
      field: RECIPIENT_CODE,
      code: code.data,
    };
    for (const p of providers) {
      cells.push({
        providerKind: p.kind,
        providerCode: p.code,
        recipientCode: code.data,
        typeTexts: splitList(row.cells[p.i] ?? ''),
        at: {
          sheet: sheet.name,
          line: row.line,
          column: columnLetter(p.i + 1),
          field: p.header,
          code: code.data,
        },
        recipientAt: recipientPlace,
        providerAt: {
          sheet: sheet.name,
          line: sheet.headerLine,
          column: columnLetter(p.i + 1),
          field: p.header,
        },
        details: undefined,
      });
    }
  }
  return { problems, cells };
}

/**
 * Reads Details rows (or a CSV in that layout). With `grid` (the workbook's Grid cells), each row
 * must belong to a non-empty Grid cell and fills in its free text; without, each row is a wanted
 * cell of its own (empty support_types = remove the cell).
 */
export function readDetailsSheet(
  sheet: TableSheet,
  grid: Map<string, WantedCell> | undefined,
): { problems: ImportProblem[]; cells: WantedCell[] } {
  const required: DetailsColumn[] = [
    'provider_code',
    'recipient_code',
    ...(grid ? [] : ['support_types' as const]),
  ];
  const bound = bindColumns<DetailsColumn>(sheet, DETAILS_COLUMNS, required);
  const problems = [...bound.problems];
  const cells: WantedCell[] = [];
  if (problems.length > 0) return { problems, cells };
  const seen = new Map<string, number>();
  for (const reader of bound.rows) {
    const bad = (field: DetailsColumn, message: string, code?: string) =>
      problems.push({
        sheet: sheet.name,
        line: reader.line,
        ...(code ? { code } : {}),
        field,
        ...(reader.letter(field) ? { column: reader.letter(field) } : {}),
        message,
      });
    const place = (field: DetailsColumn): Place => ({
      sheet: sheet.name,
      line: reader.line,
      column: reader.letter(field),
      field,
      code: reader.get('recipient_code'),
    });
    const kindText = (reader.get('provider_kind') ?? '').toLowerCase() || 'unit';
    if (kindText !== 'unit' && kindText !== 'employee') {
      bad('provider_kind', `"${reader.get('provider_kind')}" is not a provider kind: unit or employee`);
      continue;
    }
    const kind = kindText as ProviderKind;
    const providerCode = OrgCode.safeParse(reader.get('provider_code') ?? '');
    const recipientCode = OrgCode.safeParse(reader.get('recipient_code') ?? '');
    if (!providerCode.success) bad('provider_code', `"${reader.get('provider_code') ?? ''}" is not a code`);
    if (!recipientCode.success)
      bad('recipient_code', `"${reader.get('recipient_code') ?? ''}" is not a code`);
    if (!providerCode.success || !recipientCode.success) continue;
    const key = pairKey(kind, providerCode.data, recipientCode.data);
    const pair = `${providerHeader(kind, providerCode.data)} → ${recipientCode.data}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad('provider_code', `the cell ${pair} is listed twice (first on line ${first})`, recipientCode.data);
      continue;
    }
    seen.set(key, reader.line);
    const typesText = reader.get('support_types');
    const nullable = (column: DetailsColumn) => {
      const text = reader.get(column);
      return text === undefined || text === '' ? null : text;
    };
    const details: WantedDetails = {
      reader,
      sheet: sheet.name,
      instructions: nullable('instructions'),
      expectedResponse: nullable('expected_response'),
      contactCode: nullable('contact_code'),
      typeTexts: typesText === undefined || typesText === '' ? undefined : splitList(typesText),
    };
    if (grid) {
      const cell = grid.get(key);
      if (!cell || cell.typeTexts.length === 0) {
        bad(
          'provider_code',
          `a Details row for the cell ${pair}, which is ${cell ? 'empty' : 'not'} in the ${GRID_SHEET} sheet`,
          recipientCode.data,
        );
        continue;
      }
      cell.details = details;
    } else {
      cells.push({
        providerKind: kind,
        providerCode: providerCode.data,
        recipientCode: recipientCode.data,
        typeTexts: details.typeTexts ?? [],
        at: place('support_types'),
        recipientAt: place('recipient_code'),
        providerAt: place('provider_code'),
        details: { ...details, typeTexts: undefined },
      });
    }
  }
  return { problems, cells };
}
