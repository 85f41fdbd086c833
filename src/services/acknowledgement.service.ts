import { AppError, assertCan } from '../core';
import type {
  MyAcknowledgements,
  StandardDefinition,
  UnitAcknowledgements,
} from '../contract/catalog.schema';
import { acknowledgementRepository, employeeOfUser } from '../db/acknowledgement.repository';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { employeeRepository, type EmployeeRow } from '../db/employee.repository';
import { newId } from '../db/ids';
import { unitRepository } from '../db/unit.repository';
import { recordChange } from './audit-recorder';
import { catalogInForce, type InForce } from './catalog-in-force';
import { found } from './entity-errors';
import type { CallContext, ServiceDeps } from './service-context';
import { unitRef } from './catalog.service';
import { bindsUnit, indexUnits } from './standards-code/binding';

/**
 * Staff acknowledge the standards that bind them: the versions in force whose `units` name their
 * unit or one above it (or name none). An acknowledgement is of one version, so a new version
 * needs a new one. A unit's page shows who has and has not acknowledged what binds the unit.
 */
export function createAcknowledgementService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** The standards in force at `at` that bind the unit, by code. */
  async function bindingStandards(tx: Db, unitId: string, at: string) {
    const tree = indexUnits(await unitRepository.all(tx));
    const unit = found(tree.byId.get(unitId), 'unit', unitId);
    const standards = await catalogInForce(tx, 'standard', at);
    return { unit, standards: standards.filter((s) => bindsUnit(s.definition, unit, tree)) };
  }

  async function mineOf(tx: Db, employee: EmployeeRow | undefined): Promise<MyAcknowledgements> {
    if (employee === undefined) return { employee: null, items: [] };
    const { standards } = await bindingStandards(tx, employee.unit_id, clock().toISOString());
    const acks = await acknowledgementRepository.ofEmployees(tx, [employee.id]);
    const at = new Map(acks.map((a) => [`${a.entry_id}#${a.version}`, a.acknowledged_at]));
    return {
      employee: { id: employee.id, code: employee.code },
      items: standards.map((s) => ({
        code: s.code,
        version: s.version,
        title: s.definition.title,
        acknowledged_at: at.get(`${s.entryId}#${s.version}`) ?? null,
      })),
    };
  }

  const callerEmployee = (tx: Db, ctx: CallContext) =>
    ctx.actor.kind === 'user' ? employeeOfUser(tx, ctx.actor.id) : Promise.resolve(undefined);

  return {
    /** The standards binding the caller (through their employee record) and what they acknowledged. */
    async mine(ctx: CallContext): Promise<MyAcknowledgements> {
      assertCan(ctx.actor, 'standards.read');
      return mineOf(db, await callerEmployee(db, ctx));
    },

    /**
     * Acknowledges the version in force of a standard binding the caller. Naming another version,
     * or a standard that does not bind them, is a 409 saying so; a second time changes nothing.
     */
    async acknowledge(
      ctx: CallContext,
      code: string,
      body: { version: number },
    ): Promise<MyAcknowledgements> {
      assertCan(ctx.actor, 'standards.acknowledge');
      const now = clock();
      const at = now.toISOString();
      const employee = await callerEmployee(db, ctx);
      if (employee === undefined)
        throw new AppError(
          'conflict',
          'Your account is linked to no employee record, so no standard binds you',
          { reason: 'no_employee' },
        );
      const [standard] = await catalogInForce(db, 'standard', at, [code]);
      if (standard === undefined)
        throw new AppError('not_found', `No standard ${code} is in force`, { entity: 'standard', code });
      const { standards } = await bindingStandards(db, employee.unit_id, at);
      if (!standards.some((s) => s.code === code))
        throw new AppError('conflict', `Standard ${code} does not bind your unit`, { reason: 'not_binding' });
      if (standard.version !== body.version)
        throw new AppError(
          'conflict',
          `Version ${body.version} of standard ${code} is not the one in force (version ${standard.version} is)`,
          { reason: 'not_in_force', version_in_force: standard.version },
        );
      try {
        await db.transaction().execute(async (tx) => {
          if (await acknowledgementRepository.find(tx, employee.id, standard.entryId, standard.version))
            return;
          const row = {
            id: newId(now.getTime()),
            employee_id: employee.id,
            entry_id: standard.entryId,
            version: standard.version,
            acknowledged_at: at,
          };
          await acknowledgementRepository.insert(tx, row);
          await recordChange(tx, ctx, now, {
            action: 'standard.acknowledge',
            entity: 'acknowledgement',
            entityId: row.id,
            after: {
              employee: employee.code,
              standard: code,
              version: standard.version,
              acknowledged_at: at,
            },
          });
        });
      } catch (e) {
        // The same acknowledgement made at the same moment by another request: already done.
        if (!isUniqueViolation(e)) throw e;
      }
      return mineOf(db, employee);
    },

    /** The unit's active employees and the standards binding the unit: who acknowledged which. */
    async forUnit(ctx: CallContext, unitId: string): Promise<UnitAcknowledgements> {
      assertCan(ctx.actor, 'standards.read');
      const { unit, standards } = await bindingStandards(db, unitId, clock().toISOString());
      const total = await employeeRepository.count(db, { unit_ids: [unitId], status: 'active' });
      const employees = await employeeRepository.list(
        db,
        { unit_ids: [unitId], status: 'active' },
        { limit: total, offset: 0 },
      );
      const inForce = new Map(standards.map((s) => [`${s.entryId}#${s.version}`, s.code]));
      const acked = new Map<string, string[]>();
      for (const a of await acknowledgementRepository.ofEmployees(
        db,
        employees.map((e) => e.id),
      )) {
        const code = inForce.get(`${a.entry_id}#${a.version}`);
        if (code !== undefined) acked.set(a.employee_id, [...(acked.get(a.employee_id) ?? []), code]);
      }
      return {
        unit: unitRef(unit),
        standards: standards.map((s: InForce<StandardDefinition>) => ({
          code: s.code,
          version: s.version,
          title: s.definition.title,
        })),
        employees: employees.map((e) => ({
          id: e.id,
          code: e.code,
          name: { ru: e.name_ru, en: e.name_en },
          acknowledged: (acked.get(e.id) ?? []).sort(),
        })),
      };
    },
  };
}

export type AcknowledgementService = ReturnType<typeof createAcknowledgementService>;
