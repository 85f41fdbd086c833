import { ValidationError, type FieldIssue } from '../errors';
import { localized, ruPlural, type Lang, type LocalizedText } from '../standards/describe';

/**
 * Scoring an audit: item verdicts by each standard's rule, the weighted score, the critical rule,
 * the pass mark, and an explanation of how the score was reached (docs/AUDITS.md).
 *
 * Pure: the template and the answers come in, numbers and words come out. The database keeps the
 * template version an audit used and its answers; the score can always be computed again from them.
 *
 * The measures mirror the `etalon/v1` file's observed measures (src/contract/standards-file.schema.ts,
 * `rating` and `checklist`) in their snake_case form, so a published standard's measure is passed
 * as it is stored. Core cannot import the contract; the shapes are kept assignable by hand.
 */

/** The scales of a rating; `yes_no` has two points: 1 = no, 2 = yes. */
export type AuditRatingScale = 'yes_no' | '1-3' | '1-4' | '1-5';

/** How many points each scale has. */
export const AUDIT_SCALE_POINTS: Readonly<Record<AuditRatingScale, number>> = {
  yes_no: 2,
  '1-3': 3,
  '1-4': 4,
  '1-5': 5,
};

/** What every observed measure carries besides its type (defaults as in the file format). */
interface ObservedCommon {
  /** Relative weight in the audit's score, > 0; default 1. */
  weight?: number | undefined;
  /** Failing it fails the whole audit and makes its score 0; default false. */
  critical?: boolean | undefined;
  /** Whether the observer may answer "not applicable"; default true. */
  allow_na?: boolean | undefined;
  /** What counts, for the observer; not used in scoring. */
  guidance?: LocalizedText | undefined;
}

export interface RatingMeasure extends ObservedCommon {
  type: 'rating';
  scale: AuditRatingScale;
  /** The lowest passing point (1…points). Required on numeric scales; `yes_no` defaults to 2 (yes). */
  pass_min?: number | undefined;
  /** One label per point, lowest first; not used in scoring. */
  labels?: readonly LocalizedText[] | undefined;
}

export interface ChecklistMeasure extends ObservedCommon {
  type: 'checklist';
}

/** The measure of a standard that an auditor judges. */
export type ObservedMeasure = RatingMeasure | ChecklistMeasure;

/** One item of a template: a published standard's observed measure. */
export interface AuditItem {
  /** Unique within the template (e.g. the standard's code, `ENV-03`); answers are keyed by it. */
  id: string;
  /** What the item is called in explanations; the id when absent. */
  title?: LocalizedText | undefined;
  measure: ObservedMeasure;
}

export interface AuditSection {
  /** Unique within the template. */
  id: string;
  title?: LocalizedText | undefined;
  items: readonly AuditItem[];
}

/** What scoring needs of a template version: its sections and its pass mark. */
export interface AuditTemplateScoring {
  /** The lowest passing score, 0…1 (e.g. 0.8 = 80 %). */
  passMark: number;
  sections: readonly AuditSection[];
}

/**
 * An answer to one item:
 * - a rating: the chosen point, 1…points (`yes_no`: 1 = no, 2 = yes), or `'na'`;
 * - a checklist item: `'yes'`, `'no'` or `'na'`.
 * An item with no entry (or `null`/`undefined`) is unanswered.
 */
export type ItemAnswer = number | 'yes' | 'no' | 'na';

/** Answers by item id. A draft may leave items out; a submitted audit answers every item. */
export type AuditAnswers = Readonly<Record<string, ItemAnswer | null | undefined>>;

/** `unanswered` only happens in drafts: `validateForSubmit` refuses it. */
export type ItemVerdict = 'pass' | 'fail' | 'na' | 'unanswered';

/** The rule an item was judged by, for explanations. */
export type ItemRule =
  { type: 'rating'; scale: AuditRatingScale; points: number; passMin: number } | { type: 'checklist' };

export interface ItemExplanation {
  itemId: string;
  sectionId: string;
  title?: LocalizedText | undefined;
  answer: ItemAnswer | null;
  verdict: ItemVerdict;
  rule: ItemRule;
  weight: number;
  critical: boolean;
  /** The weight it puts in the denominator: `weight` when pass or fail, 0 when N/A or unanswered. */
  counted: number;
  /** The weight it earns: `weight` on pass, else 0. */
  earned: number;
  /**
   * Its share of the weighted score (`earned / total counted` of the audit), 0…1; the contributions
   * of all items add up to `weightedScore`. 0 when nothing was judged.
   */
  contribution: number;
  /**
   * What a fail of this item cost: `counted / total counted` (the score it would have added had it
   * passed). 0 unless it failed.
   */
  lost: number;
}

export interface SectionSubtotal {
  sectionId: string;
  title?: LocalizedText | undefined;
  /** Sum of the weights earned (passes). */
  earned: number;
  /** Sum of the weights judged (passes and fails). */
  counted: number;
  /** `earned / counted`, or null when nothing in the section was judged. The critical rule does not apply to sections. */
  score: number | null;
  passed: number;
  failed: number;
  na: number;
  unanswered: number;
  /** Ids of the critical items of this section that failed. */
  criticalFailed: string[];
}

/**
 * `passed`: score ≥ pass mark and no critical item failed; `failed`: otherwise; `not_scored`: no
 * item was judged (all N/A, or an empty draft), so there is no score to compare.
 */
export type AuditOutcome = 'passed' | 'failed' | 'not_scored';

export interface AuditScore {
  /**
   * The audit's score, 0…1: the weighted mean of judged items, or 0 when a critical item failed;
   * null when nothing was judged.
   */
  score: number | null;
  /** The weighted mean before the critical rule (equal to `score` when no critical item failed). */
  weightedScore: number | null;
  /** Sum of the weights earned and judged over the whole audit. */
  earned: number;
  counted: number;
  passMark: number;
  outcome: AuditOutcome;
  /** Ids of the critical items that failed, in template order; non-empty means the critical rule applied. */
  criticalFailed: string[];
  /** True when every item has an answer (the audit could be submitted). */
  complete: boolean;
  /** Ids of the unanswered items, in template order. */
  unanswered: string[];
  /** Counts over the whole audit. */
  passed: number;
  failed: number;
  na: number;
  items: ItemExplanation[];
  sections: SectionSubtotal[];
}

/**
 * Floating sums of weights like 0.1 + 0.2 are not exact: a score within this of the pass mark
 * counts as reaching it, so 4 × 0.3 of 5 × 0.3 (0.7999… in binary) passes an 80 % mark.
 */
const EPSILON = 1e-9;

const issue = (path: string, code: string, message: string): FieldIssue => ({ path, code, message });

/** The rule of an item's measure with its defaults applied. */
export function itemRule(measure: ObservedMeasure): ItemRule {
  if (measure.type === 'checklist') return { type: 'checklist' };
  const points = AUDIT_SCALE_POINTS[measure.scale];
  return { type: 'rating', scale: measure.scale, points, passMin: measure.pass_min ?? points };
}

/**
 * Problems with a template's shape, all at once: duplicate section or item ids, weights that are not
 * above 0, ratings with an unknown scale or a pass_min outside 1…points, a pass mark outside 0…1.
 * Paths are `sections.<i>.items.<j>.<field>`. Empty when the template can be scored.
 */
export function checkAuditTemplate(template: AuditTemplateScoring): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (!(template.passMark >= 0 && template.passMark <= 1))
    problems.push(
      issue('pass_mark', 'invalid_pass_mark', `the pass mark ${template.passMark} is not within 0…1`),
    );
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  template.sections.forEach((section, i) => {
    if (sectionIds.has(section.id))
      problems.push(issue(`sections.${i}.id`, 'duplicate_section', `section "${section.id}" appears twice`));
    sectionIds.add(section.id);
    section.items.forEach((item, j) => {
      const at = `sections.${i}.items.${j}`;
      if (itemIds.has(item.id))
        problems.push(issue(`${at}.id`, 'duplicate_item', `item "${item.id}" appears twice in the template`));
      itemIds.add(item.id);
      const m = item.measure;
      const weight = m.weight ?? 1;
      if (!(Number.isFinite(weight) && weight > 0))
        problems.push(
          issue(`${at}.measure.weight`, 'invalid_weight', `item "${item.id}": weight must be above 0`),
        );
      if (m.type === 'rating') {
        const points = AUDIT_SCALE_POINTS[m.scale];
        if (points === undefined)
          problems.push(
            issue(
              `${at}.measure.scale`,
              'invalid_scale',
              `item "${item.id}": unknown scale "${String(m.scale)}"`,
            ),
          );
        else if (m.pass_min === undefined && m.scale !== 'yes_no')
          problems.push(
            issue(
              `${at}.measure.pass_min`,
              'missing_pass_min',
              `item "${item.id}": a ${m.scale} rating needs pass_min`,
            ),
          );
        else if (
          m.pass_min !== undefined &&
          !(Number.isInteger(m.pass_min) && m.pass_min >= 1 && m.pass_min <= points)
        )
          problems.push(
            issue(
              `${at}.measure.pass_min`,
              'invalid_pass_min',
              `item "${item.id}": pass_min ${m.pass_min} is not a point of the ${m.scale} scale (1…${points})`,
            ),
          );
      } else if (m.type !== 'checklist') {
        problems.push(
          issue(
            `${at}.measure.type`,
            'not_observed',
            `item "${item.id}": measure "${String((m as { type: unknown }).type)}" is not judged in audits`,
          ),
        );
      }
    });
  });
  return problems;
}

/**
 * Why one answer cannot stand, or undefined when it can (an absent answer can: it is unanswered).
 * The message names the item; the path is `answers.<item id>`.
 */
function answerProblem(item: AuditItem, answer: ItemAnswer | null | undefined): FieldIssue | undefined {
  if (answer === undefined || answer === null) return undefined;
  const path = `answers.${item.id}`;
  const m = item.measure;
  if (answer === 'na') {
    return m.allow_na === false
      ? issue(path, 'na_not_allowed', `item "${item.id}" does not allow "not applicable": judge it`)
      : undefined;
  }
  if (m.type === 'checklist') {
    return answer === 'yes' || answer === 'no'
      ? undefined
      : issue(
          path,
          'invalid_answer',
          `item "${item.id}" is a checklist item: answer yes, no or na, not ${JSON.stringify(answer)}`,
        );
  }
  const points = AUDIT_SCALE_POINTS[m.scale];
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= points
    ? undefined
    : issue(
        path,
        'invalid_answer',
        m.scale === 'yes_no'
          ? `item "${item.id}" is rated yes/no: answer 1 (no), 2 (yes) or na, not ${JSON.stringify(answer)}`
          : `item "${item.id}" is rated ${m.scale}: answer a point from 1 to ${points} or na, not ${JSON.stringify(answer)}`,
      );
}

/**
 * The verdict of one answer by the item's rule: a rating passes when the point is at least
 * `pass_min` (`yes_no`: on 2 = yes), a checklist item on `yes`; `na` is N/A, no answer is
 * `unanswered`. Throws `ValidationError` (code `na_not_allowed` or `invalid_answer`, naming the item)
 * for an answer the item does not take.
 *
 * Example: `judgeItem({id: 'SMILE', measure: {type: 'rating', scale: '1-5', pass_min: 4}}, 3)` → `'fail'`.
 */
export function judgeItem(item: AuditItem, answer: ItemAnswer | null | undefined): ItemVerdict {
  const problem = answerProblem(item, answer);
  if (problem) throw new ValidationError([problem], problem.message);
  if (answer === undefined || answer === null) return 'unanswered';
  if (answer === 'na') return 'na';
  const rule = itemRule(item.measure);
  if (rule.type === 'checklist') return answer === 'yes' ? 'pass' : 'fail';
  return (answer as number) >= rule.passMin ? 'pass' : 'fail';
}

/** The answer to an item: only the object's own entries count (an item id like `constructor` is safe). */
const answerOf = (answers: AuditAnswers, id: string) =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

/**
 * Every problem with a set of answers, all at once: answers to items the template does not have
 * (`unknown_item`), answers an item does not take (`na_not_allowed`, `invalid_answer`) and, when
 * `requireAll`, items without an answer (`unanswered`). Paths are `answers.<item id>`.
 */
function answerProblems(
  template: AuditTemplateScoring,
  answers: AuditAnswers,
  requireAll: boolean,
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const known = new Set<string>();
  for (const section of template.sections)
    for (const item of section.items) {
      known.add(item.id);
      const answer = answerOf(answers, item.id);
      const problem = answerProblem(item, answer);
      if (problem) problems.push(problem);
      else if (requireAll && (answer === undefined || answer === null))
        problems.push(
          issue(
            `answers.${item.id}`,
            'unanswered',
            `item "${item.id}" (section "${section.id}") has no answer`,
          ),
        );
    }
  for (const id of Object.keys(answers))
    if (!known.has(id) && answers[id] !== undefined && answers[id] !== null)
      problems.push(issue(`answers.${id}`, 'unknown_item', `the template has no item "${id}"`));
  return problems;
}

/** One item a submission still needs. */
export interface MissingAnswer {
  itemId: string;
  sectionId: string;
  title?: LocalizedText | undefined;
}

export interface SubmitCheck {
  /** True when the audit can be submitted: every item answered, every answer valid. */
  ok: boolean;
  /** The unanswered items, in template order (the form jumps to the first). */
  missing: MissingAnswer[];
  /** Every problem, unanswered items included (code `unanswered`), as `ValidationError` issues. */
  issues: FieldIssue[];
}

/**
 * Whether a draft's answers can be submitted: every item answered with an answer it takes. A draft
 * may be saved incomplete (see `scoreAudit`); submitting it may not.
 *
 * Example: with items A, B and answers `{A: 'yes'}` → `{ok: false, missing: [{itemId: 'B', …}], …}`.
 */
export function validateForSubmit(template: AuditTemplateScoring, answers: AuditAnswers): SubmitCheck {
  const issues = answerProblems(template, answers, true);
  const missing: MissingAnswer[] = [];
  for (const section of template.sections)
    for (const item of section.items) {
      const a = answerOf(answers, item.id);
      if (a === undefined || a === null)
        missing.push({
          itemId: item.id,
          sectionId: section.id,
          ...(item.title === undefined ? {} : { title: item.title }),
        });
    }
  return { ok: issues.length === 0, missing, issues };
}

/** Like {@link validateForSubmit}, but throws `ValidationError` with every issue when it is not ok. */
export function assertSubmittable(template: AuditTemplateScoring, answers: AuditAnswers): void {
  const check = validateForSubmit(template, answers);
  if (!check.ok)
    throw new ValidationError(
      check.issues,
      check.missing.length > 0
        ? `The audit cannot be submitted: ${check.missing.length} item(s) have no answer`
        : 'The audit cannot be submitted: some answers are not valid',
    );
}

/**
 * Scores an audit — a draft (unanswered items are left out of the score and listed) or a complete
 * one — and explains how the score was reached.
 *
 * Rules (docs/AUDITS.md): pass = 1, fail = 0, each weighted; N/A and unanswered items leave the
 * denominator; score = Σ earned / Σ counted. A failed critical item makes the score 0 and the audit
 * failed. The audit passes when its score reaches the pass mark and no critical item failed; with
 * nothing judged there is no score (`not_scored`).
 *
 * Throws `ValidationError` with every problem at once for a template that cannot be scored
 * (`checkAuditTemplate`) or answers it does not take (unknown items, N/A where not allowed, points
 * off the scale).
 *
 * Example: items A (weight 2), B (weight 1), C (weight 1, N/A) with A pass, B fail, pass mark 0.6 →
 * score 2/3, outcome `passed`; A contributes 2/3, B 0 (lost 1/3), C is not counted.
 */
export function scoreAudit(template: AuditTemplateScoring, answers: AuditAnswers): AuditScore {
  const templateProblems = checkAuditTemplate(template);
  if (templateProblems.length > 0)
    throw new ValidationError(
      templateProblems,
      `The audit template cannot be scored: ${templateProblems[0]!.message}`,
    );
  const problems = answerProblems(template, answers, false);
  if (problems.length > 0) throw new ValidationError(problems, problems[0]!.message);

  const items: ItemExplanation[] = [];
  const sections: SectionSubtotal[] = [];
  const criticalFailed: string[] = [];
  const unanswered: string[] = [];
  let earned = 0;
  let counted = 0;
  const tally = { passed: 0, failed: 0, na: 0 };
  for (const section of template.sections) {
    const sub: SectionSubtotal = {
      sectionId: section.id,
      ...(section.title === undefined ? {} : { title: section.title }),
      earned: 0,
      counted: 0,
      score: null,
      passed: 0,
      failed: 0,
      na: 0,
      unanswered: 0,
      criticalFailed: [],
    };
    for (const item of section.items) {
      const answer = answerOf(answers, item.id) ?? null;
      const verdict = judgeItem(item, answer);
      const weight = item.measure.weight ?? 1;
      const critical = item.measure.critical === true;
      const judged = verdict === 'pass' || verdict === 'fail';
      const itemCounted = judged ? weight : 0;
      const itemEarned = verdict === 'pass' ? weight : 0;
      sub.counted += itemCounted;
      sub.earned += itemEarned;
      if (verdict === 'pass') sub.passed++;
      else if (verdict === 'fail') sub.failed++;
      else if (verdict === 'na') sub.na++;
      else {
        sub.unanswered++;
        unanswered.push(item.id);
      }
      if (verdict === 'fail' && critical) {
        sub.criticalFailed.push(item.id);
        criticalFailed.push(item.id);
      }
      items.push({
        itemId: item.id,
        sectionId: section.id,
        ...(item.title === undefined ? {} : { title: item.title }),
        answer,
        verdict,
        rule: itemRule(item.measure),
        weight,
        critical,
        counted: itemCounted,
        earned: itemEarned,
        contribution: 0,
        lost: 0,
      });
    }
    sub.score = sub.counted > 0 ? sub.earned / sub.counted : null;
    earned += sub.earned;
    counted += sub.counted;
    tally.passed += sub.passed;
    tally.failed += sub.failed;
    tally.na += sub.na;
    sections.push(sub);
  }
  if (counted > 0)
    for (const e of items) {
      e.contribution = e.earned / counted;
      e.lost = e.verdict === 'fail' ? e.counted / counted : 0;
    }
  const weightedScore = counted > 0 ? earned / counted : null;
  const score = weightedScore === null ? null : criticalFailed.length > 0 ? 0 : weightedScore;
  const outcome: AuditOutcome =
    criticalFailed.length > 0
      ? 'failed'
      : score === null
        ? 'not_scored'
        : score >= template.passMark - EPSILON
          ? 'passed'
          : 'failed';
  return {
    score,
    weightedScore,
    earned,
    counted,
    passMark: template.passMark,
    outcome,
    criticalFailed,
    complete: unanswered.length === 0,
    unanswered,
    ...tally,
    items,
    sections,
  };
}

// ---- Words ----------------------------------------------------------------------------------

const num = (n: number, lang: Lang) => {
  const s = String(Math.round(n * 1000) / 1000);
  return lang === 'ru' ? s.replace('.', ',') : s;
};

/** A share as a percentage with at most one decimal: `0.8571…` → `85.7 %` (ru `85,7 %`). */
export function formatPercent(share: number, lang: Lang): string {
  const s = String(Math.round(share * 1000) / 10);
  return `${lang === 'ru' ? s.replace('.', ',') : s} %`;
}

const quote = (text: string, lang: Lang) => (lang === 'ru' ? `«${text}»` : `“${text}”`);

const EN_ITEMS = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
const RU_ITEMS = (n: number) => `${n} ${ruPlural(n, 'пункт', 'пункта', 'пунктов')}`;

/**
 * How the score was reached, in plain words, in Russian or English: the score and what it is made
 * of, the N/A items left out, the critical rule when it applied, the pass mark and the outcome, and
 * for a draft how many items still wait for an answer. Item titles come from the template (the id
 * when an item has none).
 *
 * Example (en): "Score 66.7 %: 2 of 3 weight points on 2 judged items (1 passed, 1 failed); 1 item
 * not applicable, not counted. Pass mark 60 %: passed."
 */
export function describeAuditScore(result: AuditScore, lang: Lang): string {
  const titleOf = (id: string) => {
    const item = result.items.find((i) => i.itemId === id);
    const text = item?.title === undefined ? '' : localized(item.title, lang);
    return quote(text === '' ? id : text, lang);
  };
  const judged = result.passed + result.failed;
  const parts: string[] = [];
  const draft = result.complete
    ? ''
    : lang === 'ru'
      ? `Черновик: ещё без ответа ${RU_ITEMS(result.unanswered.length)}; оценка учитывает только отвеченные. `
      : `Draft: ${EN_ITEMS(result.unanswered.length)} not answered yet; the score counts only the answered ones. `;

  if (result.weightedScore === null) {
    parts.push(
      lang === 'ru'
        ? result.na > 0
          ? `Оценки нет: ни один пункт не оценён (неприменимы: ${RU_ITEMS(result.na)}).`
          : 'Оценки нет: ни один пункт не оценён.'
        : result.na > 0
          ? `No score: no item was judged (${EN_ITEMS(result.na)} not applicable).`
          : 'No score: no item was judged.',
    );
    return draft + parts.join(' ');
  }

  const pct = formatPercent(result.weightedScore, lang);
  const made =
    lang === 'ru'
      ? `${num(result.earned, lang)} из ${num(result.counted, lang)} баллов веса по ${judged} ${ruPlural(judged, 'оценённому пункту', 'оценённым пунктам', 'оценённым пунктам')} (выполнено ${result.passed}, не выполнено ${result.failed})`
      : `${num(result.earned, lang)} of ${num(result.counted, lang)} weight points on ${judged} judged ${judged === 1 ? 'item' : 'items'} (${result.passed} passed, ${result.failed} failed)`;
  const na =
    result.na === 0
      ? ''
      : lang === 'ru'
        ? `; неприменимы и не учитываются: ${RU_ITEMS(result.na)}`
        : `; ${EN_ITEMS(result.na)} not applicable, not counted`;

  if (result.criticalFailed.length > 0) {
    const names = result.criticalFailed.map(titleOf).join(', ');
    const many = result.criticalFailed.length > 1;
    parts.push(
      lang === 'ru'
        ? `Не ${many ? 'выполнены критичные пункты' : 'выполнен критичный пункт'} ${names}, поэтому оценка 0 % и проверка не пройдена (по весам было бы ${pct}: ${made}${na}).`
        : `Critical ${many ? 'items' : 'item'} ${names} failed, so the score is 0 % and the audit failed (by weight it would be ${pct}: ${made}${na}).`,
    );
    return draft + parts.join(' ');
  }

  parts.push(lang === 'ru' ? `Оценка ${pct}: ${made}${na}.` : `Score ${pct}: ${made}${na}.`);
  const mark = formatPercent(result.passMark, lang);
  parts.push(
    result.outcome === 'passed'
      ? lang === 'ru'
        ? `Порог ${mark}: проверка пройдена.`
        : `Pass mark ${mark}: passed.`
      : lang === 'ru'
        ? `Порог ${mark}: проверка не пройдена.`
        : `Pass mark ${mark}: failed.`,
  );
  return draft + parts.join(' ');
}

/**
 * One item's verdict in words, for the explanation table: the answer, the rule and the verdict.
 *
 * Example: `describeItemVerdict(e, 'en')` for a 1–5 rating answered 3 with pass_min 4 →
 * "3 on 1–5, passes at 4 or above: failed"; ru "3 по шкале 1–5, зачёт при 4 и выше: не выполнено".
 */
export function describeItemVerdict(item: ItemExplanation, lang: Lang): string {
  const verdictWords: Record<ItemVerdict, { en: string; ru: string }> = {
    pass: { en: 'passed', ru: 'выполнено' },
    fail: { en: 'failed', ru: 'не выполнено' },
    na: { en: 'not applicable', ru: 'неприменимо' },
    unanswered: { en: 'not answered yet', ru: 'ещё без ответа' },
  };
  const verdict = verdictWords[item.verdict][lang];
  if (item.verdict === 'na' || item.verdict === 'unanswered')
    return verdict[0]!.toUpperCase() + verdict.slice(1);
  const rule = item.rule;
  let said: string;
  if (rule.type === 'checklist')
    said = lang === 'ru' ? (item.answer === 'yes' ? '«да»' : '«нет»') : `“${String(item.answer)}”`;
  else if (rule.scale === 'yes_no') {
    const yes = item.answer === 2;
    said = lang === 'ru' ? (yes ? '«да»' : '«нет»') : yes ? '“yes”' : '“no”';
  } else {
    const top = rule.points;
    const passes =
      rule.passMin >= top
        ? lang === 'ru'
          ? `зачёт при ${rule.passMin}`
          : `passes at ${rule.passMin}`
        : lang === 'ru'
          ? `зачёт при ${rule.passMin} и выше`
          : `passes at ${rule.passMin} or above`;
    said =
      lang === 'ru'
        ? `${String(item.answer)} по шкале 1–${top}, ${passes}`
        : `${String(item.answer)} on 1–${top}, ${passes}`;
  }
  const critical =
    item.critical && item.verdict === 'fail'
      ? lang === 'ru'
        ? ' (критичный пункт)'
        : ' (critical item)'
      : '';
  return `${said}: ${verdict}${critical}`;
}
