import { AppError, assertCan } from '../../core';
import type { Locale } from '../../contract/common.schema';
import type { DemoReport } from '../../contract/demo.schema';
import { employeeRepository } from '../../db/employee.repository';
import { unitRepository } from '../../db/unit.repository';
import type { EmployeeService } from '../employee.service';
import type { GridService } from '../grid.service';
import type { CallContext, ServiceDeps } from '../service-context';
import type { SupportTypeService } from '../support-type.service';
import type { UnitService } from '../unit.service';
import { DEMO_CELLS, DEMO_EMPLOYEES, DEMO_ROOT, DEMO_UNITS } from './demo-organization';

interface DemoServices {
  units: UnitService;
  employees: EmployeeService;
  supportTypes: SupportTypeService;
  grid: GridService;
}

/**
 * Loads the demo organization through the ordinary services, so every row is validated and
 * audited like a person's edit. Loading is resumable rather than one transaction: what exists (by
 * code, or by provider and recipient for a cell) is kept, what is missing is created. So a load
 * that was interrupted completes when run again, and a second run changes nothing.
 */
export function createDemoService(deps: ServiceDeps, services: DemoServices) {
  const { db } = deps;

  return {
    async load(ctx: CallContext, locale: Locale = 'en'): Promise<DemoReport> {
      assertCan(ctx.actor, 'org.write');
      assertCan(ctx.actor, 'grid.write');
      const report: DemoReport = { units: 0, employees: 0, cells: 0 };
      if (!(await unitRepository.findByCode(db, DEMO_ROOT)) && (await unitRepository.count(db)) > 0) {
        throw new AppError(
          'conflict',
          'The demo organization loads only into an empty organization: this one already has units.',
          { reason: 'not_empty' },
        );
      }

      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const existing = await unitRepository.findByCode(db, unit.code);
        if (existing) {
          unitIds.set(unit.code, existing.id);
          continue;
        }
        const created = await services.units.create(ctx, {
          code: unit.code,
          name: unit.name,
          parent_id: unit.parent ? unitIds.get(unit.parent)! : null,
          timezone: unit.timezone ?? null,
          calendar: null,
          contact: unit.contact
            ? {
                ...(unit.contact.email && { email: unit.contact.email }),
                ...(unit.contact.phone && { phone: unit.contact.phone }),
                ...(unit.contact.note && { note: unit.contact.note[locale] }),
              }
            : null,
          head_ids: [],
        });
        unitIds.set(unit.code, created.id);
        report.units += 1;
      }

      const employeeIds = new Map<string, string>();
      for (const person of DEMO_EMPLOYEES) {
        const existing = await employeeRepository.findByCode(db, person.code);
        if (existing) {
          employeeIds.set(person.code, existing.id);
          continue;
        }
        const created = await services.employees.create(ctx, {
          code: person.code,
          name: person.name,
          position: person.position[locale],
          unit_id: unitIds.get(person.unit)!,
          email: person.email,
          extensions: person.extensions,
          user_id: null,
        });
        employeeIds.set(person.code, created.id);
        report.employees += 1;
      }

      for (const unit of DEMO_UNITS) {
        const id = unitIds.get(unit.code)!;
        if (!unit.heads || (await services.units.get(ctx, id)).head_ids.length > 0) continue;
        await services.units.update(ctx, id, { head_ids: unit.heads.map((code) => employeeIds.get(code)!) });
      }

      const typeIds = new Map(
        (await services.supportTypes.list(ctx)).items.map((type) => [type.code, type.id] as const),
      );
      for (const cell of DEMO_CELLS) {
        const provider = cell.provider.startsWith('@')
          ? { kind: 'employee' as const, id: employeeIds.get(cell.provider.slice(1))! }
          : { kind: 'unit' as const, id: unitIds.get(cell.provider)! };
        const recipientId = unitIds.get(cell.recipient)!;
        const existing = await services.grid.listCells(ctx, {
          recipient_unit_id: recipientId,
          ...(provider.kind === 'unit'
            ? { provider_unit_id: provider.id }
            : { provider_employee_id: provider.id }),
          limit: 1,
          offset: 0,
        });
        if (existing.total > 0) continue;
        await services.grid.createCell(ctx, {
          provider,
          recipient_unit_id: recipientId,
          support_type_ids: cell.types.map((code) => {
            const id = typeIds.get(code);
            if (!id) throw new AppError('conflict', `The support type ${code} the demo uses is missing`);
            return id;
          }),
          instructions: cell.instructions[locale],
          expected_response: cell.expected[locale],
          contact_employee_id: cell.contact ? employeeIds.get(cell.contact)! : null,
        });
        report.cells += 1;
      }
      return report;
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
