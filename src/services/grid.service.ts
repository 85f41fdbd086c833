import { AppError, assertCan, roleCan, ValidationError, type FieldIssue } from '../core';
import { compareCodes, depthFirst } from '../core/org/grid-layout';
import { headCoversUnit } from '../core/org/grid-scope';
import { ancestorsOf } from '../core/org/unit-tree';
import type {
  GridAnswer,
  GridAskQuery,
  GridAskResult,
  GridCell,
  GridCellCreate,
  GridCellList,
  GridCellListQuery,
  GridCellUpdate,
  GridHistoryPage,
  GridHistoryQuery,
  GridMatrix,
  GridMatrixCell,
  GridMatrixQuery,
  GridProviderHead,
  GridUnitHead,
  ProviderRef,
  SupportTypeColor,
} from '../contract/grid.schema';
import type { UnitContact } from '../contract/unit.schema';
import type { Db } from '../db/database';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect/driver-errors';
import type { EmployeeRow } from '../db/employee.repository';
import { employeeRepository } from '../db/employee.repository';
import {
  employeesByIds,
  gridCellRepository,
  providerKey,
  unitsHeadedByUser,
  type GridCellRow,
} from '../db/grid-cell.repository';
import { newId } from '../db/ids';
import { supportTypeRepository } from '../db/support-type.repository';
import { unitRepository, type UnitRow } from '../db/unit.repository';
import { readAuditPage } from './audit.service';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { presentGridCell, presentSupportType } from './grid-presenters';
import type { CallContext, ServiceDeps } from './service-context';

/** The audit log's entities that make up the grid's history. */
export const GRID_HISTORY_ENTITIES = ['grid_cell', 'support_type'] as const;

/** A provider resolved to its row and the unit it belongs to (the unit itself, or the employee's). */
interface Provider {
  kind: 'unit' | 'employee';
  id: string;
  code: string;
  unitId: string;
  active: boolean;
}

/**
 * The service grid: cells (who helps which unit with what, and how to ask), the matrix, "whom do I
 * ask?" and the history. Everyone reads (`org.read`); `grid.write` edits any cell; a head
 * (`grid.write.own`) edits the cells whose provider is a unit they head or one below it, or an
 * employee of such a unit. Rules and choices: docs/GRID.md.
 */
export function createGridService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const mustFind = async (tx: Db, id: string) =>
    found(await gridCellRepository.findById(tx, id), 'grid cell', id);

  /**
   * The cell, locked for the rest of the transaction: on PostgreSQL a second edit or a delete of
   * the same cell waits for this one (else both replace the types at once — a unique or foreign-key
   * violation — and the audit's `before` misses the other edit), and one that waited on a delete
   * finds no cell (404).
   */
  const mustFindLocked = async (tx: Db, id: string) => {
    await gridCellRepository.lock(tx, id);
    return mustFind(tx, id);
  };

  /** Refuses at once an actor who may edit no cell at all (before anything is looked up). */
  function assertMayWriteSome(ctx: CallContext) {
    if (!roleCan(ctx.actor.role, 'grid.write.own')) assertCan(ctx.actor, 'grid.write');
  }

  /** A head may edit only cells provided from their part of the tree; `grid.write` may edit any. */
  async function assertCovers(tx: Db, ctx: CallContext, provider: Provider) {
    if (roleCan(ctx.actor.role, 'grid.write')) return;
    const headed = ctx.actor.kind === 'user' ? await unitsHeadedByUser(tx, ctx.actor.id) : [];
    if (!headCoversUnit(await unitRepository.parentLinks(tx), headed, provider.unitId)) {
      throw new AppError(
        'forbidden',
        `You may edit only cells provided by the units you head, the units below them, or their employees (${provider.kind} ${provider.code} is not among them).`,
        { permission: 'grid.write.own', reason: 'not_your_unit' },
      );
    }
  }

  async function resolveProvider(tx: Db, ref: ProviderRef): Promise<Provider | undefined> {
    if (ref.kind === 'unit') {
      const unit = await unitRepository.findById(tx, ref.id);
      return (
        unit && {
          kind: 'unit',
          id: unit.id,
          code: unit.code,
          unitId: unit.id,
          active: unit.status === 'active',
        }
      );
    }
    const employee = await employeeRepository.findById(tx, ref.id);
    return (
      employee && {
        kind: 'employee',
        id: employee.id,
        code: employee.code,
        unitId: employee.unit_id,
        active: employee.status === 'active',
      }
    );
  }

  const providerOf = (row: GridCellRow): ProviderRef => ({
    kind: row.provider_kind,
    id: (row.provider_kind === 'unit' ? row.provider_unit_id : row.provider_employee_id)!,
  });

  /**
   * Support types must exist and be active; each bad one is named by its index. `kept` are the
   * cell's types already: a type archived since stays on the cells that have it, so keeping it is
   * no problem (the web editor sends the whole list with every save); only taking it up anew is.
   */
  async function checkTypes(
    tx: Db,
    ids: readonly string[],
    issues: FieldIssue[],
    kept: readonly string[] = [],
  ) {
    for (const [i, id] of ids.entries()) {
      if (kept.includes(id)) continue;
      const type = await supportTypeRepository.findById(tx, id);
      if (!type || type.status !== 'active') {
        issues.push({
          in: 'body',
          path: `support_type_ids.${i}`,
          code: type ? 'archived' : 'unknown',
          message: type ? `Support type ${type.code} is archived` : `No support type with id ${id}`,
        });
      }
    }
  }

  async function checkContact(tx: Db, id: string | null, issues: FieldIssue[]) {
    if (id === null) return;
    const employee = await employeeRepository.findById(tx, id);
    if (!employee || employee.status !== 'active') {
      issues.push({
        in: 'body',
        path: 'contact_employee_id',
        code: employee ? 'left' : 'unknown',
        message: employee ? `Employee ${employee.code} has left` : `No employee with id ${id}`,
      });
    }
  }

  /** Every problem with a new cell at once; answers the resolved provider when there is none. */
  async function checkCreate(tx: Db, input: GridCellCreate): Promise<Provider> {
    const issues: FieldIssue[] = [];
    const provider = await resolveProvider(tx, input.provider);
    if (!provider) {
      issues.push({
        in: 'body',
        path: 'provider.id',
        code: 'unknown',
        message: `No ${input.provider.kind} with id ${input.provider.id}`,
      });
    } else if (!provider.active) {
      issues.push({
        in: 'body',
        path: 'provider.id',
        code: provider.kind === 'unit' ? 'archived' : 'left',
        message:
          provider.kind === 'unit'
            ? `Unit ${provider.code} is archived`
            : `Employee ${provider.code} has left`,
      });
    }
    const recipient = await unitRepository.findById(tx, input.recipient_unit_id);
    if (!recipient || recipient.status !== 'active') {
      issues.push({
        in: 'body',
        path: 'recipient_unit_id',
        code: recipient ? 'archived' : 'unknown',
        message: recipient
          ? `Unit ${recipient.code} is archived`
          : `No unit with id ${input.recipient_unit_id}`,
      });
    } else if (input.provider.kind === 'unit' && input.provider.id === recipient.id) {
      issues.push({
        in: 'body',
        path: 'recipient_unit_id',
        code: 'self',
        message: `Unit ${recipient.code} cannot be its own provider`,
      });
    }
    await checkTypes(tx, input.support_type_ids, issues);
    await checkContact(tx, input.contact_employee_id, issues);
    if (issues.length > 0 || !provider) throw new ValidationError(issues);
    return provider;
  }

  /**
   * A cell as the audit log keeps it: the answer's fields plus the codes of everything it names,
   * so the history reads on its own even after units or types are renamed or deleted.
   */
  async function auditView(tx: Db, cell: GridCell) {
    const provider = await resolveProvider(tx, cell.provider);
    const recipient = await unitRepository.findById(tx, cell.recipient_unit_id);
    const types = await supportTypeRepository.list(tx, cell.support_type_ids);
    const contact =
      cell.contact_employee_id && (await employeeRepository.findById(tx, cell.contact_employee_id));
    return {
      ...cell,
      provider: { ...cell.provider, code: provider?.code ?? null },
      recipient_unit_code: recipient?.code ?? null,
      support_type_codes: types.map((t) => t.code),
      contact_employee_code: contact ? contact.code : null,
    };
  }

  async function presentOne(tx: Db, row: GridCellRow): Promise<GridCell> {
    return presentGridCell(row, (await gridCellRepository.typesOf(tx, [row.id])).get(row.id) ?? []);
  }

  /**
   * A support type deleted by another connection after `checkTypes` read it (PostgreSQL): the
   * insert of the cell's types then fails on the foreign key. Answers the same 400 the check would
   * have given, naming each type that is gone; any other foreign-key failure is rethrown.
   */
  async function typesGone(error: unknown, ids: readonly string[] | undefined): Promise<void> {
    if (!isForeignKeyViolation(error) || !ids) return;
    const issues: FieldIssue[] = [];
    for (const [i, id] of ids.entries()) {
      if (!(await supportTypeRepository.findById(db, id))) {
        issues.push({
          in: 'body',
          path: `support_type_ids.${i}`,
          code: 'unknown',
          message: `No support type with id ${id}`,
        });
      }
    }
    if (issues.length > 0) throw new ValidationError(issues);
  }

  /** The 409 for a second cell of the same provider and recipient, naming the existing one. */
  async function duplicateCell(error: unknown, input: GridCellCreate): Promise<never> {
    if (!isUniqueViolation(error)) throw error;
    const existing = await gridCellRepository.all(db, {
      recipient_unit_id: input.recipient_unit_id,
      ...(input.provider.kind === 'unit'
        ? { provider_unit_id: input.provider.id }
        : { provider_employee_id: input.provider.id }),
    });
    throw new AppError(
      'conflict',
      'This provider already has a cell for this recipient unit — edit that cell instead',
      { reason: 'duplicate_cell', field: 'recipient_unit_id', cell_id: existing[0]?.id ?? null },
    );
  }

  /** Units (rows) in tree order with their depth in the whole tree. */
  function unitHeads(units: readonly UnitRow[], links: ReadonlyMap<string, string | null>): GridUnitHead[] {
    return depthFirst(units).map(({ unit }) => ({
      id: unit.id,
      code: unit.code,
      name: { ru: unit.name_ru, en: unit.name_en },
      parent_id: unit.parent_id,
      depth: ancestorsOf(links, unit.id).length,
    }));
  }

  return {
    /** Cells, oldest first, filtered by recipient, provider or support type. */
    async listCells(ctx: CallContext, query: GridCellListQuery): Promise<GridCellList> {
      assertCan(ctx.actor, 'org.read');
      const filter = {
        recipient_unit_id: query.recipient_unit_id,
        provider_unit_id: query.provider_unit_id,
        provider_employee_id: query.provider_employee_id,
        support_type_id: query.support_type_id,
      };
      const [rows, total] = await Promise.all([
        gridCellRepository.list(db, filter, query),
        gridCellRepository.count(db, filter),
      ]);
      const types = await gridCellRepository.typesOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentGridCell(r, types.get(r.id) ?? [])), total };
    },

    async getCell(ctx: CallContext, id: string): Promise<GridCell> {
      assertCan(ctx.actor, 'org.read');
      return presentOne(db, await mustFind(db, id));
    },

    async createCell(ctx: CallContext, input: GridCellCreate): Promise<GridCell> {
      assertMayWriteSome(ctx);
      const now = clock();
      const at = now.toISOString();
      const row: GridCellRow = {
        id: newId(now.getTime()),
        provider_kind: input.provider.kind,
        provider_unit_id: input.provider.kind === 'unit' ? input.provider.id : null,
        provider_employee_id: input.provider.kind === 'employee' ? input.provider.id : null,
        provider_key: providerKey(input.provider.kind, input.provider.id),
        recipient_unit_id: input.recipient_unit_id,
        instructions: input.instructions,
        expected_response: input.expected_response,
        contact_employee_id: input.contact_employee_id,
        created_at: at,
        updated_at: at,
      };
      try {
        return await db.transaction().execute(async (tx) => {
          const provider = await checkCreate(tx, input);
          await assertCovers(tx, ctx, provider);
          await gridCellRepository.insert(tx, row, input.support_type_ids);
          const cell = await presentOne(tx, row);
          await recordChange(tx, ctx, now, {
            action: 'grid_cell.create',
            entity: 'grid_cell',
            entityId: row.id,
            after: await auditView(tx, cell),
          });
          return cell;
        });
      } catch (e) {
        await typesGone(e, input.support_type_ids);
        return duplicateCell(e, input);
      }
    },

    /**
     * Changes the kinds of help, the instructions, the expected response or the contact. Only what
     * changes is checked, so a cell whose provider has since left can still be corrected.
     */
    async updateCell(ctx: CallContext, id: string, patch: GridCellUpdate): Promise<GridCell> {
      assertMayWriteSome(ctx);
      const now = clock();
      try {
        return await db.transaction().execute(async (tx) => {
          const before = await mustFindLocked(tx, id);
          const provider = await resolveProvider(tx, providerOf(before));
          if (provider) await assertCovers(tx, ctx, provider);
          const beforeCell = await presentOne(tx, before);
          const issues: FieldIssue[] = [];
          if (patch.support_type_ids) {
            await checkTypes(tx, patch.support_type_ids, issues, beforeCell.support_type_ids);
          }
          if (
            patch.contact_employee_id !== undefined &&
            patch.contact_employee_id !== before.contact_employee_id
          ) {
            await checkContact(tx, patch.contact_employee_id, issues);
          }
          if (issues.length > 0) throw new ValidationError(issues);
          const after: GridCellRow = {
            ...before,
            instructions: patch.instructions === undefined ? before.instructions : patch.instructions,
            expected_response:
              patch.expected_response === undefined ? before.expected_response : patch.expected_response,
            contact_employee_id:
              patch.contact_employee_id === undefined
                ? before.contact_employee_id
                : patch.contact_employee_id,
            updated_at: now.toISOString(),
          };
          await gridCellRepository.update(tx, id, {
            instructions: after.instructions,
            expected_response: after.expected_response,
            contact_employee_id: after.contact_employee_id,
            updated_at: after.updated_at,
          });
          if (patch.support_type_ids) await gridCellRepository.setTypes(tx, id, patch.support_type_ids);
          const cell = await presentOne(tx, after);
          await recordChange(tx, ctx, now, {
            action: 'grid_cell.update',
            entity: 'grid_cell',
            entityId: id,
            before: await auditView(tx, beforeCell),
            after: await auditView(tx, cell),
          });
          return cell;
        });
      } catch (e) {
        await typesGone(e, patch.support_type_ids);
        throw e;
      }
    },

    async deleteCell(ctx: CallContext, id: string): Promise<void> {
      assertMayWriteSome(ctx);
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const row = await mustFindLocked(tx, id);
        const provider = await resolveProvider(tx, providerOf(row));
        if (provider) await assertCovers(tx, ctx, provider);
        const before = await auditView(tx, await presentOne(tx, row));
        await gridCellRepository.delete(tx, id);
        await recordChange(tx, ctx, now, {
          action: 'grid_cell.delete',
          entity: 'grid_cell',
          entityId: id,
          before,
        });
      });
    },

    /**
     * The whole grid (see GridMatrix in the contract). Only active units are rows and columns and
     * only active employees are columns, so the cells of an archived unit or of an employee who left
     * stay stored (and in the history) but are not listed here: every listed cell has its row and
     * its column. Cells are ordered by row, then column.
     */
    async matrix(ctx: CallContext, query: GridMatrixQuery): Promise<GridMatrix> {
      assertCan(ctx.actor, 'org.read');
      // Sorted here, not by the database's collation (see compareCodes).
      const units = (await unitRepository.all(db)).sort(compareCodes);
      const links = new Map(units.map((u) => [u.id, u.parent_id]));
      const active = units.filter((u) => u.status === 'active');
      let subtree: Set<string> | undefined;
      if (query.unit_id !== undefined) {
        found(
          units.find((u) => u.id === query.unit_id),
          'unit',
          query.unit_id,
        );
        subtree = new Set(await unitRepository.subtreeIds(db, query.unit_id));
      }
      const inView = (unitId: string) => subtree === undefined || subtree.has(unitId);
      // Every active unit in tree order, once; a subtree is a run of it, so filtering keeps its order.
      const tree = unitHeads(active, links);
      const place = new Map(tree.map((u, i) => [u.id, { depth: u.depth, position: i }]));
      const recipients = tree.filter((u) => inView(u.id));
      const unitIndex = new Map(recipients.map((u, i) => [u.id, i]));
      const rows = await gridCellRepository.all(db, {
        support_type_id: query.support_type_id,
        ...(subtree === undefined ? {} : { recipient_unit_ids: recipients.map((u) => u.id) }),
      });

      // Columns: the units in view, and — when the view is a part of the tree — every unit from
      // elsewhere that helps someone in it (else "nobody helps HR" would show help from outside
      // HR's branch as a gap). Then the employees who provide, after the units, by unit.
      const helping = new Set(rows.map((row) => row.provider_key));
      const columnUnits = unitHeads(
        active.filter((u) => inView(u.id) || helping.has(providerKey('unit', u.id))),
        links,
      );
      const employees = (await gridCellRepository.providingEmployees(db))
        .filter(
          (e) =>
            e.status === 'active' &&
            place.has(e.unit_id) &&
            (subtree === undefined || subtree.has(e.unit_id) || helping.has(providerKey('employee', e.id))),
        )
        // By unit in tree order, then by code (sort is stable).
        .sort(compareCodes)
        .sort((a, b) => place.get(a.unit_id)!.position - place.get(b.unit_id)!.position);
      const providers: GridProviderHead[] = [
        ...columnUnits.map((u) => ({
          kind: 'unit' as const,
          id: u.id,
          code: u.code,
          name: u.name,
          unit_id: u.id,
          depth: u.depth,
        })),
        ...employees.map((e) => ({
          kind: 'employee' as const,
          id: e.id,
          code: e.code,
          name: { ru: e.name_ru, en: e.name_en },
          unit_id: e.unit_id,
          depth: place.get(e.unit_id)!.depth + 1,
        })),
      ];
      const columnIndex = new Map(providers.map((p, i) => [providerKey(p.kind, p.id), i]));

      const types = await gridCellRepository.typesOf(db);
      const cells: (GridMatrixCell & { at: [number, number] })[] = [];
      for (const row of rows) {
        const r = unitIndex.get(row.recipient_unit_id);
        const c = columnIndex.get(row.provider_key);
        if (r === undefined || c === undefined) continue;
        const provider = providerOf(row);
        cells.push({
          id: row.id,
          provider_kind: provider.kind,
          provider_id: provider.id,
          recipient_unit_id: row.recipient_unit_id,
          support_type_ids: types.get(row.id) ?? [],
          at: [r, c],
        });
      }
      cells.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
      const supportTypes = await supportTypeRepository.list(db);
      return {
        recipients,
        providers,
        support_types: supportTypes.map((t) => presentSupportType(t, t.cell_count)),
        cells: cells.map(({ at: _at, ...cell }) => cell),
      };
    },

    /**
     * "Whom do I ask?": the cells addressed to the unit, then to its parent, grandparent… Within
     * one recipient, unit providers come before employees, each by code. A provider that is
     * archived or has left is not offered, nor the unit itself (its help to an ancestor); a
     * contact who has left is answered as null. `q` is
     * matched in memory (a unit and its ancestors hold tens of cells), case-insensitively, in the
     * instructions, the expected response, the provider's code and names and the type names.
     */
    async ask(ctx: CallContext, query: GridAskQuery): Promise<GridAskResult> {
      assertCan(ctx.actor, 'org.read');
      const units = await unitRepository.all(db);
      const unitById = new Map(units.map((u) => [u.id, u]));
      found(unitById.get(query.unit_id), 'unit', query.unit_id);
      const links = new Map(units.map((u) => [u.id, u.parent_id]));
      const chain = [query.unit_id, ...ancestorsOf(links, query.unit_id)];
      const rows = await gridCellRepository.all(db, {
        recipient_unit_ids: chain,
        support_type_id: query.support_type_id,
      });
      const types = await gridCellRepository.typesOf(
        db,
        rows.map((r) => r.id),
      );
      const typeById = new Map((await supportTypeRepository.list(db)).map((t) => [t.id, t]));
      const employees = new Map(
        (
          await employeesByIds(
            db,
            rows.flatMap((r) => [r.provider_employee_id, r.contact_employee_id].filter((id) => id !== null)),
          )
        ).map((e) => [e.id, e]),
      );
      const needle = query.q?.toLowerCase() ?? '';

      const answers: { answer: GridAnswer; sort: [number, number, string] }[] = [];
      for (const row of rows) {
        const providerUnit: UnitRow | undefined =
          row.provider_kind === 'unit' ? unitById.get(row.provider_unit_id!) : undefined;
        const providerEmployee: EmployeeRow | undefined =
          row.provider_kind === 'employee' ? employees.get(row.provider_employee_id!) : undefined;
        const source = providerUnit ?? providerEmployee;
        // A unit's own help to its parent is not help for the unit itself.
        if (!source || source.id === query.unit_id) continue;
        const active = providerUnit
          ? providerUnit.status === 'active'
          : providerEmployee!.status === 'active';
        if (!active) continue;
        const homeUnit = providerUnit ?? unitById.get(providerEmployee!.unit_id);
        const cellTypes = (types.get(row.id) ?? []).map((id) => typeById.get(id)!).filter(Boolean);
        if (needle) {
          const haystack = [
            row.instructions,
            row.expected_response,
            source.code,
            source.name_ru,
            source.name_en,
            ...cellTypes.flatMap((t) => [t.name_ru, t.name_en]),
          ];
          if (!haystack.some((text) => text?.toLowerCase().includes(needle))) continue;
        }
        const contact = row.contact_employee_id === null ? undefined : employees.get(row.contact_employee_id);
        answers.push({
          sort: [
            chain.indexOf(row.recipient_unit_id),
            row.provider_kind === 'unit' ? 0 : 1,
            source.code.toLowerCase(),
          ],
          answer: {
            cell_id: row.id,
            via_unit_id: row.recipient_unit_id,
            provider: {
              kind: row.provider_kind,
              id: source.id,
              code: source.code,
              name: { ru: source.name_ru, en: source.name_en },
              unit_id: homeUnit?.id ?? source.id,
            },
            support_types: cellTypes.map((t) => ({
              id: t.id,
              code: t.code,
              name: { ru: t.name_ru, en: t.name_en },
              color: t.color as SupportTypeColor,
            })),
            instructions: row.instructions,
            expected_response: row.expected_response,
            contact:
              contact && contact.status === 'active'
                ? {
                    id: contact.id,
                    code: contact.code,
                    name: { ru: contact.name_ru, en: contact.name_en },
                    position: contact.position,
                    email: contact.email,
                    extensions: JSON.parse(contact.extensions) as string[],
                  }
                : null,
            provider_contact:
              homeUnit?.contact == null ? null : (JSON.parse(homeUnit.contact) as UnitContact),
          },
        });
      }
      answers.sort(
        (a, b) =>
          a.sort[0] - b.sort[0] ||
          a.sort[1] - b.sort[1] ||
          (a.sort[2] < b.sort[2] ? -1 : a.sort[2] > b.sort[2] ? 1 : 0),
      );
      return { items: answers.map((a) => a.answer) };
    },

    /** Changes to cells and support types, newest first, a page at a time (from the audit log). */
    async history(ctx: CallContext, query: GridHistoryQuery): Promise<GridHistoryPage> {
      assertCan(ctx.actor, 'org.read');
      return readAuditPage(db, { entities: GRID_HISTORY_ENTITIES }, query);
    },
  };
}

export type GridService = ReturnType<typeof createGridService>;
