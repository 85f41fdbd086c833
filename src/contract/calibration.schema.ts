import { z } from 'zod';
import { Id, Instant } from './common.schema';
import { TemplateSection, TemplateTitle } from './audit-template.schema';
import { ItemAnswer } from './audits.schema';

/**
 * Calibration sessions (issue 7, docs/AUDITS.md "Calibration: judging alike"): several auditors
 * judge the same subjects blind; the creator reveals; then answers side by side and
 * Krippendorff's alpha per item and per level, and each auditor's leniency.
 */

const SubjectId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a letter or digit, then letters, digits, "_", "-" or "."');
const ItemId = z.string().min(1).max(100);

export const CalibrationSubjectInput = z.object({
  /** Unique in the session; `s1`, `s2`… by position when left out. */
  id: SubjectId.optional(),
  label: z.string().trim().min(1).max(200),
  /** What to judge: where the recording is, what the visit was, links to the photos. */
  description: z.string().trim().max(4000).default(''),
  /** The interaction record (one recorded call) judged, if any. */
  interaction_id: z.string().min(1).max(200).nullable().optional(),
});

export const CalibrationCreate = z.object({
  title: z.string().trim().min(1).max(200),
  /** The template whose latest version's items are judged. */
  template_id: Id,
  subjects: z.array(CalibrationSubjectInput).min(1).max(20),
  /** People who can write audits; at least two (alpha compares observers). */
  participant_ids: z.array(Id).min(2).max(50),
});
export type CalibrationCreate = z.infer<typeof CalibrationCreate>;

/** Subject id → item id → answer; null clears one. */
export const CalibrationAnswersInput = z.object({
  answers: z.record(SubjectId, z.record(ItemId, ItemAnswer.nullable())).default({}),
  comments: z.record(SubjectId, z.record(ItemId, z.string().trim().max(2000).nullable())).optional(),
});
export type CalibrationAnswersInput = z.infer<typeof CalibrationAnswersInput>;

export const CalibrationSubject = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  interaction_id: z.string().nullable(),
});
export type CalibrationSubject = z.infer<typeof CalibrationSubject>;

const TemplateRef = z.object({ id: Id, code: z.string(), title: TemplateTitle, version: z.number().int() });
const Person = z.object({ id: z.string(), label: z.string() });

export const CalibrationParticipant = z.object({
  user_id: Id,
  name: z.string(),
  submitted_at: Instant.nullable(),
});

export const CalibrationSummary = z
  .object({
    id: Id,
    title: z.string(),
    template: TemplateRef,
    status: z.enum(['open', 'revealed']),
    subjects: z.number().int(),
    participants: z.number().int(),
    submitted: z.number().int(),
    created_by: Person,
    created_at: Instant,
    revealed_at: Instant.nullable(),
    /** The caller is a participant; when they submitted. */
    me: z.object({ participant: z.boolean(), submitted_at: Instant.nullable() }),
  })
  .meta({ id: 'CalibrationSummary' });
export type CalibrationSummary = z.infer<typeof CalibrationSummary>;

export const CalibrationList = z.object({ items: z.array(CalibrationSummary), total: z.number().int() });
export type CalibrationList = z.infer<typeof CalibrationList>;

const AnswerGrid = z.record(z.string(), z.record(z.string(), ItemAnswer));
const CommentGrid = z.record(z.string(), z.record(z.string(), z.string()));

export const AlphaVerdictOut = z.enum([
  'reliable',
  'tentative',
  'disagree',
  'full_agreement',
  'not_computable',
]);
export type AlphaVerdictOut = z.infer<typeof AlphaVerdictOut>;

export const AgreementOut = z.object({
  level: z.enum(['nominal', 'ordinal']),
  /** Krippendorff's alpha; null when undefined (no variation) or not computable (nothing pairable). */
  alpha: z.number().nullable(),
  /**
   * `reliable` ≥ 0.8, `tentative` ≥ 0.667, `disagree` below ("observers disagree — sharpen the
   * guidance"); `full_agreement`: everyone gave the same answer everywhere (alpha undefined);
   * `not_computable`: no subject was judged by two auditors.
   */
  verdict: AlphaVerdictOut,
  says: z.object({ ru: z.string(), en: z.string() }),
  pairable_units: z.number().int(),
  units: z.number().int(),
});
export type AgreementOut = z.infer<typeof AgreementOut>;

export const CalibrationItemResult = z.object({
  item_id: z.string(),
  section_id: z.string(),
  agreement: AgreementOut,
  /** Per subject: each submitted auditor's answer (absent: none) and whether the answers differ. */
  subjects: z.array(
    z.object({
      subject_id: z.string(),
      answers: z.record(z.string(), ItemAnswer),
      comments: z.record(z.string(), z.string()),
      disagree: z.boolean(),
    }),
  ),
  /** Ordinal items: subjects where some said N/A and others gave a point (N/A is missing for alpha). */
  na_conflicts: z.array(
    z.object({ subject_id: z.string(), na: z.array(z.string()), points: z.array(z.string()) }),
  ),
});

export const CalibrationResults = z.object({
  /** Submitted participants, in the order of the answers; others' answers are missing. */
  auditors: z.array(z.object({ user_id: Id, name: z.string() })),
  items: z.array(CalibrationItemResult),
  /** One per level present in the template: all its items' judgements pooled. */
  overall: z.array(AgreementOut),
  /**
   * Each auditor's mean deviation from the others on the same units, per level: ordinal in points
   * (above 0 more lenient), nominal the share of the others' answers that differ (0…1).
   */
  leniency: z.array(
    z.object({
      user_id: Id,
      level: z.enum(['nominal', 'ordinal']),
      units: z.number().int(),
      mean_deviation: z.number().nullable(),
    }),
  ),
});
export type CalibrationResults = z.infer<typeof CalibrationResults>;

export const CalibrationDetail = CalibrationSummary.extend({
  subject_list: z.array(CalibrationSubject),
  sections: z.array(TemplateSection),
  /** Who takes part and who has submitted: the only thing about others shown before the reveal. */
  participant_list: z.array(CalibrationParticipant),
  /** The caller created the session (may reveal it). */
  can_reveal: z.boolean(),
  /** The caller's own answers and comments (participants only). */
  my_answers: AnswerGrid,
  my_comments: CommentGrid,
  /** Null until revealed. */
  results: CalibrationResults.nullable(),
}).meta({ id: 'CalibrationDetail' });
export type CalibrationDetail = z.infer<typeof CalibrationDetail>;

export const CalibrationCandidates = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), email: z.string(), role: z.string() })),
});
export type CalibrationCandidates = z.infer<typeof CalibrationCandidates>;
