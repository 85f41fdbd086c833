import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { LocalizedText, RATING_SCALES } from './standards-file.schema';

/**
 * Audit templates (issue 7, docs/AUDITS.md): sections of items, each item a published standard
 * whose measure is `rating` or `checklist`. Not the audit LOG (that is audit.schema.ts).
 */

const TemplateCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'letters, digits, dot, dash and underscore, starting with a letter or digit',
  );

const TitleText = z.string().trim().min(1).max(300);

/** A title in Russian and/or English (at least one). */
export const TemplateTitleInput = z
  .object({ ru: TitleText.optional(), en: TitleText.optional() })
  .refine((t) => t.ru !== undefined || t.en !== undefined, { message: 'needs ru or en' });

export const AuditTemplateInput = z.object({
  code: TemplateCode,
  title: TemplateTitleInput,
  /** The score (0…1) an audit must reach to pass, e.g. 0.8. */
  pass_mark: z.number().min(0, 'pass_mark must be within 0…1').max(1, 'pass_mark must be within 0…1'),
  sections: z
    .array(
      z.object({
        id: TemplateCode,
        title: TemplateTitleInput.optional(),
        items: z
          .array(
            z.object({
              /** The code of a published standard with a `rating` or `checklist` measure; also the item's id. */
              standard: z.string().trim().min(1).max(100),
            }),
          )
          .min(1, 'a section needs at least one item')
          .max(200),
      }),
    )
    .min(1, 'a template needs at least one section')
    .max(50),
});
export type AuditTemplateInput = z.infer<typeof AuditTemplateInput>;

/** An observed measure as the standard version stored it (snake_case, defaults applied). */
export const ObservedMeasureSnapshot = z
  .object({
    type: z.enum(['rating', 'checklist']),
    scale: z.enum(RATING_SCALES).optional(),
    pass_min: z.number().int().optional(),
    labels: z.array(LocalizedText).optional(),
    weight: z.number(),
    critical: z.boolean(),
    allow_na: z.boolean(),
    guidance: LocalizedText.optional(),
  })
  .meta({ id: 'ObservedMeasureSnapshot' });
export type ObservedMeasureSnapshot = z.infer<typeof ObservedMeasureSnapshot>;

export const TemplateItem = z.object({
  /** Unique in the template: the standard's code. Answers are keyed by it. */
  id: z.string(),
  standard: z.string(),
  standard_version: z.number().int(),
  title: LocalizedText,
  measure: ObservedMeasureSnapshot,
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateTitle = z.object({ ru: z.string().nullable(), en: z.string().nullable() });

export const TemplateSection = z.object({
  id: z.string(),
  title: TemplateTitle.nullable(),
  items: z.array(TemplateItem),
});

/** What a template version stores (also the `definition` column's JSON). */
export const TemplateDefinition = z.object({
  pass_mark: z.number(),
  sections: z.array(TemplateSection),
});
export type TemplateDefinition = z.infer<typeof TemplateDefinition>;

export const AuditTemplate = z
  .object({
    id: Id,
    code: z.string(),
    title: TemplateTitle,
    pass_mark: z.number(),
    /** The version shown (the latest unless `?version=` asked for another). */
    version: z.number().int(),
    latest_version: z.number().int(),
    sections: z.array(TemplateSection),
    version_created_at: Instant,
    version_created_by: z.string(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'AuditTemplate' });
export type AuditTemplate = z.infer<typeof AuditTemplate>;

export const AuditTemplateSummary = AuditTemplate.pick({
  id: true,
  code: true,
  title: true,
  pass_mark: true,
  latest_version: true,
  created_at: true,
  updated_at: true,
}).extend({ items: z.number().int().meta({ description: 'How many items the latest version has' }) });
export type AuditTemplateSummary = z.infer<typeof AuditTemplateSummary>;

export const AuditTemplateList = z.object({ items: z.array(AuditTemplateSummary) });

export const TemplateVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
