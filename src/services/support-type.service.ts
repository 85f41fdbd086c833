import { AppError, assertCan, ValidationError } from '../core';
import type {
  SupportType,
  SupportTypeCreate,
  SupportTypeList,
  SupportTypeUpdate,
} from '../contract/grid.schema';
import type { Db } from '../db/database';
import { isForeignKeyViolation } from '../db/dialect/driver-errors';
import { newId } from '../db/ids';
import { supportTypeRepository, type SupportTypeRow } from '../db/support-type.repository';
import { recordChange } from './audit-recorder';
import { duplicateCode, found } from './entity-errors';
import { presentSupportType } from './grid-presenters';
import type { CallContext, ServiceDeps } from './service-context';

/**
 * The grid's vocabulary of support types. Everyone reads it (`org.read`); quality leads edit it
 * (`grid.types.write`). A type is archived (`status: archived`) to stop offering it; it is deleted
 * only while no cell uses it and it is not one the product ships (`builtin`), whose codes other
 * code relies on and so cannot change either.
 */
export function createSupportTypeService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const mustFind = async (tx: Db, id: string) =>
    found(await supportTypeRepository.findById(tx, id), 'support type', id);

  const present = async (tx: Db, row: SupportTypeRow) =>
    presentSupportType(row, await supportTypeRepository.cellCount(tx, row.id));

  /** The 409 for a type that cannot be deleted, saying why. */
  const cannotDelete = (row: SupportTypeRow, cellCount: number) =>
    new AppError(
      'conflict',
      row.builtin === 1
        ? `Support type ${row.code} comes with Etalon and cannot be deleted — archive it instead`
        : `Support type ${row.code} is used by ${cellCount} grid cell(s) — archive it instead, or remove it from those cells first`,
      row.builtin === 1 ? { reason: 'builtin' } : { reason: 'in_use', cell_count: cellCount },
    );

  return {
    /** Every support type, active and archived, in the vocabulary's order (sort order, then code). */
    async list(ctx: CallContext): Promise<SupportTypeList> {
      assertCan(ctx.actor, 'org.read');
      const rows = await supportTypeRepository.list(db);
      return { items: rows.map((r) => presentSupportType(r, r.cell_count)), total: rows.length };
    },

    async get(ctx: CallContext, id: string): Promise<SupportType> {
      assertCan(ctx.actor, 'org.read');
      return present(db, await mustFind(db, id));
    },

    /** A new type goes after every existing one. */
    async create(ctx: CallContext, input: SupportTypeCreate): Promise<SupportType> {
      assertCan(ctx.actor, 'grid.types.write');
      const now = clock();
      const at = now.toISOString();
      try {
        return await db.transaction().execute(async (tx) => {
          const row: SupportTypeRow = {
            id: newId(now.getTime()),
            code: input.code,
            name_ru: input.name.ru ?? null,
            name_en: input.name.en ?? null,
            description_ru: input.description.ru ?? null,
            description_en: input.description.en ?? null,
            color: input.color,
            builtin: 0,
            status: 'active',
            sort_order: await supportTypeRepository.nextSortOrder(tx),
            created_at: at,
            updated_at: at,
          };
          await supportTypeRepository.insert(tx, row);
          const answer = presentSupportType(row, 0);
          await recordChange(tx, ctx, now, {
            action: 'support_type.create',
            entity: 'support_type',
            entityId: row.id,
            after: answer,
          });
          return answer;
        });
      } catch (e) {
        duplicateCode(e, 'support type', input.code);
      }
    },

    /**
     * Renames, recolours, archives or restores. `name` and `description` each replace both
     * languages. A built-in type keeps its code.
     */
    async update(ctx: CallContext, id: string, patch: SupportTypeUpdate): Promise<SupportType> {
      assertCan(ctx.actor, 'grid.types.write');
      const now = clock();
      try {
        return await db.transaction().execute(async (tx) => {
          // Locked first: every field is written from `before`, so two edits at once on
          // PostgreSQL would otherwise each undo the other's change (and audit a stale `before`).
          await supportTypeRepository.lock(tx, id);
          const before = await mustFind(tx, id);
          if (before.builtin === 1 && patch.code !== undefined && patch.code !== before.code) {
            throw new ValidationError([
              {
                in: 'body',
                path: 'code',
                code: 'builtin',
                message: `Support type ${before.code} comes with Etalon: its code cannot change`,
              },
            ]);
          }
          const after: SupportTypeRow = {
            ...before,
            code: patch.code ?? before.code,
            name_ru: patch.name ? (patch.name.ru ?? null) : before.name_ru,
            name_en: patch.name ? (patch.name.en ?? null) : before.name_en,
            description_ru: patch.description ? (patch.description.ru ?? null) : before.description_ru,
            description_en: patch.description ? (patch.description.en ?? null) : before.description_en,
            color: patch.color ?? before.color,
            status: patch.status ?? before.status,
            updated_at: now.toISOString(),
          };
          const { id: _id, created_at: _created, builtin: _builtin, ...changes } = after;
          await supportTypeRepository.update(tx, id, changes);
          const cellCount = await supportTypeRepository.cellCount(tx, id);
          const archives = after.status === 'archived' && before.status !== 'archived';
          const answer = presentSupportType(after, cellCount);
          await recordChange(tx, ctx, now, {
            action: archives ? 'support_type.archive' : 'support_type.update',
            entity: 'support_type',
            entityId: id,
            before: presentSupportType(before, cellCount),
            after: answer,
          });
          return answer;
        });
      } catch (e) {
        duplicateCode(e, 'support type', patch.code);
      }
    },

    /** Deletes a type no cell uses and Etalon did not ship; otherwise 409 saying why. */
    async delete(ctx: CallContext, id: string): Promise<void> {
      assertCan(ctx.actor, 'grid.types.write');
      const now = clock();
      try {
        await db.transaction().execute(async (tx) => {
          const row = await mustFind(tx, id);
          const cellCount = await supportTypeRepository.cellCount(tx, id);
          if (row.builtin === 1 || cellCount > 0) throw cannotDelete(row, cellCount);
          await supportTypeRepository.delete(tx, id);
          await recordChange(tx, ctx, now, {
            action: 'support_type.delete',
            entity: 'support_type',
            entityId: id,
            before: presentSupportType(row, 0),
          });
        });
      } catch (e) {
        // A cell took the type up between the count and the delete (another connection).
        if (isForeignKeyViolation(e)) {
          const row = await mustFind(db, id);
          throw cannotDelete(row, await supportTypeRepository.cellCount(db, id));
        }
        throw e;
      }
    },
  };
}

export type SupportTypeService = ReturnType<typeof createSupportTypeService>;
