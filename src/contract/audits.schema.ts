import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { TemplateSection, TemplateTitle } from './audit-template.schema';
import { LocalizedText } from './standards-file.schema';

/**
 * Audits (issue 7, docs/AUDITS.md): drafts, submission, amendments and the score's explanation.
 * Not the audit LOG (that is audit.schema.ts).
 */

/** A rating point (1…points), `yes`/`no` for a checklist, `na`; null clears an answer (drafts). */
export const ItemAnswer = z.union([z.number(), z.enum(['yes', 'no', 'na'])]);
const ItemId = z.string().min(1).max(100);
export const AnswersPatch = z.record(ItemId, ItemAnswer.nullable());
export const CommentsPatch = z.record(ItemId, z.string().trim().max(2000).nullable());

export const AuditCreate = z.object({
  template_id: Id,
  /** The unit observed, by code. */
  unit: z.string().min(1).max(100),
  /** The employee observed, by code, if one was. */
  employee: z.string().min(1).max(100).nullable().optional(),
  /** The interaction record observed (one call), if any. */
  interaction_id: z.string().min(1).max(200).nullable().optional(),
  /** When the observation took place; now by default. */
  observed_at: Instant.optional(),
  answers: AnswersPatch.optional(),
  comments: CommentsPatch.optional(),
  /** The schedule round this audit is made for (its template and unit); one audit per round. */
  round_id: Id.nullable().optional(),
});
export type AuditCreate = z.infer<typeof AuditCreate>;

export const AuditAnswersInput = z.object({
  /** Item id → answer; items left out keep their answer, null clears one. */
  answers: AnswersPatch.default({}),
  comments: CommentsPatch.optional(),
  observed_at: Instant.optional(),
});
export type AuditAnswersInput = z.infer<typeof AuditAnswersInput>;

export const AuditAmendmentInput = z.object({
  /** The items to change (the others keep their answers); the result must still be complete. */
  answers: AnswersPatch,
  comments: CommentsPatch.optional(),
  reason: z.string().trim().min(1, 'say why the audit is amended').max(2000),
});
export type AuditAmendmentInput = z.infer<typeof AuditAmendmentInput>;

export const AuditQueryParams = z.object({
  /** A unit code: audits of it and the units below it. */
  unit: z.string().min(1).max(100).optional(),
  status: z.enum(['draft', 'submitted']).optional(),
  /** `me`: only audits the caller made. */
  auditor: z.literal('me').optional(),
  template_id: Id.optional(),
  /** Observed at or after. */
  from: Instant.optional(),
  /** Observed before. */
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditQueryParams = z.infer<typeof AuditQueryParams>;

const Ref = z.object({ id: z.string(), code: z.string() });
const Answers = z.record(z.string(), ItemAnswer);

export const AuditSummary = z
  .object({
    id: Id,
    template: z.object({ id: Id, code: z.string(), title: TemplateTitle, version: z.number().int() }),
    unit: Ref,
    employee: Ref.nullable(),
    auditor: z.object({ kind: z.enum(['user', 'token', 'system']), id: z.string(), label: z.string() }),
    interaction_id: z.string().nullable(),
    /** The schedule round it was started from, if any. */
    round_id: Id.nullable(),
    status: z.enum(['draft', 'submitted']),
    observed_at: Instant,
    submitted_at: Instant.nullable(),
    score: z.number().nullable(),
    outcome: z.enum(['passed', 'failed', 'not_scored']).nullable(),
    amendments: z.number().int(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'AuditSummary' });
export type AuditSummary = z.infer<typeof AuditSummary>;

export const AuditPageOut = z.object({ items: z.array(AuditSummary), next_cursor: z.string().nullable() });
export type AuditPageOut = z.infer<typeof AuditPageOut>;

const Bilingual = z.object({ ru: z.string(), en: z.string() });

export const ItemExplanationOut = z.object({
  item_id: z.string(),
  section_id: z.string(),
  title: LocalizedText.optional(),
  answer: ItemAnswer.nullable(),
  verdict: z.enum(['pass', 'fail', 'na', 'unanswered']),
  rule: z.object({
    type: z.enum(['rating', 'checklist']),
    scale: z.string().optional(),
    points: z.number().optional(),
    pass_min: z.number().optional(),
  }),
  weight: z.number(),
  critical: z.boolean(),
  counted: z.number(),
  earned: z.number(),
  contribution: z.number(),
  lost: z.number(),
  says: Bilingual,
});

export const ScoreExplanation = z
  .object({
    score: z.number().nullable(),
    weighted_score: z.number().nullable(),
    earned: z.number(),
    counted: z.number(),
    pass_mark: z.number(),
    outcome: z.enum(['passed', 'failed', 'not_scored']),
    critical_failed: z.array(z.string()),
    complete: z.boolean(),
    unanswered: z.array(z.string()),
    passed: z.number().int(),
    failed: z.number().int(),
    na: z.number().int(),
    items: z.array(ItemExplanationOut),
    sections: z.array(
      z.object({
        section_id: z.string(),
        earned: z.number(),
        counted: z.number(),
        score: z.number().nullable(),
        passed: z.number().int(),
        failed: z.number().int(),
        na: z.number().int(),
        unanswered: z.number().int(),
        critical_failed: z.array(z.string()),
      }),
    ),
    summary: Bilingual,
  })
  .meta({ id: 'AuditScoreExplanation' });

export const AuditAmendment = z.object({
  n: z.number().int(),
  answers_before: Answers,
  answers_after: Answers,
  reason: z.string(),
  by: z.string(),
  at: Instant,
});

export const AuditDetail = AuditSummary.extend({
  answers: Answers,
  comments: z.record(z.string(), z.string()),
  pass_mark: z.number(),
  /** The template version's sections the audit is judged by (standards' measures as they were). */
  sections: z.array(TemplateSection),
  explanation: ScoreExplanation,
  amendment_history: z.array(AuditAmendment),
}).meta({ id: 'AuditDetail' });
export type AuditDetail = z.infer<typeof AuditDetail>;
