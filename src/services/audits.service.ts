import { actorCoversUnit, AppError, assertCan, inBody, ValidationError, type FieldIssue } from '../core';
import {
  describeAuditScore,
  describeItemVerdict,
  scoreAudit,
  validateForSubmit,
  type AuditScore,
  type ItemAnswer,
} from '../core/audits/scoring';
import type {
  AuditAmendmentInput,
  AuditAnswersInput,
  AuditCreate,
  AuditDetail,
  AuditPageOut,
  AuditQueryParams,
  AuditSummary,
} from '../contract/audits.schema';
import type { TemplateDefinition } from '../contract/audit-template.schema';
import type { Channel } from '../core/compliance/interaction';
import type { AuditsTable, Db } from '../db/database';
import { newId } from '../db/ids';
import { loadTemplateVersion, scoringOf } from './audit-template.service';
import { recordChange } from './audit-recorder';
import { checkRoundForAudit } from './audit-schedule.service';
import { auditForChange, inReadScope, readScope, unitIndex, unitSubtreeByCode } from './audit-access';
import { found } from './entity-errors';
import { isUniqueViolation } from '../db/dialect/driver-errors';
import { auditScheduleRepository } from '../db/audit-schedule.repository';
import type { CountedObservation, ObservationInput } from './monitoring/observed';
import type { CallContext, ServiceDeps } from './service-context';

type Answers = Record<string, ItemAnswer>;
type Comments = Record<string, string>;

/** Merges a patch (null removes an entry) into a record, own keys only. */
function merge<T>(
  current: Record<string, T>,
  patch: Record<string, T | null> | undefined,
): Record<string, T> {
  const out: Record<string, T> = { ...current };
  if (patch === undefined) return out;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The core's explanation in the API's snake_case, with the words in both languages. */
function explain(result: AuditScore): AuditDetail['explanation'] {
  return {
    score: result.score,
    weighted_score: result.weightedScore,
    earned: result.earned,
    counted: result.counted,
    pass_mark: result.passMark,
    outcome: result.outcome,
    critical_failed: result.criticalFailed,
    complete: result.complete,
    unanswered: result.unanswered,
    passed: result.passed,
    failed: result.failed,
    na: result.na,
    items: result.items.map((i) => ({
      item_id: i.itemId,
      section_id: i.sectionId,
      ...(i.title === undefined ? {} : { title: i.title }),
      answer: i.answer,
      verdict: i.verdict,
      rule:
        i.rule.type === 'checklist'
          ? { type: 'checklist' as const }
          : { type: 'rating' as const, scale: i.rule.scale, points: i.rule.points, pass_min: i.rule.passMin },
      weight: i.weight,
      critical: i.critical,
      counted: i.counted,
      earned: i.earned,
      contribution: i.contribution,
      lost: i.lost,
      says: { ru: describeItemVerdict(i, 'ru'), en: describeItemVerdict(i, 'en') },
    })),
    sections: result.sections.map((s) => ({
      section_id: s.sectionId,
      earned: s.earned,
      counted: s.counted,
      score: s.score,
      passed: s.passed,
      failed: s.failed,
      na: s.na,
      unanswered: s.unanswered,
      critical_failed: s.criticalFailed,
    })),
    summary: { ru: describeAuditScore(result, 'ru'), en: describeAuditScore(result, 'en') },
  };
}

/** How far ahead of the server's clock an `observed_at` may be: a phone's clock runs a little fast. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An audit records what was seen, so it cannot be observed in the future: its results would count
 * in periods not yet begun. A few minutes of a device's clock skew are forgiven.
 */
function observedAtIssues(observedAt: string | undefined, now: Date): FieldIssue[] {
  if (observedAt === undefined || Date.parse(observedAt) <= now.getTime() + CLOCK_SKEW_MS) return [];
  return [
    {
      in: 'body',
      path: 'observed_at',
      code: 'in_future',
      message: `observed_at ${new Date(observedAt).toISOString()} is in the future (now ${now.toISOString()}): an audit records what was already seen`,
    },
  ];
}

/** What audits need of monitoring: placing a submitted audit's item verdicts in the results. */
export interface ObservedResults {
  countObserved(
    tx: Db,
    auditId: string,
    before: CountedObservation | null,
    after: ObservationInput | null,
  ): Promise<CountedObservation | null>;
}

/**
 * An audit's judged items as results for their standards (N/A and unanswered count nothing), at
 * the instant observed, in its unit (and employee), on the observed record's channel if any.
 */
async function observationOf(
  tx: Db,
  row: AuditsTable,
  templateCode: string,
  definition: TemplateDefinition,
  result: AuditScore,
  comments: Comments,
): Promise<ObservationInput> {
  const byId = new Map(definition.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const items: Array<ObservationInput['items'][number]> = [];
  for (const i of result.items) {
    const item = byId.get(i.itemId);
    if (!item || (i.verdict !== 'pass' && i.verdict !== 'fail')) continue;
    const comment = comments[i.itemId];
    items.push({
      standard: item.standard,
      version: item.standard_version,
      verdict: i.verdict,
      reason:
        `audit ${templateCode}: ${describeItemVerdict(i, 'en')}` +
        (comment ? ` — ${JSON.stringify(comment)}` : ''),
    });
  }
  const observed =
    row.interaction_id === null
      ? undefined
      : await tx
          .selectFrom('interactions')
          .select('channel')
          .where('id', '=', row.interaction_id)
          .executeTakeFirst();
  return {
    unitId: row.unit_id,
    employeeId: row.employee_id,
    channel: (observed?.channel as Channel | undefined) ?? null,
    atMs: Date.parse(row.observed_at),
    items,
  };
}

/**
 * Audits (issue 7): an auditor's draft saves as it goes (partial answers, each checked against its
 * item); submitting needs every item answered, scores it with the template version it was made
 * with, and makes it immutable; corrections are amendments with a reason, keeping the answers
 * before and after. Reads are scoped: a head sees the units they head (and those below), staff
 * the audits about themselves, `audits.read.all` everything.
 */
export function createAuditsService(deps: ServiceDeps, observed: ObservedResults) {
  const { db, clock } = deps;

  /** Replaces what the audit counts in the results and stores it on the audit. */
  async function count(tx: Db, row: AuditsTable, after: ObservationInput) {
    const before = row.counted === null ? null : (JSON.parse(row.counted) as CountedObservation);
    const counted = await observed.countObserved(tx, row.id, before, after);
    await tx
      .updateTable('audits')
      .set({ counted: counted && JSON.stringify(counted) })
      .where('id', '=', row.id)
      .execute();
  }

  /** Audit rows with what the summary names. */
  const base = (tx: Db) =>
    tx
      .selectFrom('audits as a')
      .innerJoin('audit_templates as t', 't.id', 'a.template_id')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .leftJoin('employees as e', 'e.id', 'a.employee_id')
      .selectAll('a')
      .select([
        't.code as template_code',
        't.title_ru as template_title_ru',
        't.title_en as template_title_en',
        'u.code as unit_code',
        'e.code as employee_code',
      ])
      .select((eb) =>
        eb
          .selectFrom('audit_amendments as m')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('m.audit_id', '=', 'a.id')
          .as('amendment_count'),
      );
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

  function summary(row: Row): AuditSummary {
    return {
      id: row.id,
      template: {
        id: row.template_id,
        code: row.template_code,
        title: { ru: row.template_title_ru, en: row.template_title_en },
        version: row.template_version,
      },
      unit: { id: row.unit_id, code: row.unit_code },
      employee:
        row.employee_id === null ? null : { id: row.employee_id, code: row.employee_code ?? row.employee_id },
      auditor: { kind: row.auditor_kind, id: row.auditor_id, label: row.auditor_label },
      interaction_id: row.interaction_id,
      round_id: row.round_id,
      status: row.status,
      observed_at: row.observed_at,
      submitted_at: row.submitted_at,
      score: row.score,
      outcome: row.outcome,
      amendments: Number(row.amendment_count ?? 0),
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  async function detail(tx: Db, id: string): Promise<AuditDetail> {
    const row = found(await base(tx).where('a.id', '=', id).executeTakeFirst(), 'audit', id);
    const { definition } = await loadTemplateVersion(tx, row.template_id, row.template_version, true);
    const answers = JSON.parse(row.answers) as Answers;
    const amendments = await tx
      .selectFrom('audit_amendments')
      .selectAll()
      .where('audit_id', '=', id)
      .orderBy('n')
      .execute();
    return {
      ...summary(row),
      answers,
      comments: JSON.parse(row.comments) as Comments,
      pass_mark: definition.pass_mark,
      sections: definition.sections,
      explanation: explain(scoreAudit(scoringOf(definition), answers)),
      amendment_history: amendments.map((m) => ({
        n: m.n,
        answers_before: JSON.parse(m.answers_before) as Answers,
        answers_after: JSON.parse(m.answers_after) as Answers,
        reason: m.reason,
        by: m.by_label,
        at: m.at,
      })),
    };
  }

  function assertDraft(row: AuditsTable) {
    if (row.status !== 'draft')
      throw new AppError(
        'conflict',
        'The audit is submitted and cannot change; amend it with a reason instead.',
        {
          reason: 'submitted',
        },
      );
  }

  /**
   * Writes a change to the audit `row` as read: only if nobody changed it since (its revision), so
   * of two racing writers (a save and a submit, two amendments) one wins and the other gets 409.
   */
  async function change(tx: Db, row: AuditsTable, set: Partial<AuditsTable>) {
    const result = await tx
      .updateTable('audits')
      .set({ ...set, revision: row.revision + 1 })
      .where('id', '=', row.id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'The audit changed meanwhile: read it again.', { reason: 'changed' });
  }

  /** Checks answers and comments against the template version; throws every problem at once. */
  function checkAnswers(definition: ReturnType<typeof scoringOf>, answers: Answers, comments: Comments) {
    const issues: FieldIssue[] = [];
    try {
      scoreAudit(definition, answers);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(...inBody(e.issues));
    }
    const known = new Set(definition.sections.flatMap((s) => s.items.map((i) => i.id)));
    for (const id of Object.keys(comments))
      if (!known.has(id))
        issues.push({
          in: 'body',
          path: `comments.${id}`,
          code: 'unknown_item',
          message: `the template has no item "${id}"`,
        });
    if (issues.length > 0) throw new ValidationError(issues, issues[0]!.message);
  }

  return {
    async list(ctx: CallContext, query: AuditQueryParams): Promise<AuditPageOut> {
      const scope = await readScope(db, ctx.actor);
      if (!scope.all && scope.unitIds.length === 0 && scope.employeeIds.length === 0)
        return { items: [], next_cursor: null };
      let q = base(db);
      if (query.unit !== undefined) q = q.where('a.unit_id', 'in', await unitSubtreeByCode(db, query.unit));
      if (!scope.all) {
        const units = scope.unitIds;
        const employees = scope.employeeIds;
        q = q.where((eb) =>
          eb.or([
            ...(units.length > 0 ? [eb('a.unit_id', 'in', units)] : []),
            ...(employees.length > 0 ? [eb('a.employee_id', 'in', employees)] : []),
          ]),
        );
      }
      if (query.status !== undefined) q = q.where('a.status', '=', query.status);
      if (query.auditor === 'me')
        q = q.where('a.auditor_kind', '=', ctx.actor.kind).where('a.auditor_id', '=', ctx.actor.id);
      if (query.template_id !== undefined) q = q.where('a.template_id', '=', query.template_id);
      if (query.from !== undefined) q = q.where('a.observed_at', '>=', new Date(query.from).toISOString());
      if (query.to !== undefined) q = q.where('a.observed_at', '<', new Date(query.to).toISOString());
      if (query.cursor !== undefined) q = q.where('a.id', '<', decodeCursor(query.cursor));
      const rows = await q
        .orderBy('a.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map(summary),
        next_cursor: rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
      };
    },

    /** One audit with its template version, the score's explanation and its amendments; 404 outside the reader's scope. */
    async get(ctx: CallContext, id: string): Promise<AuditDetail> {
      const scope = await readScope(db, ctx.actor);
      const row = found(
        await db
          .selectFrom('audits')
          .select(['unit_id', 'employee_id'])
          .where('id', '=', id)
          .executeTakeFirst(),
        'audit',
        id,
      );
      if (!inReadScope(scope, row)) found(undefined, 'audit', id);
      return detail(db, id);
    },

    /** A draft by the actor, of a unit (and employee) in their scope, with the template's latest version. */
    async create(ctx: CallContext, input: AuditCreate): Promise<AuditDetail> {
      assertCan(ctx.actor, 'audits.write');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const { template, definition } = await loadTemplateVersion(tx, input.template_id);
        const tree = await unitIndex(tx);
        const issues: FieldIssue[] = [...observedAtIssues(input.observed_at, now)];
        const unitId = tree.codeToId.get(input.unit);
        if (unitId === undefined)
          issues.push({ in: 'body', path: 'unit', message: `No unit has the code "${input.unit}"` });
        else if (!actorCoversUnit(ctx.actor, unitId, tree.ancestors(unitId)))
          throw new AppError('forbidden', `Unit "${input.unit}" is outside your units.`, {
            reason: 'unit_scope',
          });
        let employeeId: string | null = null;
        if (input.employee !== undefined && input.employee !== null) {
          const e = await tx
            .selectFrom('employees')
            .select('id')
            .where('code', '=', input.employee)
            .executeTakeFirst();
          if (e === undefined)
            issues.push({
              in: 'body',
              path: 'employee',
              message: `No employee has the code "${input.employee}"`,
            });
          else employeeId = e.id;
        }
        const interactionId = input.interaction_id ?? null;
        if (interactionId !== null) {
          const r = await tx
            .selectFrom('interactions')
            .select('id')
            .where('id', '=', interactionId)
            .executeTakeFirst();
          if (r === undefined)
            issues.push({
              in: 'body',
              path: 'interaction_id',
              message: `No interaction record has the id "${interactionId}"`,
            });
        }
        // Started from a schedule's round (part S): the round's template and unit, one audit per round.
        const roundId = input.round_id ?? null;
        if (roundId !== null)
          issues.push(
            ...(await checkRoundForAudit(tx, ctx.actor, roundId, template.id, unitId, now.getTime())),
          );
        if (issues.length > 0) throw new ValidationError(issues);
        const answers = merge<ItemAnswer>({}, input.answers);
        const comments = merge<string>({}, input.comments);
        checkAnswers(scoringOf(definition), answers, comments);
        const row: AuditsTable = {
          id: newId(now.getTime()),
          template_id: template.id,
          template_version: template.version,
          unit_id: unitId!,
          employee_id: employeeId,
          auditor_kind: ctx.actor.kind,
          auditor_id: ctx.actor.id,
          auditor_label: ctx.actor.label,
          interaction_id: interactionId,
          status: 'draft',
          answers: JSON.stringify(answers),
          comments: JSON.stringify(comments),
          observed_at: input.observed_at === undefined ? at : new Date(input.observed_at).toISOString(),
          submitted_at: null,
          score: null,
          outcome: null,
          revision: 0,
          counted: null,
          created_at: at,
          updated_at: at,
          round_id: roundId,
        };
        const taken = () =>
          new AppError('conflict', 'An audit was already started from this round.', {
            reason: 'round_taken',
          });
        try {
          await tx.insertInto('audits').values(row).execute();
        } catch (e) {
          throw isUniqueViolation(e) ? taken() : e;
        }
        if (roundId !== null && !(await auditScheduleRepository.claimRound(tx, roundId, row.id)))
          throw taken();
        const answer = await detail(tx, row.id);
        await recordChange(tx, ctx, now, {
          action: 'audit.create',
          entity: 'audit',
          entityId: row.id,
          after: summary({
            ...row,
            template_code: template.code,
            template_title_ru: template.title_ru,
            template_title_en: template.title_en,
            unit_code: input.unit,
            employee_code: input.employee ?? null,
            amendment_count: 0,
          }),
        });
        return answer;
      });
    },

    /** Saves answers (and comments) to a draft: a patch, each answer checked against its item. */
    async saveAnswers(ctx: CallContext, id: string, input: AuditAnswersInput): Promise<AuditDetail> {
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const row = await auditForChange(tx, ctx.actor, id, false);
        assertDraft(row);
        const late = observedAtIssues(input.observed_at, now);
        if (late.length > 0) throw new ValidationError(late);
        const { definition } = await loadTemplateVersion(tx, row.template_id, row.template_version, true);
        const answers = merge(JSON.parse(row.answers) as Answers, input.answers);
        const comments = merge(JSON.parse(row.comments) as Comments, input.comments);
        checkAnswers(scoringOf(definition), answers, comments);
        await change(tx, row, {
          answers: JSON.stringify(answers),
          comments: JSON.stringify(comments),
          ...(input.observed_at === undefined
            ? {}
            : { observed_at: new Date(input.observed_at).toISOString() }),
          updated_at: now.toISOString(),
        });
        return detail(tx, id);
      });
    },

    /** Submits a draft: every item answered, scored by its template version, immutable from now on. */
    async submit(ctx: CallContext, id: string): Promise<AuditDetail> {
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const row = await auditForChange(tx, ctx.actor, id, false);
        assertDraft(row);
        const { template: templateRow, definition } = await loadTemplateVersion(
          tx,
          row.template_id,
          row.template_version,
          true,
        );
        const template = scoringOf(definition);
        const answers = JSON.parse(row.answers) as Answers;
        const check = validateForSubmit(template, answers);
        if (!check.ok)
          throw new ValidationError(
            inBody(check.issues),
            check.missing.length > 0
              ? `The audit cannot be submitted: ${check.missing.length} item(s) have no answer (${check.missing.map((m) => m.itemId).join(', ')})`
              : 'The audit cannot be submitted: some answers are not valid',
          );
        const result = scoreAudit(template, answers);
        const at = now.toISOString();
        await change(tx, row, {
          status: 'submitted',
          submitted_at: at,
          score: result.score,
          outcome: result.outcome,
          updated_at: at,
        });
        const comments = JSON.parse(row.comments) as Comments;
        await count(tx, row, await observationOf(tx, row, templateRow.code, definition, result, comments));
        const answer = await detail(tx, id);
        await recordChange(tx, ctx, now, {
          action: 'audit.submit',
          entity: 'audit',
          entityId: id,
          after: { answers, score: result.score, outcome: result.outcome },
        });
        return answer;
      });
    },

    /** Corrects a submitted audit: the changed answers, a reason; the score is computed again. */
    async amend(ctx: CallContext, id: string, input: AuditAmendmentInput): Promise<AuditDetail> {
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const row = await auditForChange(tx, ctx.actor, id, false);
        if (row.status !== 'submitted')
          throw new AppError('conflict', 'A draft is edited, not amended: save its answers instead.', {
            reason: 'draft',
          });
        const { template: templateRow, definition } = await loadTemplateVersion(
          tx,
          row.template_id,
          row.template_version,
          true,
        );
        const template = scoringOf(definition);
        const before = JSON.parse(row.answers) as Answers;
        const answers = merge(before, input.answers);
        const comments = merge(JSON.parse(row.comments) as Comments, input.comments);
        checkAnswers(template, answers, comments);
        const check = validateForSubmit(template, answers);
        if (!check.ok) throw new ValidationError(inBody(check.issues), check.issues[0]!.message);
        const result = scoreAudit(template, answers);
        const at = now.toISOString();
        // The audit first: a racing amendment waits for it and then finds the revision moved.
        await change(tx, row, {
          answers: JSON.stringify(answers),
          comments: JSON.stringify(comments),
          score: result.score,
          outcome: result.outcome,
          updated_at: at,
        });
        await count(tx, row, await observationOf(tx, row, templateRow.code, definition, result, comments));
        const last = await tx
          .selectFrom('audit_amendments')
          .select((eb) => eb.fn.max('n').as('n'))
          .where('audit_id', '=', id)
          .executeTakeFirst();
        const n = Number(last?.n ?? 0) + 1;
        await tx
          .insertInto('audit_amendments')
          .values({
            audit_id: id,
            n,
            answers_before: row.answers,
            answers_after: JSON.stringify(answers),
            reason: input.reason,
            by_kind: ctx.actor.kind,
            by_id: ctx.actor.id,
            by_label: ctx.actor.label,
            at,
          })
          .execute();

        await recordChange(tx, ctx, now, {
          action: 'audit.amend',
          entity: 'audit',
          entityId: id,
          before: { answers: before, score: row.score, outcome: row.outcome },
          after: { answers, score: result.score, outcome: result.outcome, reason: input.reason, n },
        });
        return detail(tx, id);
      });
    },
  };
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw new ValidationError([
      { path: 'cursor', in: 'query', message: 'Not a cursor from a previous page' },
    ]);
  return id;
}

export type AuditsService = ReturnType<typeof createAuditsService>;
