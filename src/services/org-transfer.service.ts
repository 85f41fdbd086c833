import { AppError, assertCan } from '../core';
import { nestUnits } from '../core/org/unit-tree';
import {
  CONTENT_TYPES,
  type ImportProblem,
  type OrgExportQuery,
  type OrgImportReport,
  type OrgKind,
  type TransferFormat,
} from '../contract/org-transfer.schema';
import { Email } from '../contract/user.schema';
import type { Db } from '../db/database';
import { employeeRepository, type EmployeeRow } from '../db/employee.repository';
import { newId } from '../db/ids';
import { settingRepository } from '../db/setting.repository';
import { unitRepository, type UnitRow } from '../db/unit.repository';
import { userRepository } from '../db/user.repository';
import { recordChange } from './audit-recorder';
import { readTableFile, writeCsv, writeXlsx, type SheetOut, type TableSheet } from './files/table-file';
import {
  bindColumns,
  EMPLOYEE_COLUMNS,
  EMPLOYEES_SHEET,
  joinList,
  UNIT_COLUMNS,
  UNITS_SHEET,
  type EmployeeColumn,
  type RowReader,
  type UnitColumn,
} from './org-transfer/org-columns';
import { planOrgImport, sortProblems, type OrgState } from './org-transfer/org-import.plan';
import { presentEmployee, presentUnit } from './presenters';
import type { CallContext, ServiceDeps } from './service-context';
import { TREE_LOCK } from './unit.service';

/** A file to hand over: its bytes, type and a name for Content-Disposition. */
export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface OrgImportOptions {
  format?: TransferFormat | undefined;
  /** Required for CSV; for XLSX, read only that sheet. */
  kind?: OrgKind | undefined;
  dryRun: boolean;
}

const SHEET_OF: Record<OrgKind, string> = { units: UNITS_SHEET, employees: EMPLOYEES_SHEET };

/** Refuses the whole file, naming every problem (`import_refused`, HTTP 422, CLI exit 2). */
export function refuseImport(problems: ImportProblem[]): never {
  throw new AppError(
    'import_refused',
    `The file was not imported: ${problems.length} problem(s); nothing was changed`,
    { problems },
  );
}

/**
 * Units and employees to and from spreadsheets (docs/formats/organization.md): export as XLSX
 * (sheets Units and Employees) or CSV (one kind per file); import upserts by code, all or nothing,
 * under the tree lock, audited like the unit and employee services' own changes.
 */
export function createOrgTransferService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function loadState(tx: Db): Promise<OrgState> {
    const [units, heads, total] = await Promise.all([
      unitRepository.all(tx),
      unitRepository.headsOf(tx),
      employeeRepository.count(tx),
    ]);
    const employees = await employeeRepository.list(tx, {}, { limit: total, offset: 0 });
    return { units, heads, employees };
  }

  /** The rows of both sheets as an export writes them. */
  async function sheets(tx: Db): Promise<Record<OrgKind, SheetOut>> {
    const state = await loadState(tx);
    const unitCode = new Map(state.units.map((u) => [u.id, u.code]));
    const employeeCode = new Map(state.employees.map((e) => [e.id, e.code]));
    const userEmail = new Map<string, string>();
    for (const id of new Set(state.employees.flatMap((e) => (e.user_id ? [e.user_id] : [])))) {
      const user = await userRepository.findById(tx, id);
      if (user) userEmail.set(id, user.email);
    }
    // Tree order (a parent before its children, siblings by code), so the file reads like the tree.
    const ordered: UnitRow[] = [];
    const walk = (nodes: ReturnType<typeof nestUnits<UnitRow>>) => {
      for (const node of nodes) {
        const { children, ...row } = node;
        ordered.push(row);
        walk(children);
      }
    };
    walk(nestUnits(state.units));
    const units = ordered.map((u) => {
      const contact = u.contact === null ? {} : (JSON.parse(u.contact) as Record<string, string>);
      const heads = (state.heads.get(u.id) ?? []).map((id) => employeeCode.get(id) ?? '').sort();
      const cells: Record<UnitColumn, string> = {
        code: u.code,
        name_ru: u.name_ru ?? '',
        name_en: u.name_en ?? '',
        parent_code: u.parent_id ? (unitCode.get(u.parent_id) ?? '') : '',
        timezone: u.timezone ?? '',
        calendar: u.calendar ?? '',
        contact_email: contact.email ?? '',
        contact_phone: contact.phone ?? '',
        contact_chat: contact.chat ?? '',
        contact_url: contact.url ?? '',
        contact_note: contact.note ?? '',
        head_codes: joinList(heads),
        status: u.status,
      };
      return UNIT_COLUMNS.map((c) => cells[c]);
    });
    const employees = [...state.employees]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((e: EmployeeRow) => {
        const cells: Record<EmployeeColumn, string> = {
          code: e.code,
          name_ru: e.name_ru ?? '',
          name_en: e.name_en ?? '',
          position: e.position ?? '',
          unit_code: unitCode.get(e.unit_id) ?? '',
          email: e.email ?? '',
          extensions: joinList(JSON.parse(e.extensions) as string[]),
          user_email: e.user_id ? (userEmail.get(e.user_id) ?? '') : '',
          status: e.status,
        };
        return EMPLOYEE_COLUMNS.map((c) => cells[c]);
      });
    return {
      units: { name: UNITS_SHEET, header: UNIT_COLUMNS, rows: units },
      employees: { name: EMPLOYEES_SHEET, header: EMPLOYEE_COLUMNS, rows: employees },
    };
  }

  /** Finds the sheets to import; an unknown or missing sheet is a problem. */
  function pickSheets(found: TableSheet[], kind: OrgKind | undefined, csv: boolean) {
    const problems: ImportProblem[] = [];
    const picked: Partial<Record<OrgKind, TableSheet>> = {};
    if (csv) {
      picked[kind!] = found[0];
      return { problems, picked };
    }
    for (const sheet of found) {
      const k = (Object.keys(SHEET_OF) as OrgKind[]).find(
        (key) => SHEET_OF[key].toLowerCase() === sheet.name.trim().toLowerCase(),
      );
      if (k === undefined)
        problems.push({
          sheet: sheet.name,
          line: 0,
          field: '',
          message: `unknown sheet "${sheet.name}"; the workbook may hold ${UNITS_SHEET} and ${EMPLOYEES_SHEET}`,
        });
      else if (kind === undefined || kind === k) picked[k] = sheet;
    }
    if (!picked.units && !picked.employees)
      problems.push({
        sheet: '',
        line: 0,
        field: '',
        message: `the workbook has no ${kind ? SHEET_OF[kind] : `${UNITS_SHEET} or ${EMPLOYEES_SHEET}`} sheet`,
      });
    return { problems, picked };
  }

  return {
    /** The organization as a file: XLSX (both sheets, or `kind`'s only) or CSV (`kind` required). */
    async exportFile(ctx: CallContext, query: OrgExportQuery): Promise<ExportedFile> {
      assertCan(ctx.actor, 'org.read');
      const now = clock();
      // Plain reads: on SQLite a transaction would take the write lock for a whole export.
      const all = await sheets(db);
      const day = now.toISOString().slice(0, 10);
      if (query.format === 'csv') {
        if (!query.kind)
          throw new AppError('validation_failed', 'kind (units or employees) is required for csv');
        return {
          filename: `etalon-${query.kind}-${day}.csv`,
          contentType: `${CONTENT_TYPES.csv}; charset=utf-8`,
          body: writeCsv(all[query.kind]),
        };
      }
      const chosen = query.kind ? [all[query.kind]] : [all.units, all.employees];
      return {
        filename: `etalon-${query.kind ?? 'organization'}-${day}.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: await writeXlsx(chosen, now),
      };
    },

    /**
     * Imports a file: validates every row against the organization as it is (under the tree lock),
     * refuses the whole file naming every problem, or writes every change in one transaction.
     * With `dryRun` nothing is written; the counts say what would change.
     */
    async importFile(
      ctx: CallContext,
      bytes: Uint8Array,
      options: OrgImportOptions,
    ): Promise<OrgImportReport> {
      assertCan(ctx.actor, 'org.write');
      const read = await readTableFile(bytes, {
        ...(options.format ? { format: options.format } : {}),
        csvSheet: options.kind ? SHEET_OF[options.kind] : 'CSV',
      });
      if (!read.ok)
        refuseImport(read.problems.map((p) => ({ ...p, field: p.column ?? '', message: p.message })));
      const csv = read.format === 'csv';
      if (csv && !options.kind)
        throw new AppError('validation_failed', 'Name the kind of a CSV file: units or employees', {
          issues: [{ in: 'query', path: 'kind', message: 'required for csv' }],
        });
      const { problems, picked } = pickSheets(read.sheets, options.kind, csv);
      const units = picked.units && bindColumns<UnitColumn>(picked.units, UNIT_COLUMNS, ['code']);
      const employees =
        picked.employees &&
        bindColumns<EmployeeColumn>(picked.employees, EMPLOYEE_COLUMNS, ['code', 'unit_code']);
      problems.push(...(units?.problems ?? []), ...(employees?.problems ?? []));
      if (problems.length > 0) refuseImport(sortProblems(problems));

      const userIdByEmail = await lookUpUsers(employees?.rows ?? []);
      const now = clock();
      const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
      const report: OrgImportReport = { dry_run: options.dryRun, units: counts(), employees: counts() };

      await db.transaction().execute(async (tx) => {
        await settingRepository.lock(tx, TREE_LOCK, now.toISOString());
        const plan = planOrgImport(await loadState(tx), {
          units: units?.rows,
          employees: employees?.rows,
          userIdByEmail,
          now,
          newId: () => newId(now.getTime()),
        });
        if (plan.problems.length > 0) refuseImport(plan.problems);
        for (const u of plan.units)
          report.units[u.kind === 'create' ? 'created' : u.kind === 'update' ? 'updated' : 'unchanged']++;
        for (const e of plan.employees)
          report.employees[e.kind === 'create' ? 'created' : e.kind === 'update' ? 'updated' : 'unchanged']++;
        if (options.dryRun) return;

        // Parents before children; employees once their units exist; heads once both do.
        for (const u of plan.units) {
          if (u.kind === 'create') await unitRepository.insert(tx, u.after);
          else if (u.kind === 'update') {
            const { id, created_at: _created, ...changes } = u.after;
            await unitRepository.update(tx, id, changes);
          }
        }
        for (const e of plan.employees) {
          if (e.kind === 'create') await employeeRepository.insert(tx, e.after);
          else if (e.kind === 'update') {
            const { id, created_at: _created, ...changes } = e.after;
            await employeeRepository.update(tx, id, changes);
          }
        }
        for (const u of plan.units) {
          if (u.headsChange) await unitRepository.setHeads(tx, u.after.id, u.headsAfter);
          if (u.kind === 'unchanged') continue;
          const b = u.before;
          const action = !b
            ? 'unit.create'
            : u.after.status === 'archived' && b.status !== 'archived'
              ? 'unit.archive'
              : u.after.parent_id !== b.parent_id
                ? 'unit.move'
                : 'unit.update';
          await recordChange(tx, ctx, now, {
            action,
            entity: 'unit',
            entityId: u.after.id,
            ...(b ? { before: presentUnit(b, u.headsBefore) } : {}),
            after: presentUnit(u.after, u.headsAfter),
          });
        }
        for (const e of plan.employees) {
          if (e.kind === 'unchanged') continue;
          const b = e.before;
          const action = !b
            ? 'employee.create'
            : e.after.status === 'left' && b.status !== 'left'
              ? 'employee.leave'
              : 'employee.update';
          await recordChange(tx, ctx, now, {
            action,
            entity: 'employee',
            entityId: e.after.id,
            ...(b ? { before: presentEmployee(b) } : {}),
            after: presentEmployee(e.after),
          });
        }
      });
      return report;
    },
  };

  /** The accounts named in user_email cells (lower-cased), looked up once each. */
  async function lookUpUsers(rows: readonly RowReader<EmployeeColumn>[]): Promise<Map<string, string>> {
    const emails = new Set<string>();
    for (const row of rows) {
      const parsed = Email.safeParse(row.get('user_email') ?? '');
      if (parsed.success) emails.add(parsed.data);
    }
    const found = new Map<string, string>();
    for (const email of emails) {
      const user = await userRepository.findByEmail(db, email);
      if (user) found.set(email, user.id);
    }
    return found;
  }
}

export type OrgTransferService = ReturnType<typeof createOrgTransferService>;
