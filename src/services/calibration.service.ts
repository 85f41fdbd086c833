import { AppError, assertCan, inBody, roleCan, ValidationError, type Actor, type FieldIssue } from '../core';
import { judgeItem, type ItemAnswer } from '../core/audits/scoring';
import {
  classifyAlpha,
  krippendorffAlpha,
  observerLeniency,
  ReliabilityDataError,
  type ReliabilityMatrix,
  type ReliabilityValue,
} from '../core/stats/krippendorff';
import type { TemplateDefinition } from '../contract/audit-template.schema';
import type {
  AgreementOut,
  CalibrationAnswersInput,
  CalibrationCandidates,
  CalibrationCreate,
  CalibrationDetail,
  CalibrationList,
  CalibrationResults,
  CalibrationSubject,
  CalibrationSummary,
} from '../contract/calibration.schema';
import { calibrationRepository as repo } from '../db/calibration.repository';
import type { CalibrationJudgementsTable, CalibrationSessionsTable, Db } from '../db/database';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { loadTemplateVersion, scoringOf } from './audit-template.service';
import { found } from './entity-errors';
import type { CallContext, ServiceDeps } from './service-context';

type Level = 'nominal' | 'ordinal';
type Grid<T> = Record<string, Record<string, T>>;

/**
 * Subject ids and item ids (standard codes) are people's words and key plain objects: read and
 * write only own entries, so an id like `constructor` never finds (or changes) something inherited.
 */
const own = <T>(o: Record<string, T> | undefined, key: string): T | undefined =>
  o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
function slot<T>(o: Record<string, T>, key: string, make: () => T): T {
  if (!Object.hasOwn(o, key)) put(o, key, make());
  return own(o, key)!;
}
const put = <T>(o: Record<string, T>, key: string, value: T) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
const at = <T>(grid: Record<string, Grid<T>>, a: string, b: string, c: string) =>
  own(own(own(grid, a), b), c);

/** Roles whose people may take part: those who can write audits. */
const PARTICIPANT_ROLES = (['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'] as const).filter(
  (role) => roleCan(role, 'audits.write'),
);

/** Answers are stored as text: a point `'4'`, `'yes'`, `'no'`, `'na'`. */
export const answerToText = (a: ItemAnswer): string => String(a);
export const answerFromText = (text: string): ItemAnswer =>
  /^\d+$/.test(text) ? Number(text) : (text as ItemAnswer);

interface ItemInfo {
  id: string;
  sectionId: string;
  level: Level;
  item: ReturnType<typeof scoringOf>['sections'][number]['items'][number];
}

/** Nominal for yes/no ratings and checklists, ordinal for 1–3 / 1–4 / 1–5 ratings (docs/AUDITS.md). */
export function levelOf(measure: { type: string; scale?: string | undefined }): Level {
  return measure.type === 'rating' && (measure.scale ?? 'yes_no') !== 'yes_no' ? 'ordinal' : 'nominal';
}

function itemsOf(definition: TemplateDefinition): ItemInfo[] {
  const scoring = scoringOf(definition);
  return scoring.sections.flatMap((s) =>
    s.items.map((item) => ({ id: item.id, sectionId: s.id, level: levelOf(item.measure), item })),
  );
}

const SAYS: Record<AgreementOut['verdict'], { ru: string; en: string }> = {
  reliable: {
    en: 'Reliable: the auditors judge alike (α ≥ 0.8)',
    ru: 'Надёжно: аудиторы оценивают одинаково (α ≥ 0,8)',
  },
  tentative: {
    en: 'Tentative: draw conclusions with caution (0.667 ≤ α < 0.8)',
    ru: 'Предварительно: выводы только с осторожностью (0,667 ≤ α < 0,8)',
  },
  disagree: {
    en: 'Observers disagree — sharpen the guidance (α < 0.667)',
    ru: 'Наблюдатели расходятся — уточните указания (α < 0,667)',
  },
  full_agreement: {
    en: 'Full agreement: everyone gave the same answer everywhere (no coefficient without variation)',
    ru: 'Полное согласие: все везде дали один и тот же ответ (без разброса коэффициент не определён)',
  },
  not_computable: {
    en: 'Nothing to compare: no subject was judged by two auditors',
    ru: 'Не с чем сравнить: ни один объект не оценён двумя аудиторами',
  },
};

/** Alpha of a matrix at a level, with its verdict; undefined alpha is full agreement, nothing pairable is "not computable". */
export function agreementOf(matrix: ReliabilityMatrix, level: Level): AgreementOut {
  const units = matrix.reduce((most, row) => Math.max(most, row.length), 0);
  try {
    const r = krippendorffAlpha(matrix, { level });
    const verdict = r.alpha === null ? 'full_agreement' : classifyAlpha(r.alpha);
    return {
      level,
      alpha: r.alpha,
      verdict,
      says: SAYS[verdict],
      pairable_units: r.pairableUnits,
      units: r.units,
    };
  } catch (error) {
    if (!(error instanceof ReliabilityDataError)) throw error;
    return {
      level,
      alpha: null,
      verdict: 'not_computable',
      says: SAYS.not_computable,
      pairable_units: 0,
      units,
    };
  }
}

/**
 * The revealed results: per item the answers side by side and alpha pooled over the subjects
 * (nominal: N/A is a value; ordinal: N/A is missing and N/A-versus-point subjects are listed),
 * overall alpha per level over all its items' units, and each auditor's leniency per level.
 * `auditors` are the submitted participants (rows of every matrix, in this order).
 */
export function calibrationResults(
  definition: TemplateDefinition,
  subjects: readonly CalibrationSubject[],
  auditors: ReadonlyArray<{ user_id: string; name: string }>,
  answers: Record<string, Grid<ItemAnswer>>,
  comments: Record<string, Grid<string>>,
): CalibrationResults {
  const items = itemsOf(definition);
  const answerOf = (user: string, subject: string, item: string) => at(answers, user, subject, item);
  const cell = (level: Level, a: ItemAnswer | undefined): ReliabilityValue =>
    a === undefined || (level === 'ordinal' && a === 'na') ? null : a;
  const matrixOf = (level: Level, units: ReadonlyArray<{ subject: string; item: string }>) =>
    auditors.map((au) => units.map((u) => cell(level, answerOf(au.user_id, u.subject, u.item))));

  const itemResults = items.map((info) => {
    const units = subjects.map((s) => ({ subject: s.id, item: info.id }));
    return {
      item_id: info.id,
      section_id: info.sectionId,
      agreement: agreementOf(matrixOf(info.level, units), info.level),
      subjects: subjects.map((s) => {
        const given: Record<string, ItemAnswer> = {};
        const said: Record<string, string> = {};
        for (const au of auditors) {
          const a = answerOf(au.user_id, s.id, info.id);
          if (a !== undefined) given[au.user_id] = a;
          const c = at(comments, au.user_id, s.id, info.id);
          if (c !== undefined) said[au.user_id] = c;
        }
        return {
          subject_id: s.id,
          answers: given,
          comments: said,
          disagree: new Set(Object.values(given).map(String)).size > 1,
        };
      }),
      na_conflicts:
        info.level !== 'ordinal'
          ? []
          : subjects.flatMap((s) => {
              const na: string[] = [];
              const points: string[] = [];
              for (const au of auditors) {
                const a = answerOf(au.user_id, s.id, info.id);
                if (a === 'na') na.push(au.user_id);
                else if (typeof a === 'number') points.push(au.user_id);
              }
              return na.length > 0 && points.length > 0 ? [{ subject_id: s.id, na, points }] : [];
            }),
    };
  });

  const levels = (['nominal', 'ordinal'] as const).filter((l) => items.some((i) => i.level === l));
  const overall: AgreementOut[] = [];
  const leniency: CalibrationResults['leniency'] = [];
  for (const level of levels) {
    const units = items
      .filter((i) => i.level === level)
      .flatMap((i) => subjects.map((s) => ({ subject: s.id, item: i.id })));
    const matrix = matrixOf(level, units);
    overall.push(agreementOf(matrix, level));
    observerLeniency(matrix, { level }).forEach((l) =>
      leniency.push({
        user_id: auditors[l.observer]!.user_id,
        level,
        units: l.units,
        mean_deviation: l.meanDeviation,
      }),
    );
  }
  return { auditors: auditors.map((a) => ({ ...a })), items: itemResults, overall, leniency };
}

/**
 * Calibration sessions (issue 7): quality leads (`calibration.manage`) create a session — a
 * template version, 1…20 subjects, participants who can write audits; participants save answers
 * and submit, blind (before the reveal a participant reads only their own answers and everybody
 * only who has submitted); the creator reveals once two have submitted; then the results.
 */
export function createCalibrationService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const isManager = (actor: Actor) => roleCan(actor.role, 'calibration.manage');
  const isCreator = (actor: Actor, s: CalibrationSessionsTable) =>
    s.created_by_kind === actor.kind && s.created_by === actor.id;

  /** The session when the actor may see it (a quality lead, or a participant), else 404. */
  async function visible(tx: Db, actor: Actor, id: string) {
    assertCan(actor, 'audits.write');
    const session = found(await repo.findSession(tx, id), 'calibration session', id);
    const participants = await repo.participants(tx, [id]);
    const mine = participants.find((p) => actor.kind === 'user' && p.user_id === actor.id);
    if (!isManager(actor) && mine === undefined) found(undefined, 'calibration session', id);
    return { session, participants, mine };
  }

  async function templateRef(tx: Db, s: CalibrationSessionsTable) {
    const { template, definition } = await loadTemplateVersion(tx, s.template_id, s.template_version, true);
    return {
      ref: {
        id: template.id,
        code: template.code,
        title: { ru: template.title_ru, en: template.title_en },
        version: s.template_version,
      },
      definition,
    };
  }

  function summary(
    actor: Actor,
    s: CalibrationSessionsTable,
    template: CalibrationSummary['template'],
    participants: ReadonlyArray<{ user_id: string; submitted_at: string | null }>,
  ): CalibrationSummary {
    const mine = participants.find((p) => actor.kind === 'user' && p.user_id === actor.id);
    return {
      id: s.id,
      title: s.title,
      template,
      status: s.status,
      subjects: (JSON.parse(s.subjects) as unknown[]).length,
      participants: participants.length,
      submitted: participants.filter((p) => p.submitted_at !== null).length,
      created_by: { id: s.created_by, label: s.created_by_label },
      created_at: s.created_at,
      revealed_at: s.revealed_at,
      me: { participant: mine !== undefined, submitted_at: mine?.submitted_at ?? null },
    };
  }

  function grids(rows: readonly CalibrationJudgementsTable[]) {
    const answers: Record<string, Grid<ItemAnswer>> = {};
    const comments: Record<string, Grid<string>> = {};
    for (const r of rows) {
      if (r.answer !== null)
        put(
          slot(
            slot(answers, r.user_id, () => ({})),
            r.subject_id,
            () => ({}),
          ),
          r.item_id,
          answerFromText(r.answer),
        );
      if (r.comment !== null)
        put(
          slot(
            slot(comments, r.user_id, () => ({})),
            r.subject_id,
            () => ({}),
          ),
          r.item_id,
          r.comment,
        );
    }
    return { answers, comments };
  }

  async function detail(tx: Db, actor: Actor, id: string): Promise<CalibrationDetail> {
    const { session, participants, mine } = await visible(tx, actor, id);
    const { ref, definition } = await templateRef(tx, session);
    const subjects = JSON.parse(session.subjects) as CalibrationSubject[];
    // Blind: before the reveal only the caller's own judgements are read at all.
    const ownGrids = grids(mine === undefined ? [] : await repo.judgements(tx, id, [mine.user_id]));
    let results: CalibrationResults | null = null;
    if (session.status === 'revealed') {
      const auditors = participants.filter((p) => p.submitted_at !== null);
      const all = grids(
        await repo.judgements(
          tx,
          id,
          auditors.map((a) => a.user_id),
        ),
      );
      results = calibrationResults(
        definition,
        subjects,
        auditors.map((a) => ({ user_id: a.user_id, name: a.name })),
        all.answers,
        all.comments,
      );
    }
    return {
      ...summary(actor, session, ref, participants),
      subject_list: subjects,
      sections: definition.sections,
      participant_list: participants.map((p) => ({
        user_id: p.user_id,
        name: p.name,
        submitted_at: p.submitted_at,
      })),
      can_reveal: session.status === 'open' && isManager(actor) && isCreator(actor, session),
      my_answers: mine === undefined ? {} : (ownGrids.answers[mine.user_id] ?? {}),
      my_comments: mine === undefined ? {} : (ownGrids.comments[mine.user_id] ?? {}),
      results,
    };
  }

  /** The participant's session, open and not yet submitted by them, with its rows locked. */
  async function forJudging(tx: Db, actor: Actor, id: string) {
    const { session, mine } = await visible(tx, actor, id);
    if (mine === undefined)
      throw new AppError('forbidden', 'Only the participants of a calibration session judge in it.', {
        reason: 'not_participant',
      });
    if (!(await repo.lockOpen(tx, id)))
      throw new AppError('conflict', 'The session is revealed: answers cannot change.', {
        reason: 'revealed',
      });
    if (!(await repo.lockUnsubmitted(tx, id, mine.user_id)))
      throw new AppError('conflict', 'You have submitted your answers: they cannot change.', {
        reason: 'submitted',
      });
    const { definition } = await templateRef(tx, session);
    return {
      session,
      userId: mine.user_id,
      definition,
      subjects: JSON.parse(session.subjects) as CalibrationSubject[],
    };
  }

  return {
    /** Sessions: a quality lead sees every one, a participant theirs; newest first. */
    async list(ctx: CallContext): Promise<CalibrationList> {
      assertCan(ctx.actor, 'audits.write');
      const sessions = isManager(ctx.actor)
        ? await repo.listSessions(db)
        : ctx.actor.kind === 'user'
          ? await repo.listSessions(db, ctx.actor.id)
          : [];
      const participants = await repo.participants(
        db,
        sessions.map((s) => s.id),
      );
      const items: CalibrationSummary[] = [];
      for (const s of sessions) {
        const { ref } = await templateRef(db, s);
        items.push(
          summary(
            ctx.actor,
            s,
            ref,
            participants.filter((p) => p.session_id === s.id),
          ),
        );
      }
      return { items, total: items.length };
    },

    get(ctx: CallContext, id: string): Promise<CalibrationDetail> {
      return detail(db, ctx.actor, id);
    },

    /** People who may take part (active, able to write audits), by name. */
    async candidates(ctx: CallContext): Promise<CalibrationCandidates> {
      assertCan(ctx.actor, 'calibration.manage');
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'role'])
        .where('status', '=', 'active')
        .where('role', 'in', [...PARTICIPANT_ROLES])
        .orderBy((eb) => eb.fn('lower', ['name']))
        .orderBy('id')
        .execute();
      return { items: rows };
    },

    async create(ctx: CallContext, input: CalibrationCreate): Promise<CalibrationDetail> {
      assertCan(ctx.actor, 'calibration.manage');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const issues: FieldIssue[] = [];
        let template: Awaited<ReturnType<typeof loadTemplateVersion>> | undefined;
        try {
          template = await loadTemplateVersion(tx, input.template_id);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'not_found')) throw e;
          issues.push({
            in: 'body',
            path: 'template_id',
            code: 'unknown_template',
            message: `No audit template has the id "${input.template_id}"`,
          });
        }
        const subjects: CalibrationSubject[] = input.subjects.map((s, i) => ({
          id: s.id ?? `s${i + 1}`,
          label: s.label,
          description: s.description,
          interaction_id: s.interaction_id ?? null,
        }));
        const seen = new Set<string>();
        for (const [i, s] of subjects.entries()) {
          if (seen.has(s.id))
            issues.push({
              in: 'body',
              path: `subjects.${i}.id`,
              code: 'duplicate',
              message: `Another subject has the id "${s.id}"`,
            });
          seen.add(s.id);
          if (s.interaction_id !== null) {
            const r = await tx
              .selectFrom('interactions')
              .select('id')
              .where('id', '=', s.interaction_id)
              .executeTakeFirst();
            if (r === undefined)
              issues.push({
                in: 'body',
                path: `subjects.${i}.interaction_id`,
                code: 'unknown_interaction',
                message: `No interaction record has the id "${s.interaction_id}"`,
              });
          }
        }
        const people = await tx
          .selectFrom('users')
          .select(['id', 'role', 'status'])
          .where('id', 'in', input.participant_ids)
          .execute();
        const byId = new Map(people.map((p) => [p.id, p]));
        const picked = new Set<string>();
        input.participant_ids.forEach((userId, i) => {
          const p = byId.get(userId);
          const path = `participant_ids.${i}`;
          if (picked.has(userId))
            issues.push({ in: 'body', path, code: 'duplicate', message: 'This person is listed twice' });
          else if (p === undefined)
            issues.push({
              in: 'body',
              path,
              code: 'unknown_user',
              message: `No person has the id "${userId}"`,
            });
          else if (p.status !== 'active')
            issues.push({ in: 'body', path, code: 'inactive', message: 'This person is not active' });
          else if (!roleCan(p.role, 'audits.write'))
            issues.push({
              in: 'body',
              path,
              code: 'cannot_audit',
              message: `A ${p.role} cannot write audits, so cannot take part`,
            });
          picked.add(userId);
        });
        if (issues.length > 0) throw new ValidationError(issues, issues[0]!.message);
        const row: CalibrationSessionsTable = {
          id: newId(now.getTime()),
          title: input.title,
          template_id: template!.template.id,
          template_version: template!.template.version,
          subjects: JSON.stringify(subjects),
          status: 'open',
          created_by_kind: ctx.actor.kind,
          created_by: ctx.actor.id,
          created_by_label: ctx.actor.label,
          created_at: at,
          revealed_at: null,
        };
        await repo.insertSession(tx, row, [...picked]);
        await recordChange(tx, ctx, now, {
          action: 'calibration.create',
          entity: 'calibration_session',
          entityId: row.id,
          after: {
            title: row.title,
            template_id: row.template_id,
            template_version: row.template_version,
            subjects,
            participant_ids: [...picked],
          },
        });
        return detail(tx, ctx.actor, row.id);
      });
    },

    /** A participant's answers (a patch: null clears), each checked against its item; only before they submit. */
    async saveAnswers(
      ctx: CallContext,
      id: string,
      input: CalibrationAnswersInput,
    ): Promise<CalibrationDetail> {
      return db.transaction().execute(async (tx) => {
        const { userId, definition, subjects } = await forJudging(tx, ctx.actor, id);
        const items = new Map(itemsOf(definition).map((i) => [i.id, i]));
        const subjectIds = new Set(subjects.map((s) => s.id));
        const issues: FieldIssue[] = [];
        const current = new Map(
          (await repo.judgements(tx, id, [userId])).map((r) => [`${r.subject_id}\u0000${r.item_id}`, r]),
        );
        const touched = new Map<string, CalibrationJudgementsTable>();
        const rowFor = (subject: string, item: string) => {
          const key = `${subject}\u0000${item}`;
          let row = touched.get(key);
          if (row === undefined) {
            const had = current.get(key);
            row = {
              session_id: id,
              user_id: userId,
              subject_id: subject,
              item_id: item,
              answer: had?.answer ?? null,
              comment: had?.comment ?? null,
            };
            touched.set(key, row);
          }
          return row;
        };
        const check = (kind: 'answers' | 'comments', subject: string, item: string): ItemInfo | undefined => {
          if (!subjectIds.has(subject)) {
            issues.push({
              in: 'body',
              path: `${kind}.${subject}`,
              code: 'unknown_subject',
              message: `The session has no subject "${subject}"`,
            });
            return undefined;
          }
          const info = items.get(item);
          if (info === undefined)
            issues.push({
              in: 'body',
              path: `${kind}.${subject}.${item}`,
              code: 'unknown_item',
              message: `The template has no item "${item}"`,
            });
          return info;
        };
        for (const [subject, byItem] of Object.entries(input.answers)) {
          if (!subjectIds.has(subject)) {
            check('answers', subject, '');
            continue;
          }
          for (const [item, answer] of Object.entries(byItem)) {
            const info = check('answers', subject, item);
            if (info === undefined) continue;
            if (answer !== null) {
              try {
                judgeItem(info.item, answer);
              } catch (e) {
                if (!(e instanceof ValidationError)) throw e;
                issues.push(...inBody(e.issues.map((i) => ({ ...i, path: `answers.${subject}.${item}` }))));
                continue;
              }
            }
            rowFor(subject, item).answer = answer === null ? null : answerToText(answer);
          }
        }
        for (const [subject, byItem] of Object.entries(input.comments ?? {})) {
          if (!subjectIds.has(subject)) {
            check('comments', subject, '');
            continue;
          }
          for (const [item, comment] of Object.entries(byItem)) {
            if (check('comments', subject, item) === undefined) continue;
            rowFor(subject, item).comment = comment === null || comment === '' ? null : comment;
          }
        }
        if (issues.length > 0) throw new ValidationError(issues, issues[0]!.message);
        await repo.putJudgements(tx, [...touched.values()]);
        return detail(tx, ctx.actor, id);
      });
    },

    /** Submits the participant's answers: every item on every subject answered (N/A where allowed); final. */
    async submit(ctx: CallContext, id: string): Promise<CalibrationDetail> {
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const { userId, definition, subjects } = await forJudging(tx, ctx.actor, id);
        const mine = own(grids(await repo.judgements(tx, id, [userId])).answers, userId);
        const issues: FieldIssue[] = [];
        for (const s of subjects)
          for (const info of itemsOf(definition))
            if (own(own(mine, s.id), info.id) === undefined)
              issues.push({
                in: 'body',
                path: `answers.${s.id}.${info.id}`,
                code: 'unanswered',
                message: `Item "${info.id}" on subject "${s.label}" has no answer`,
              });
        if (issues.length > 0)
          throw new ValidationError(
            issues,
            `The answers cannot be submitted: ${issues.length} item(s) have no answer`,
          );
        await repo.markSubmitted(tx, id, userId, now.toISOString());
        await recordChange(tx, ctx, now, {
          action: 'calibration.submit',
          entity: 'calibration_session',
          entityId: id,
          after: { user_id: userId },
        });
        return detail(tx, ctx.actor, id);
      });
    },

    /** The creator reveals the answers once at least two participants have submitted. */
    async reveal(ctx: CallContext, id: string): Promise<CalibrationDetail> {
      assertCan(ctx.actor, 'calibration.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const { session, participants } = await visible(tx, ctx.actor, id);
        if (!isCreator(ctx.actor, session))
          throw new AppError('forbidden', 'Only the creator of a calibration session reveals it.', {
            reason: 'not_creator',
          });
        if (!(await repo.lockOpen(tx, id)))
          throw new AppError('conflict', 'The session is already revealed.', { reason: 'revealed' });
        // Read again under the lock: a submission cannot slip in between.
        const submitted = (await repo.participants(tx, [id])).filter((p) => p.submitted_at !== null).length;
        if (submitted < 2)
          throw new AppError(
            'conflict',
            `The session can be revealed once at least two participants have submitted (now ${submitted} of ${participants.length}).`,
            { reason: 'too_few_submitted', submitted },
          );
        await repo.markRevealed(tx, id, now.toISOString());
        await recordChange(tx, ctx, now, {
          action: 'calibration.reveal',
          entity: 'calibration_session',
          entityId: id,
          after: { submitted },
        });
        return detail(tx, ctx.actor, id);
      });
    },
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
