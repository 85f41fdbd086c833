import { AppError, assertCan, ValidationError, type FieldIssue } from '../core';
import { effectiveSettings } from '../core/org/unit-settings';
import { nestUnits, wouldCreateCycle } from '../core/org/unit-tree';
import type {
  Unit,
  UnitCreate,
  UnitEffectiveSettings,
  UnitList,
  UnitListQuery,
  UnitTree,
  UnitUpdate,
} from '../contract/unit.schema';
import type { Db } from '../db/database';
import { employeeRepository } from '../db/employee.repository';
import { newId } from '../db/ids';
import { settingRepository } from '../db/setting.repository';
import { unitRepository, type UnitRow } from '../db/unit.repository';
import { recordChange } from './audit-recorder';
import { enqueueRejudge } from './monitoring/rejudge-queue';
import { duplicateCode, found } from './entity-errors';
import { presentUnit } from './presenters';
import type { CallContext, ServiceDeps } from './service-context';

/**
 * Every change to the tree and to who sits in it takes this lock, so on PostgreSQL two moves cannot
 * close a loop together, nor can a unit be archived while someone is added to it.
 */
export const TREE_LOCK = 'lock.units';

/** The organization's units: list, tree, create, update (rename, move, archive); never delete. */
export function createUnitService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const mustFind = async (tx: Db, id: string) => found(await unitRepository.findById(tx, id), 'unit', id);

  /**
   * The parent must exist, must not be the unit itself or below it, and must be active while the
   * unit is: an active unit under an archived one would undo the archiving rule below.
   */
  async function checkParent(tx: Db, unit: { id: string; status: string }, parentId: string | null) {
    if (parentId === null) return;
    const parent = await unitRepository.findById(tx, parentId);
    const problem = !parent
      ? { code: 'unknown', message: `No unit with id ${parentId}` }
      : parent.status === 'archived' && unit.status === 'active'
        ? { code: 'archived', message: `Unit ${parent.code} is archived` }
        : wouldCreateCycle(await unitRepository.parentLinks(tx), unit.id, parentId)
          ? { code: 'cycle', message: 'A unit cannot be moved under itself or a unit below it' }
          : undefined;
    if (problem) throw new ValidationError([{ in: 'body', path: 'parent_id', ...problem }]);
  }

  /** Archiving leaves no active unit or employee without an active home. */
  async function checkCanArchive(tx: Db, row: UnitRow) {
    const children = await unitRepository.count(tx, { parent_id: row.id, status: 'active' });
    const employees = await employeeRepository.count(tx, { unit_ids: [row.id], status: 'active' });
    if (children > 0 || employees > 0) {
      throw new AppError(
        'conflict',
        `Unit ${row.code} still has ${children} active unit(s) and ${employees} active employee(s) — move or archive them first`,
        { reason: 'not_empty', active_children: children, active_employees: employees },
      );
    }
  }

  /** Heads must be active employees; every unknown or departed one is named. */
  async function checkHeads(tx: Db, headIds: readonly string[]) {
    const issues: FieldIssue[] = [];
    for (const [i, id] of headIds.entries()) {
      const employee = await employeeRepository.findById(tx, id);
      if (!employee || employee.status !== 'active') {
        issues.push({
          in: 'body',
          path: `head_ids.${i}`,
          code: employee ? 'left' : 'unknown',
          message: employee ? `Employee ${employee.code} has left` : `No employee with id ${id}`,
        });
      }
    }
    if (issues.length > 0) throw new ValidationError(issues);
  }

  /** Units as answered, each with its heads (one query for the lot). */
  async function present(tx: Db, rows: readonly UnitRow[]): Promise<Unit[]> {
    const heads = await unitRepository.headsOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => presentUnit(row, heads.get(row.id) ?? []));
  }

  return {
    async list(ctx: CallContext, query: UnitListQuery): Promise<UnitList> {
      assertCan(ctx.actor, 'org.read');
      const filter = { q: query.q, parent_id: query.parent_id, status: query.status };
      const [rows, total] = await Promise.all([
        unitRepository.list(db, filter, query),
        unitRepository.count(db, filter),
      ]);
      return { items: await present(db, rows), total };
    },

    /** The whole organization as nested nodes, siblings sorted by code. */
    async tree(ctx: CallContext): Promise<UnitTree> {
      assertCan(ctx.actor, 'org.read');
      const [rows, heads] = await Promise.all([unitRepository.all(db), unitRepository.headsOf(db)]);
      return { roots: nestUnits(rows.map((row) => presentUnit(row, heads.get(row.id) ?? []))) };
    },

    async get(ctx: CallContext, id: string): Promise<Unit> {
      assertCan(ctx.actor, 'org.read');
      const [unit] = await present(db, [await mustFind(db, id)]);
      return unit!;
    },

    /** The time zone and calendar that apply to the unit, each its own or inherited up the tree. */
    async effectiveSettings(ctx: CallContext, id: string): Promise<UnitEffectiveSettings> {
      assertCan(ctx.actor, 'org.read');
      await mustFind(db, id);
      const rows = await unitRepository.all(db);
      const links = new Map(rows.map((r) => [r.id, r.parent_id]));
      const own = new Map(rows.map((r) => [r.id, { timezone: r.timezone, calendar: r.calendar }]));
      return { unit_id: id, ...effectiveSettings(links, own, id) };
    },

    async create(ctx: CallContext, input: UnitCreate): Promise<Unit> {
      assertCan(ctx.actor, 'org.write');
      const now = clock();
      const at = now.toISOString();
      const row: UnitRow = {
        id: newId(now.getTime()),
        code: input.code,
        name_ru: input.name.ru ?? null,
        name_en: input.name.en ?? null,
        parent_id: input.parent_id,
        timezone: input.timezone,
        calendar: input.calendar,
        contact: input.contact === null ? null : JSON.stringify(input.contact),
        status: 'active',
        created_at: at,
        updated_at: at,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await settingRepository.lock(tx, TREE_LOCK, at);
          await checkParent(tx, row, row.parent_id);
          await checkHeads(tx, input.head_ids);
          await unitRepository.insert(tx, row);
          await unitRepository.setHeads(tx, row.id, input.head_ids);
          await recordChange(tx, ctx, now, {
            action: 'unit.create',
            entity: 'unit',
            entityId: row.id,
            after: presentUnit(row, input.head_ids),
          });
        });
      } catch (e) {
        duplicateCode(e, 'unit', input.code);
      }
      return presentUnit(row, input.head_ids);
    },

    /** Renames, moves (a new `parent_id`), changes settings, archives or restores. */
    async update(ctx: CallContext, id: string, patch: UnitUpdate): Promise<Unit> {
      assertCan(ctx.actor, 'org.write');
      const now = clock();
      try {
        return await db.transaction().execute(async (tx) => {
          await settingRepository.lock(tx, TREE_LOCK, now.toISOString());
          const before = await mustFind(tx, id);
          const headsBefore = (await unitRepository.headsOf(tx, [id])).get(id) ?? [];
          const headsAfter = patch.head_ids ?? headsBefore;
          const after: UnitRow = {
            ...before,
            code: patch.code ?? before.code,
            name_ru: patch.name ? (patch.name.ru ?? null) : before.name_ru,
            name_en: patch.name ? (patch.name.en ?? null) : before.name_en,
            parent_id: patch.parent_id === undefined ? before.parent_id : patch.parent_id,
            timezone: patch.timezone === undefined ? before.timezone : patch.timezone,
            calendar: patch.calendar === undefined ? before.calendar : patch.calendar,
            contact:
              patch.contact === undefined
                ? before.contact
                : patch.contact === null
                  ? null
                  : JSON.stringify(patch.contact),
            status: patch.status ?? before.status,
            updated_at: now.toISOString(),
          };
          const moves = after.parent_id !== before.parent_id;
          const archives = after.status === 'archived' && before.status !== 'archived';
          const restores = after.status === 'active' && before.status !== 'active';
          if (moves || restores) await checkParent(tx, after, after.parent_id);
          if (archives) await checkCanArchive(tx, before);
          if (patch.head_ids) await checkHeads(tx, patch.head_ids);
          const { id: _id, created_at: _created, ...changes } = after;
          await unitRepository.update(tx, id, changes);
          if (patch.head_ids) await unitRepository.setHeads(tx, id, patch.head_ids);
          // Standards bind a unit with everything below it: a move changes which apply to its records.
          if (moves)
            await enqueueRejudge(tx, now, {
              fromMs: null,
              toMs: null,
              title: `Unit ${after.code} moved`,
              createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            });
          await recordChange(tx, ctx, now, {
            action: archives ? 'unit.archive' : moves ? 'unit.move' : 'unit.update',
            entity: 'unit',
            entityId: id,
            before: presentUnit(before, headsBefore),
            after: presentUnit(after, headsAfter),
          });
          return presentUnit(after, headsAfter);
        });
      } catch (e) {
        duplicateCode(e, 'unit', patch.code);
      }
    },
  };
}

export type UnitService = ReturnType<typeof createUnitService>;
