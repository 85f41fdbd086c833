import { GridCellCreate } from '../../contract/grid.schema';
import type { ImportProblem } from '../../contract/org-transfer.schema';
import type { EmployeeRow } from '../../db/employee.repository';
import { providerKey, type GridCellRow } from '../../db/grid-cell.repository';
import type { SupportTypeRow } from '../../db/support-type.repository';
import type { UnitRow } from '../../db/unit.repository';
import { providerHeader, type Place, type WantedCell } from './grid-sheets';

/** The grid and the organization as they are, read inside the import's transaction. */
export interface GridState {
  units: readonly UnitRow[];
  employees: readonly EmployeeRow[];
  /** Every support type, in the vocabulary's order. */
  types: readonly SupportTypeRow[];
  cells: readonly GridCellRow[];
  /** cell id → its support type ids, in the vocabulary's order. */
  cellTypes: ReadonlyMap<string, readonly string[]>;
}

export interface GridChange {
  kind: 'create' | 'update' | 'delete' | 'unchanged';
  before: GridCellRow | undefined;
  beforeTypes: string[];
  /** The cell after the import (for a delete, the cell as it was). */
  after: GridCellRow;
  afterTypes: string[];
}

const LongText = GridCellCreate.shape.instructions;

/**
 * Checks every wanted cell against the grid and says what the file changes: a cell with support
 * types is created or updated, an empty one removes the stored cell, pairs the file does not cover
 * are not touched. Every problem is named once, where it is written (an unknown provider on its
 * column's header, an unknown type in its cell). Pure: reads nothing, writes nothing.
 */
export function planGridImport(
  state: GridState,
  wanted: readonly WantedCell[],
  options: { now: Date; newId: () => string },
): { problems: ImportProblem[]; changes: GridChange[] } {
  const at = options.now.toISOString();
  const problems = new Map<string, ImportProblem>();
  const report = (place: Place, message: string) => {
    const problem: ImportProblem = {
      sheet: place.sheet,
      line: place.line,
      ...(place.code ? { code: place.code } : {}),
      field: place.field,
      ...(place.column ? { column: place.column } : {}),
      message,
    };
    problems.set(JSON.stringify(problem), problem);
  };

  const units = new Map(state.units.map((u) => [u.code, u]));
  const employees = new Map(state.employees.map((e) => [e.code, e]));
  const typeOrder = new Map(state.types.map((t, i) => [t.id, i]));
  const cellsByKey = new Map(state.cells.map((c) => [`${c.provider_key}→${c.recipient_unit_id}`, c]));

  // A type is written by its code or either name, in any case; a name two types share is ambiguous.
  const typesByWord = new Map<string, SupportTypeRow[]>();
  for (const type of state.types) {
    for (const word of new Set([type.code, type.name_ru, type.name_en].map((w) => w?.toLowerCase()))) {
      if (word) typesByWord.set(word, [...(typesByWord.get(word) ?? []), type]);
    }
  }
  const exactCode = new Map(state.types.map((t) => [t.code, t]));
  const resolveTypes = (texts: readonly string[], place: Place): SupportTypeRow[] | undefined => {
    const out: SupportTypeRow[] = [];
    let ok = true;
    for (const text of texts) {
      const found = exactCode.get(text)
        ? [exactCode.get(text)!]
        : (typesByWord.get(text.toLowerCase()) ?? []);
      if (found.length !== 1) {
        ok = false;
        report(
          place,
          found.length === 0
            ? `unknown support type "${text}" (write its code, e.g. ${state.types[0]?.code ?? 'information'}, or its name)`
            : `"${text}" names ${found.length} support types (${found.map((t) => t.code).join(', ')}); write the code`,
        );
      } else if (out.includes(found[0]!)) {
        ok = false;
        report(place, `lists support type ${found[0]!.code} twice`);
      } else out.push(found[0]!);
    }
    return ok ? out.sort((a, b) => typeOrder.get(a.id)! - typeOrder.get(b.id)!) : undefined;
  };

  const changes: GridChange[] = [];
  for (const cell of wanted) {
    const recipient = units.get(cell.recipientCode);
    const provider =
      cell.providerKind === 'unit' ? units.get(cell.providerCode) : employees.get(cell.providerCode);
    if (!recipient) report(cell.recipientAt, `no unit with code ${cell.recipientCode}`);
    if (!provider)
      report(
        cell.providerAt,
        `no ${cell.providerKind} with code ${cell.providerCode}` +
          (cell.providerKind === 'unit' && employees.has(cell.providerCode)
            ? ` (an employee has it: write employee:${cell.providerCode})`
            : ''),
      );
    const types = resolveTypes(cell.typeTexts, cell.at);
    const details = cell.details;
    let detailsOk = true;
    if (details?.typeTexts) {
      const place = detailsPlace(details, 'support_types');
      const listed = resolveTypes(details.typeTexts, place);
      if (!listed) detailsOk = false;
      else if (types && listed.map((t) => t.id).join() !== types.map((t) => t.id).join()) {
        detailsOk = false;
        report(
          place,
          `support types ${listed.map((t) => t.code).join('; ')} differ from the Grid cell's (${types.map((t) => t.code).join('; ')}); correct one of them or empty this cell`,
        );
      }
    }
    for (const [field, value] of [
      ['instructions', details?.instructions],
      ['expected_response', details?.expectedResponse],
    ] as const) {
      const parsed = LongText.safeParse(value ?? null);
      if (!parsed.success) {
        detailsOk = false;
        report(detailsPlace(details!, field), `${value!.length} characters; 4000 at most`);
      }
    }
    let contact: EmployeeRow | undefined;
    if (details?.contactCode) {
      contact = employees.get(details.contactCode);
      if (!contact) {
        detailsOk = false;
        report(detailsPlace(details, 'contact_code'), `no employee with code ${details.contactCode}`);
      }
    }
    if (!recipient || !provider || !types || !detailsOk) continue;

    const key = `${providerKey(cell.providerKind, provider.id)}→${recipient.id}`;
    const existing = cellsByKey.get(key);
    const beforeTypes = existing ? [...(state.cellTypes.get(existing.id) ?? [])] : [];
    if (types.length === 0) {
      if (existing)
        changes.push({ kind: 'delete', before: existing, beforeTypes, after: existing, afterTypes: [] });
      continue;
    }
    if (cell.providerKind === 'unit' && provider.id === recipient.id) {
      report(cell.at, `unit ${recipient.code} cannot be its own provider`);
      continue;
    }
    const after: GridCellRow = {
      id: existing?.id ?? options.newId(),
      provider_kind: cell.providerKind,
      provider_unit_id: cell.providerKind === 'unit' ? provider.id : null,
      provider_employee_id: cell.providerKind === 'employee' ? provider.id : null,
      provider_key: providerKey(cell.providerKind, provider.id),
      recipient_unit_id: recipient.id,
      instructions:
        details === undefined ? (existing?.instructions ?? null) : (details?.instructions ?? null),
      expected_response:
        details === undefined ? (existing?.expected_response ?? null) : (details?.expectedResponse ?? null),
      contact_employee_id:
        details === undefined ? (existing?.contact_employee_id ?? null) : (contact?.id ?? null),
      created_at: existing?.created_at ?? at,
      updated_at: existing?.updated_at ?? at,
    };
    const afterTypes = types.map((t) => t.id);
    const same =
      existing !== undefined &&
      afterTypes.join() === beforeTypes.join() &&
      after.instructions === existing.instructions &&
      after.expected_response === existing.expected_response &&
      after.contact_employee_id === existing.contact_employee_id;
    if (same) {
      changes.push({ kind: 'unchanged', before: existing, beforeTypes, after, afterTypes });
      continue;
    }
    // What the grid service checks on a create or an update: only what changes.
    let ok = true;
    const who = providerHeader(cell.providerKind, cell.providerCode);
    if (!existing && recipient.status !== 'active') {
      ok = false;
      report(cell.recipientAt, `unit ${recipient.code} is archived`);
    }
    if (!existing && provider.status !== 'active') {
      ok = false;
      report(cell.providerAt, `${who} ${cell.providerKind === 'unit' ? 'is archived' : 'has left'}`);
    }
    for (const type of types) {
      if (type.status !== 'active' && !beforeTypes.includes(type.id)) {
        ok = false;
        report(cell.at, `support type ${type.code} is archived`);
      }
    }
    if (contact && contact.id !== existing?.contact_employee_id && contact.status !== 'active') {
      ok = false;
      report(detailsPlace(details!, 'contact_code'), `employee ${contact.code} has left`);
    }
    if (!ok) continue;
    after.updated_at = at;
    changes.push({ kind: existing ? 'update' : 'create', before: existing, beforeTypes, after, afterTypes });
  }
  return { problems: [...problems.values()], changes };
}

function detailsPlace(
  details: NonNullable<WantedCell['details']>,
  field: 'support_types' | 'instructions' | 'expected_response' | 'contact_code',
): Place {
  return {
    sheet: details.sheet,
    line: details.reader.line,
    column: details.reader.letter(field),
    field,
    code: details.reader.get('recipient_code'),
  };
}
