import { AppError, assertCan } from '../core';
import type { GridExportQuery, GridImportReport } from '../contract/grid-transfer.schema';
import { CONTENT_TYPES, type ImportProblem, type TransferFormat } from '../contract/org-transfer.schema';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { employeeRepository } from '../db/employee.repository';
import { gridCellRepository, type GridCellRow } from '../db/grid-cell.repository';
import { newId } from '../db/ids';
import { settingRepository } from '../db/setting.repository';
import { supportTypeRepository } from '../db/support-type.repository';
import { unitRepository } from '../db/unit.repository';
import { recordChange } from './audit-recorder';
import { readTableFile, writeCsv, writeXlsx, type SheetOut, type TableSheet } from './files/table-file';
import { planGridImport, type GridState } from './grid-transfer/grid-import.plan';
import {
  CSV_SHEET,
  DETAILS_COLUMNS,
  DETAILS_SHEET,
  GRID_SHEET,
  pairKey,
  providerHeader,
  readDetailsSheet,
  readGridSheet,
  RECIPIENT_CODE,
  RECIPIENT_NAME,
  type WantedCell,
} from './grid-transfer/grid-sheets';
import type { GridService } from './grid.service';
import { presentGridCell } from './grid-presenters';
import { refuseImport, type ExportedFile } from './org-transfer.service';
import { joinList } from './org-transfer/org-columns';
import { sortProblems } from './org-transfer/org-import.plan';
import type { CallContext, ServiceDeps } from './service-context';
import { TREE_LOCK } from './unit.service';

export interface GridImportOptions {
  format?: TransferFormat | undefined;
  dryRun: boolean;
}

const SHEET_ORDER = [GRID_SHEET, DETAILS_SHEET, CSV_SHEET];
const COUNTED = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' } as const;
const nameOf = (n: { ru: string | null; en: string | null }) => n.ru ?? n.en ?? '';

/**
 * The service grid to and from spreadsheets (docs/formats/grid.md): the matrix as the seed draws
 * it (sheet Grid) with the free text of each cell (sheet Details), or the Details layout as CSV.
 * An import is the truth for the pairs it covers, all or nothing, audited like the grid service.
 */
export function createGridTransferService(deps: ServiceDeps, grid: GridService) {
  const { db, clock } = deps;

  async function loadState(tx: Db): Promise<GridState> {
    const [units, employeeCount, types, cells, cellTypes] = await Promise.all([
      unitRepository.all(tx),
      employeeRepository.count(tx),
      supportTypeRepository.list(tx),
      gridCellRepository.all(tx),
      gridCellRepository.typesOf(tx),
    ]);
    const employees = await employeeRepository.list(tx, {}, { limit: employeeCount, offset: 0 });
    return { units, employees, types, cells, cellTypes };
  }

  /** The cell as the grid service's audit entries show it: the answer plus the codes it names. */
  function auditViews(state: GridState) {
    const unitCode = new Map(state.units.map((u) => [u.id, u.code]));
    const employeeCode = new Map(state.employees.map((e) => [e.id, e.code]));
    const typeCode = new Map(state.types.map((t) => [t.id, t.code]));
    const codeOf = (codes: Map<string, string>, id: string | null) =>
      id === null ? null : (codes.get(id) ?? null);
    return (row: GridCellRow, typeIds: readonly string[]) => {
      const cell = presentGridCell(row, typeIds);
      return {
        ...cell,
        provider: {
          ...cell.provider,
          code:
            row.provider_kind === 'unit'
              ? codeOf(unitCode, row.provider_unit_id)
              : codeOf(employeeCode, row.provider_employee_id),
        },
        recipient_unit_code: codeOf(unitCode, row.recipient_unit_id),
        support_type_codes: typeIds.map((id) => typeCode.get(id) ?? id),
        contact_employee_code: codeOf(employeeCode, row.contact_employee_id),
      };
    };
  }

  /**
   * Reads the file's sheets into wanted cells and the problems found on the way; refuses at once
   * only a file whose shape cannot be read (not a workbook, no Grid sheet, a missing column).
   */
  async function readWanted(
    bytes: Uint8Array,
    format: TransferFormat | undefined,
  ): Promise<{ wanted: WantedCell[]; problems: ImportProblem[] }> {
    const read = await readTableFile(bytes, { ...(format ? { format } : {}), csvSheet: CSV_SHEET });
    if (!read.ok) refuseImport(read.problems.map((p) => ({ ...p, field: p.column ?? '' })));
    const problems: ImportProblem[] = [];
    let wanted: WantedCell[] = [];
    if (read.format === 'csv') {
      const details = readDetailsSheet(read.sheets[0]!, undefined);
      problems.push(...details.problems);
      wanted = details.cells;
    } else {
      let gridSheet: TableSheet | undefined;
      let detailsSheet: TableSheet | undefined;
      for (const sheet of read.sheets) {
        const name = sheet.name.trim().toLowerCase();
        if (name === GRID_SHEET.toLowerCase()) gridSheet = sheet;
        else if (name === DETAILS_SHEET.toLowerCase()) detailsSheet = sheet;
        else
          problems.push({
            sheet: sheet.name,
            line: 0,
            field: '',
            message: `unknown sheet "${sheet.name}"; the workbook may hold ${GRID_SHEET} and ${DETAILS_SHEET}`,
          });
      }
      if (!gridSheet) {
        problems.push({ sheet: '', line: 0, field: '', message: `the workbook has no ${GRID_SHEET} sheet` });
      } else {
        const matrix = readGridSheet(gridSheet);
        problems.push(...matrix.problems);
        wanted = matrix.cells;
        if (detailsSheet) {
          const byKey = new Map(
            wanted.map((c) => [pairKey(c.providerKind, c.providerCode, c.recipientCode), c]),
          );
          problems.push(...readDetailsSheet(detailsSheet, byKey).problems);
          // With a Details sheet, a Grid cell without a Details row has no free text.
          for (const cell of wanted)
            if (cell.typeTexts.length > 0 && cell.details === undefined) cell.details = null;
        }
      }
    }
    if (wanted.length === 0 && problems.length > 0) refuseImport(sortProblems(problems, SHEET_ORDER));
    return { wanted, problems };
  }

  return {
    /** The grid as XLSX (sheets Grid and Details) or CSV (the Details layout). */
    async exportFile(ctx: CallContext, query: GridExportQuery): Promise<ExportedFile> {
      const matrix = await grid.matrix(ctx, {}); // asserts org.read
      const now = clock();
      const [rows, state] = await Promise.all([gridCellRepository.all(db), loadState(db)]);
      const rowById = new Map(rows.map((r) => [r.id, r]));
      const typeCode = new Map(matrix.support_types.map((t) => [t.id, t.code]));
      const unitCode = new Map(matrix.recipients.map((u) => [u.id, u.code]));
      const providerAt = new Map(matrix.providers.map((p, i) => [`${p.kind}:${p.id}`, i]));
      const employeeCode = new Map(state.employees.map((e) => [e.id, e.code]));
      const typesText = (ids: readonly string[]) => joinList(ids.map((id) => typeCode.get(id) ?? id));

      const details: string[][] = matrix.cells.map((cell) => {
        const row = rowById.get(cell.id)!;
        const provider = matrix.providers[providerAt.get(`${cell.provider_kind}:${cell.provider_id}`)!]!;
        return [
          cell.provider_kind,
          provider.code,
          unitCode.get(cell.recipient_unit_id)!,
          typesText(cell.support_type_ids),
          row.instructions ?? '',
          row.expected_response ?? '',
          row.contact_employee_id ? (employeeCode.get(row.contact_employee_id) ?? '') : '',
        ];
      });
      const day = now.toISOString().slice(0, 10);
      if (query.format === 'csv') {
        return {
          filename: `etalon-grid-${day}.csv`,
          contentType: `${CONTENT_TYPES.csv}; charset=utf-8`,
          body: writeCsv({ header: DETAILS_COLUMNS, rows: details }),
        };
      }
      const byRecipient = new Map<string, Map<number, string>>();
      for (const cell of matrix.cells) {
        const column = providerAt.get(`${cell.provider_kind}:${cell.provider_id}`)!;
        const line = byRecipient.get(cell.recipient_unit_id) ?? new Map<number, string>();
        line.set(column, typesText(cell.support_type_ids));
        byRecipient.set(cell.recipient_unit_id, line);
      }
      const unitById = new Map(matrix.recipients.map((u) => [u.id, u]));
      const gridSheet: SheetOut = {
        name: GRID_SHEET,
        header: [
          RECIPIENT_CODE,
          RECIPIENT_NAME,
          ...matrix.providers.map((p) => providerHeader(p.kind, p.code)),
        ],
        subheader: [
          '',
          '',
          ...matrix.providers.map((p) =>
            p.kind === 'unit' ? nameOf(p.name) : `${nameOf(p.name)} (${unitById.get(p.unit_id)?.code ?? ''})`,
          ),
        ],
        frozenColumns: 2,
        rows: matrix.recipients.map((u) => [
          u.code,
          nameOf(u.name),
          ...matrix.providers.map((_, i) => byRecipient.get(u.id)?.get(i) ?? ''),
        ]),
      };
      return {
        filename: `etalon-grid-${day}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: await writeXlsx(
          [gridSheet, { name: DETAILS_SHEET, header: DETAILS_COLUMNS, rows: details }],
          now,
        ),
      };
    },

    /**
     * Imports a Grid/Details workbook or a Details CSV: checks every cell against the grid as it
     * is (under the tree lock, so no unit is archived meanwhile), refuses the whole file naming
     * every problem, or writes every change in one transaction. `dryRun` writes nothing.
     */
    async importFile(
      ctx: CallContext,
      bytes: Uint8Array,
      options: GridImportOptions,
    ): Promise<GridImportReport> {
      assertCan(ctx.actor, 'grid.write');
      const { wanted, problems } = await readWanted(bytes, options.format);
      const now = clock();
      const report: GridImportReport = {
        dry_run: options.dryRun,
        created: 0,
        updated: 0,
        deleted: 0,
        unchanged: 0,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await settingRepository.lock(tx, TREE_LOCK, now.toISOString());
          // The grid service locks a cell's row to edit it: holding every row, the cells read
          // below are what this import changes, with no edit of another person lost in between.
          await gridCellRepository.lockAll(tx);
          const state = await loadState(tx);
          const plan = planGridImport(state, wanted, { now, newId: () => newId(now.getTime()) });
          if (problems.length + plan.problems.length > 0)
            refuseImport(sortProblems([...problems, ...plan.problems], SHEET_ORDER));
          for (const c of plan.changes) report[COUNTED[c.kind]]++;
          if (options.dryRun) return;
          const auditView = auditViews(state);
          for (const c of plan.changes) {
            if (c.kind === 'unchanged') continue;
            if (c.kind === 'create') await gridCellRepository.insert(tx, c.after, c.afterTypes);
            else if (c.kind === 'delete') await gridCellRepository.delete(tx, c.after.id);
            else {
              await gridCellRepository.update(tx, c.after.id, {
                instructions: c.after.instructions,
                expected_response: c.after.expected_response,
                contact_employee_id: c.after.contact_employee_id,
                updated_at: c.after.updated_at,
              });
              if (c.afterTypes.join() !== c.beforeTypes.join())
                await gridCellRepository.setTypes(tx, c.after.id, c.afterTypes);
            }
            await recordChange(tx, ctx, now, {
              action: `grid_cell.${c.kind}`,
              entity: 'grid_cell',
              entityId: c.after.id,
              ...(c.before ? { before: auditView(c.before, c.beforeTypes) } : {}),
              ...(c.kind === 'delete' ? {} : { after: auditView(c.after, c.afterTypes) }),
            });
          }
        });
      } catch (e) {
        // The grid service does not take the tree lock: a cell it made meanwhile collides here.
        if (isUniqueViolation(e))
          throw new AppError(
            'conflict',
            'The grid changed while the file was imported; nothing was changed — try again',
          );
        throw e;
      }
      return report;
    },
  };
}

export type GridTransferService = ReturnType<typeof createGridTransferService>;
