import { assertCan, ValidationError, type FieldIssue } from '../core';
import type {
  Employee,
  EmployeeCreate,
  EmployeeList,
  EmployeeListQuery,
  EmployeeUpdate,
} from '../contract/employee.schema';
import type { Db } from '../db/database';
import { employeeRepository, type EmployeeRow } from '../db/employee.repository';
import { newId } from '../db/ids';
import { unitRepository } from '../db/unit.repository';
import { userRepository } from '../db/user.repository';
import { settingRepository } from '../db/setting.repository';
import { recordChange } from './audit-recorder';
import { duplicateCode, found } from './entity-errors';
import { presentEmployee } from './presenters';
import { TREE_LOCK } from './unit.service';
import type { CallContext, ServiceDeps } from './service-context';

/** Employees: list (by unit or a unit's subtree), create, update; they leave, never get deleted. */
export function createEmployeeService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const mustFind = async (tx: Db, id: string) =>
    found(await employeeRepository.findById(tx, id), 'employee', id);

  /**
   * The unit must exist and be active, the linked account must exist; every problem at once.
   * Only what changed is checked, so an employee of a since-archived unit can still be edited.
   */
  async function checkReferences(tx: Db, refs: { unit_id?: string; user_id?: string | null }) {
    const issues: FieldIssue[] = [];
    if (refs.unit_id !== undefined) {
      const unit = await unitRepository.findById(tx, refs.unit_id);
      if (!unit) {
        issues.push({
          in: 'body',
          path: 'unit_id',
          code: 'unknown',
          message: `No unit with id ${refs.unit_id}`,
        });
      } else if (unit.status === 'archived') {
        issues.push({
          in: 'body',
          path: 'unit_id',
          code: 'archived',
          message: `Unit ${unit.code} is archived`,
        });
      }
    }
    if (refs.user_id && !(await userRepository.findById(tx, refs.user_id))) {
      issues.push({
        in: 'body',
        path: 'user_id',
        code: 'unknown',
        message: `No user with id ${refs.user_id}`,
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
  }

  return {
    async list(ctx: CallContext, query: EmployeeListQuery): Promise<EmployeeList> {
      assertCan(ctx.actor, 'org.read');
      let unitIds: string[] | undefined;
      if (query.unit_id !== undefined) {
        unitIds = query.subtree ? await unitRepository.subtreeIds(db, query.unit_id) : [query.unit_id];
      }
      const filter = { q: query.q, unit_ids: unitIds, status: query.status };
      const [rows, total] = await Promise.all([
        employeeRepository.list(db, filter, query),
        employeeRepository.count(db, filter),
      ]);
      return { items: rows.map(presentEmployee), total };
    },

    async get(ctx: CallContext, id: string): Promise<Employee> {
      assertCan(ctx.actor, 'org.read');
      return presentEmployee(await mustFind(db, id));
    },

    async create(ctx: CallContext, input: EmployeeCreate): Promise<Employee> {
      assertCan(ctx.actor, 'org.write');
      const now = clock();
      const at = now.toISOString();
      const row: EmployeeRow = {
        id: newId(now.getTime()),
        code: input.code,
        name_ru: input.name.ru ?? null,
        name_en: input.name.en ?? null,
        position: input.position,
        unit_id: input.unit_id,
        email: input.email,
        extensions: JSON.stringify(input.extensions),
        user_id: input.user_id,
        status: 'active',
        created_at: at,
        updated_at: at,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await settingRepository.lock(tx, TREE_LOCK, at);
          await checkReferences(tx, { unit_id: row.unit_id, user_id: row.user_id });
          await employeeRepository.insert(tx, row);
          await recordChange(tx, ctx, now, {
            action: 'employee.create',
            entity: 'employee',
            entityId: row.id,
            after: presentEmployee(row),
          });
        });
      } catch (e) {
        duplicateCode(e, 'employee', input.code);
      }
      return presentEmployee(row);
    },

    /** Edits, moves to another unit, links an account, or records that the employee left (or returned). */
    async update(ctx: CallContext, id: string, patch: EmployeeUpdate): Promise<Employee> {
      assertCan(ctx.actor, 'org.write');
      const now = clock();
      try {
        return await db.transaction().execute(async (tx) => {
          await settingRepository.lock(tx, TREE_LOCK, now.toISOString());
          const before = await mustFind(tx, id);
          const after: EmployeeRow = {
            ...before,
            code: patch.code ?? before.code,
            name_ru: patch.name ? (patch.name.ru ?? null) : before.name_ru,
            name_en: patch.name ? (patch.name.en ?? null) : before.name_en,
            position: patch.position === undefined ? before.position : patch.position,
            unit_id: patch.unit_id ?? before.unit_id,
            email: patch.email === undefined ? before.email : patch.email,
            extensions: patch.extensions === undefined ? before.extensions : JSON.stringify(patch.extensions),
            user_id: patch.user_id === undefined ? before.user_id : patch.user_id,
            status: patch.status ?? before.status,
            updated_at: now.toISOString(),
          };
          await checkReferences(tx, {
            ...(after.unit_id !== before.unit_id ? { unit_id: after.unit_id } : {}),
            ...(after.user_id !== before.user_id ? { user_id: after.user_id } : {}),
          });
          const { id: _id, created_at: _created, ...changes } = after;
          await employeeRepository.update(tx, id, changes);
          const leaves = after.status === 'left' && before.status !== 'left';
          await recordChange(tx, ctx, now, {
            action: leaves ? 'employee.leave' : 'employee.update',
            entity: 'employee',
            entityId: id,
            before: presentEmployee(before),
            after: presentEmployee(after),
          });
          return presentEmployee(after);
        });
      } catch (e) {
        duplicateCode(e, 'employee', patch.code);
      }
    },
  };
}

export type EmployeeService = ReturnType<typeof createEmployeeService>;
