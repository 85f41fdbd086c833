import { AppError, assertCan, ValidationError, type FieldIssue } from '../core';
import { checkAuditTemplate, type AuditTemplateScoring } from '../core/audits/scoring';
import type {
  AuditTemplate,
  AuditTemplateInput,
  AuditTemplateSummary,
  ObservedMeasureSnapshot,
  TemplateDefinition,
} from '../contract/audit-template.schema';
import type { AuditTemplatesTable, AuditTemplateVersionsTable, Db } from '../db/database';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { catalogInForce } from './catalog-in-force';
import { duplicateCode, found } from './entity-errors';
import type { CallContext, ServiceDeps } from './service-context';

/** A template version as core scores it: the stored definition with camelCase where core wants it. */
export function scoringOf(definition: TemplateDefinition): AuditTemplateScoring {
  return {
    passMark: definition.pass_mark,
    sections: definition.sections.map((s) => ({
      id: s.id,
      ...(s.title === null ? {} : { title: titleText(s.title) }),
      items: s.items.map((i) => ({ id: i.id, title: i.title, measure: i.measure as never })),
    })),
  };
}

const titleText = (t: { ru: string | null; en: string | null }) => ({
  ...(t.ru === null ? {} : { ru: t.ru }),
  ...(t.en === null ? {} : { en: t.en }),
});

const titleOf = (t: { ru?: string | undefined; en?: string | undefined }) => ({
  ru: t.ru ?? null,
  en: t.en ?? null,
});

/** The template (not deleted) and one of its versions, or 404. */
export async function loadTemplateVersion(
  db: Db,
  id: string,
  version?: number,
  includeDeleted = false,
): Promise<{
  template: AuditTemplatesTable;
  row: AuditTemplateVersionsTable;
  definition: TemplateDefinition;
}> {
  let q = db.selectFrom('audit_templates').selectAll().where('id', '=', id);
  if (!includeDeleted) q = q.where('deleted_at', 'is', null);
  const template = found(await q.executeTakeFirst(), 'audit template', id);
  const v = version ?? template.version;
  const row = await db
    .selectFrom('audit_template_versions')
    .selectAll()
    .where('template_id', '=', id)
    .where('version', '=', v)
    .executeTakeFirst();
  if (row === undefined)
    throw new AppError('not_found', `Audit template ${id} has no version ${v}`, {
      entity: 'audit template',
      id,
    });
  return { template, row, definition: JSON.parse(row.definition) as TemplateDefinition };
}

/**
 * Audit templates (issue 7): sections of items built from published observed standards. Saving
 * snapshots each standard's version in force and its measure; every edit that changes what an
 * audit is judged by makes a new version, and audits keep the version they were made with.
 */
export function createAuditTemplateService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** The definition an input makes: each item's standard in force now, checked and snapshotted. */
  async function definitionOf(tx: Db, input: AuditTemplateInput, now: Date): Promise<TemplateDefinition> {
    const codes = [...new Set(input.sections.flatMap((s) => s.items.map((i) => i.standard)))];
    const inForce = new Map(
      (await catalogInForce(tx, 'standard', now.toISOString(), codes)).map((s) => [s.code, s]),
    );
    const issues: FieldIssue[] = [];
    const definition: TemplateDefinition = {
      pass_mark: input.pass_mark,
      sections: input.sections.map((section, i) => ({
        id: section.id,
        title: section.title === undefined ? null : titleOf(section.title),
        items: section.items.flatMap((item, j) => {
          const path = `sections.${i}.items.${j}.standard`;
          const standard = inForce.get(item.standard);
          if (standard === undefined) {
            issues.push({
              in: 'body',
              path,
              code: 'unknown_standard',
              message: `No published standard in force has the code "${item.standard}"`,
            });
            return [];
          }
          const measure = standard.definition.measure;
          if (measure.type !== 'rating' && measure.type !== 'checklist') {
            issues.push({
              in: 'body',
              path,
              code: 'not_observed',
              message: `Standard "${item.standard}" is measured by "${measure.type}", not judged in audits (rating or checklist)`,
            });
            return [];
          }
          return [
            {
              id: standard.code,
              standard: standard.code,
              standard_version: standard.version,
              title: standard.definition.title,
              measure: measure as ObservedMeasureSnapshot,
            },
          ];
        }),
      })),
    };
    if (issues.length === 0)
      for (const p of checkAuditTemplate(scoringOf(definition)))
        issues.push({ in: 'body', path: p.path, ...(p.code ? { code: p.code } : {}), message: p.message });
    if (issues.length > 0) throw new ValidationError(issues);
    return definition;
  }

  function present(
    template: AuditTemplatesTable,
    row: AuditTemplateVersionsTable,
    definition: TemplateDefinition,
  ): AuditTemplate {
    return {
      id: template.id,
      code: template.code,
      title: { ru: template.title_ru, en: template.title_en },
      pass_mark: definition.pass_mark,
      version: row.version,
      latest_version: template.version,
      sections: definition.sections,
      version_created_at: row.created_at,
      version_created_by: row.created_by_label,
      created_at: template.created_at,
      updated_at: template.updated_at,
    };
  }

  async function insertVersion(
    tx: Db,
    ctx: CallContext,
    templateId: string,
    version: number,
    definition: TemplateDefinition,
    at: string,
  ) {
    const row: AuditTemplateVersionsTable = {
      template_id: templateId,
      version,
      definition: JSON.stringify(definition),
      created_at: at,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_by_label: ctx.actor.label,
    };
    await tx.insertInto('audit_template_versions').values(row).execute();
    return row;
  }

  return {
    /** Every template not deleted, by code. */
    async list(ctx: CallContext): Promise<{ items: AuditTemplateSummary[] }> {
      assertCan(ctx.actor, 'audits.read');
      const rows = await db
        .selectFrom('audit_templates as t')
        .innerJoin('audit_template_versions as v', (j) =>
          j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'),
        )
        .selectAll('t')
        .select('v.definition')
        .where('t.deleted_at', 'is', null)
        .orderBy('t.code')
        .execute();
      return {
        items: rows.map((t) => ({
          id: t.id,
          code: t.code,
          title: { ru: t.title_ru, en: t.title_en },
          pass_mark: t.pass_mark,
          latest_version: t.version,
          created_at: t.created_at,
          updated_at: t.updated_at,
          items: (JSON.parse(t.definition) as TemplateDefinition).sections.reduce(
            (n, s) => n + s.items.length,
            0,
          ),
        })),
      };
    },

    /** One template at its latest version, or at `version`. */
    async get(ctx: CallContext, id: string, version?: number): Promise<AuditTemplate> {
      assertCan(ctx.actor, 'audits.read');
      const { template, row, definition } = await loadTemplateVersion(db, id, version);
      return present(template, row, definition);
    },

    async create(ctx: CallContext, input: AuditTemplateInput): Promise<AuditTemplate> {
      assertCan(ctx.actor, 'audit_templates.manage');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const definition = await definitionOf(tx, input, now);
        const template: AuditTemplatesTable = {
          id: newId(now.getTime()),
          code: input.code,
          title_ru: input.title.ru ?? null,
          title_en: input.title.en ?? null,
          pass_mark: input.pass_mark,
          version: 1,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        try {
          await tx.insertInto('audit_templates').values(template).execute();
        } catch (e) {
          duplicateCode(e, 'audit template', input.code);
        }
        const row = await insertVersion(tx, ctx, template.id, 1, definition, at);
        const answer = present(template, row, definition);
        await recordChange(tx, ctx, now, {
          action: 'audit_template.create',
          entity: 'audit_template',
          entityId: template.id,
          after: answer,
        });
        return answer;
      });
    },

    /**
     * Replaces a template. A change to what audits are judged by (pass mark, sections, items, or a
     * standard's version in force) makes a new version; a change of code or title alone does not.
     */
    async update(ctx: CallContext, id: string, input: AuditTemplateInput): Promise<AuditTemplate> {
      assertCan(ctx.actor, 'audit_templates.manage');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const before = await loadTemplateVersion(tx, id);
        const definition = await definitionOf(tx, input, now);
        const changed = JSON.stringify(definition) !== JSON.stringify(before.definition);
        const template: AuditTemplatesTable = {
          ...before.template,
          code: input.code,
          title_ru: input.title.ru ?? null,
          title_en: input.title.en ?? null,
          pass_mark: input.pass_mark,
          version: changed ? before.template.version + 1 : before.template.version,
          updated_at: at,
        };
        try {
          const { id: _id, created_at: _c, deleted_at: _d, ...changes } = template;
          await tx.updateTable('audit_templates').set(changes).where('id', '=', id).execute();
        } catch (e) {
          duplicateCode(e, 'audit template', input.code);
        }
        const row = changed ? await insertVersion(tx, ctx, id, template.version, definition, at) : before.row;
        const answer = present(template, row, changed ? definition : before.definition);
        await recordChange(tx, ctx, now, {
          action: 'audit_template.update',
          entity: 'audit_template',
          entityId: id,
          before: present(before.template, before.row, before.definition),
          after: answer,
        });
        return answer;
      });
    },

    /** Soft: audits made with it keep it; no new audits can use it. */
    async delete(ctx: CallContext, id: string): Promise<void> {
      assertCan(ctx.actor, 'audit_templates.manage');
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const before = await loadTemplateVersion(tx, id);
        await tx
          .updateTable('audit_templates')
          .set({ deleted_at: now.toISOString(), updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
        await recordChange(tx, ctx, now, {
          action: 'audit_template.delete',
          entity: 'audit_template',
          entityId: id,
          before: present(before.template, before.row, before.definition),
        });
      });
    },
  };
}

export type AuditTemplateService = ReturnType<typeof createAuditTemplateService>;
