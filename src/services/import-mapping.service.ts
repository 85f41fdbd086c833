import { AppError, assertCan, ValidationError, type FieldIssue } from '../core';
import type { ImportMapping, ImportMappingInput } from '../contract/monitoring.schema';
import type { Db, ImportMappingsTable } from '../db/database';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import type { CallContext, ServiceDeps } from './service-context';

type Row = ImportMappingsTable;

/**
 * Saved column mappings for file imports (issue 6): `{ our field: their column }` under a unique
 * name, so a file from the same system maps the same way next time. Changes are audited.
 */
export function createImportMappingService(deps: ServiceDeps) {
  const { db, clock } = deps;

  function present(row: Row): ImportMapping {
    return {
      id: row.id,
      name: row.name,
      format: row.format as ImportMapping['format'],
      mapping: JSON.parse(row.mapping) as Record<string, string>,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  /** Every their-column trimmed and non-empty; our field names trimmed. */
  function cleanMapping(mapping: Readonly<Record<string, string>>): Record<string, string> {
    const issues: FieldIssue[] = [];
    const out: Record<string, string> = {};
    for (const [ours, theirs] of Object.entries(mapping)) {
      if (ours.trim() === '') issues.push({ in: 'body', path: 'mapping', message: 'a field name is empty' });
      else if (theirs.trim() === '')
        issues.push({ in: 'body', path: `mapping.${ours}`, message: 'must name a column' });
      else out[ours.trim()] = theirs.trim();
    }
    if (issues.length > 0) throw new ValidationError(issues);
    return out;
  }

  const duplicateName = (name: string) =>
    new AppError('conflict', `A mapping named "${name}" already exists`, { field: 'name' });

  async function assertNameFree(tx: Db, name: string, exceptId?: string) {
    const other = await tx
      .selectFrom('import_mappings')
      .select('id')
      .where('name', '=', name)
      .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
      .executeTakeFirst();
    if (other) throw duplicateName(name);
  }

  /** Two writers racing for one name: the database's unique index decides, still a 409. */
  async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(name);
      throw error;
    }
  }

  async function mustFind(tx: Db, id: string): Promise<Row> {
    const row = await tx.selectFrom('import_mappings').selectAll().where('id', '=', id).executeTakeFirst();
    return found(row, 'import mapping', id);
  }

  return {
    async list(ctx: CallContext): Promise<{ items: ImportMapping[] }> {
      assertCan(ctx.actor, 'monitoring.read');
      const rows = await db.selectFrom('import_mappings').selectAll().orderBy('name').orderBy('id').execute();
      return { items: rows.map(present) };
    },

    /** One saved mapping, or undefined (an import names it by id). */
    async find(id: string): Promise<ImportMapping | undefined> {
      const row = await db.selectFrom('import_mappings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },

    async create(ctx: CallContext, input: ImportMappingInput): Promise<ImportMapping> {
      assertCan(ctx.actor, 'monitoring.manage');
      const mapping = cleanMapping(input.mapping);
      const now = clock();
      return uniqueName(input.name, () =>
        db.transaction().execute(async (tx) => {
          await assertNameFree(tx, input.name);
          const row: Row = {
            id: newId(now.getTime()),
            name: input.name,
            format: input.format,
            mapping: JSON.stringify(mapping),
            created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          };
          await tx.insertInto('import_mappings').values(row).execute();
          const answer = present(row);
          await recordChange(tx, ctx, now, {
            action: 'import_mapping.create',
            entity: 'import_mapping',
            entityId: row.id,
            after: answer,
          });
          return answer;
        }),
      );
    },

    async update(ctx: CallContext, id: string, input: ImportMappingInput): Promise<ImportMapping> {
      assertCan(ctx.actor, 'monitoring.manage');
      const mapping = cleanMapping(input.mapping);
      const now = clock();
      return uniqueName(input.name, () =>
        db.transaction().execute(async (tx) => {
          const before = await mustFind(tx, id);
          await assertNameFree(tx, input.name, id);
          const after: Row = {
            ...before,
            name: input.name,
            format: input.format,
            mapping: JSON.stringify(mapping),
            updated_at: now.toISOString(),
          };
          await tx
            .updateTable('import_mappings')
            .set({
              name: after.name,
              format: after.format,
              mapping: after.mapping,
              updated_at: after.updated_at,
            })
            .where('id', '=', id)
            .execute();
          const answer = present(after);
          await recordChange(tx, ctx, now, {
            action: 'import_mapping.update',
            entity: 'import_mapping',
            entityId: id,
            before: present(before),
            after: answer,
          });
          return answer;
        }),
      );
    },

    async delete(ctx: CallContext, id: string): Promise<void> {
      assertCan(ctx.actor, 'monitoring.manage');
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const before = await mustFind(tx, id);
        await tx.deleteFrom('import_mappings').where('id', '=', id).execute();
        await recordChange(tx, ctx, now, {
          action: 'import_mapping.delete',
          entity: 'import_mapping',
          entityId: id,
          before: present(before),
        });
      });
    },
  };
}

export type ImportMappingService = ReturnType<typeof createImportMappingService>;
