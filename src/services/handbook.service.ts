import { assertCan } from '../core';
import { effectiveSettings } from '../core/org/unit-settings';
import type { Handbook } from '../contract/handbook.schema';
import type { GridCell } from '../contract/grid.schema';
import type { Db } from '../db/database';
import { employeeRepository } from '../db/employee.repository';
import { gridCellRepository, type GridCellRow } from '../db/grid-cell.repository';
import { unitRepository } from '../db/unit.repository';
import { catalogInForce } from './catalog-in-force';
import { found } from './entity-errors';
import { presentGridCell } from './grid-presenters';
import type { CallContext, ServiceDeps } from './service-context';
import { unitRef } from './catalog.service';
import { bindsUnit, indexUnits } from './standards-code/binding';
import { normalizeCalendar, normalizeStandard } from './standards-code/definitions';

/**
 * The service-standards handbook of a unit (or of the whole organization): the standards in force
 * that bind it, the calendars they use and the unit's own, and its row and column of the grid.
 * Wording measures in plain language is the web app's (core/standards), so definitions travel.
 */
export function createHandbookService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function cells(tx: Db, rows: GridCellRow[]): Promise<GridCell[]> {
    const types = await gridCellRepository.typesOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentGridCell(r, types.get(r.id) ?? []));
  }

  /** Cells the unit or any of its active employees provide, oldest first. */
  async function gives(tx: Db, unitId: string): Promise<GridCellRow[]> {
    const total = await employeeRepository.count(tx, { unit_ids: [unitId], status: 'active' });
    const employees = await employeeRepository.list(
      tx,
      { unit_ids: [unitId], status: 'active' },
      { limit: total, offset: 0 },
    );
    const rows = [...(await gridCellRepository.all(tx, { provider_unit_id: unitId }))];
    for (const e of employees)
      rows.push(...(await gridCellRepository.all(tx, { provider_employee_id: e.id })));
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  return {
    /** The handbook of `unitId`, or of the organization when absent (every standard in force). */
    async get(ctx: CallContext, unitId?: string): Promise<Handbook> {
      assertCan(ctx.actor, 'standards.read');
      const now = clock().toISOString();
      const standards = await catalogInForce(db, 'standard', now);
      const calendarsInForce = await catalogInForce(db, 'calendar', now);
      let unit: Handbook['unit'] = null;
      let path: Handbook['path'] = [];
      let unitCalendar: string | null = null;
      let binding = standards;
      let grid: Handbook['grid'] = { gives: [], receives: [] };
      if (unitId !== undefined) {
        const rows = await unitRepository.all(db);
        const tree = indexUnits(rows);
        const row = found(tree.byId.get(unitId), 'unit', unitId);
        unit = unitRef(row);
        path = tree
          .chain(unitId)
          .reverse()
          .map((id) => unitRef(tree.byId.get(id)!));
        const own = new Map(rows.map((r) => [r.id, { timezone: r.timezone, calendar: r.calendar }]));
        unitCalendar = effectiveSettings(tree.links, own, unitId).calendar.value;
        binding = standards.filter((s) => bindsUnit(s.definition, row, tree));
        grid = {
          gives: await cells(db, await gives(db, unitId)),
          receives: await cells(db, await gridCellRepository.all(db, { recipient_unit_id: unitId })),
        };
      }
      const used = new Set(binding.flatMap((s) => s.definition.calendar ?? []));
      if (unitCalendar !== null) used.add(unitCalendar);
      return {
        unit,
        path,
        standards: binding.map((s) => ({
          code: s.code,
          version: s.version,
          effective_from: s.effective_from,
          definition: normalizeStandard(s.definition),
        })),
        calendars: calendarsInForce
          .filter((c) => used.has(c.code))
          .map((c) => normalizeCalendar(c.definition)),
        unit_calendar: unitCalendar,
        grid,
        generated_at: now,
      };
    },
  };
}

export type HandbookService = ReturnType<typeof createHandbookService>;
