import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  assertSubmittable,
  checkAuditTemplate,
  describeAuditScore,
  describeItemVerdict,
  formatPercent,
  judgeItem,
  scoreAudit,
  validateForSubmit,
  type AuditItem,
  type AuditTemplateScoring,
} from './scoring';

const smile: AuditItem = {
  id: 'SMILE',
  title: { en: 'Smiles', ru: 'Улыбается' },
  measure: { type: 'rating', scale: '1-5', pass_min: 4, weight: 2 },
};
const eyes: AuditItem = {
  id: 'EYES',
  title: { en: 'Eye contact', ru: 'Смотрит в глаза' },
  measure: { type: 'rating', scale: 'yes_no' },
};
const tidy: AuditItem = { id: 'TIDY', measure: { type: 'checklist' } };
const signin: AuditItem = {
  id: 'SIGN-IN',
  title: { en: 'Visitors sign in', ru: 'Посетители записываются' },
  measure: { type: 'checklist', critical: true, allow_na: false },
};
const dress: AuditItem = { id: 'DRESS', measure: { type: 'rating', scale: '1-3', pass_min: 2, weight: 0.5 } };

/** A reception audit: behaviour (smile ×2, eyes), environment (tidy, sign-in critical, dress ×0.5). */
const template: AuditTemplateScoring = {
  passMark: 0.8,
  sections: [
    { id: 'behaviour', title: { en: 'Behaviour', ru: 'Поведение' }, items: [smile, eyes] },
    { id: 'environment', items: [tidy, signin, dress] },
  ],
};

const validationIssues = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
};

describe('judgeItem', () => {
  it('passes a rating at pass_min and above, fails below', () => {
    expect(judgeItem(smile, 5)).toBe('pass');
    expect(judgeItem(smile, 4)).toBe('pass');
    expect(judgeItem(smile, 3)).toBe('fail');
    expect(judgeItem(smile, 1)).toBe('fail');
  });

  it('passes yes_no on 2 = yes by default, fails on 1 = no', () => {
    expect(judgeItem(eyes, 2)).toBe('pass');
    expect(judgeItem(eyes, 1)).toBe('fail');
    const lenient: AuditItem = { id: 'X', measure: { type: 'rating', scale: 'yes_no', pass_min: 1 } };
    expect(judgeItem(lenient, 1)).toBe('pass');
  });

  it('judges checklist yes as pass, no as fail, na as N/A, nothing as unanswered', () => {
    expect(judgeItem(tidy, 'yes')).toBe('pass');
    expect(judgeItem(tidy, 'no')).toBe('fail');
    expect(judgeItem(tidy, 'na')).toBe('na');
    expect(judgeItem(tidy, undefined)).toBe('unanswered');
    expect(judgeItem(tidy, null)).toBe('unanswered');
    expect(judgeItem(smile, 'na')).toBe('na');
  });

  it('refuses N/A where allow_na is false, naming the item', () => {
    const issues = validationIssues(() => judgeItem(signin, 'na'));
    expect(issues).toEqual([
      {
        path: 'answers.SIGN-IN',
        code: 'na_not_allowed',
        message: 'item "SIGN-IN" does not allow "not applicable": judge it',
      },
    ]);
  });

  it('refuses answers off the scale or of the wrong kind', () => {
    expect(validationIssues(() => judgeItem(smile, 6))[0]!.message).toBe(
      'item "SMILE" is rated 1-5: answer a point from 1 to 5 or na, not 6',
    );
    expect(validationIssues(() => judgeItem(smile, 0))[0]!.code).toBe('invalid_answer');
    expect(validationIssues(() => judgeItem(smile, 4.5))[0]!.code).toBe('invalid_answer');
    expect(validationIssues(() => judgeItem(smile, 'yes'))[0]!.code).toBe('invalid_answer');
    expect(validationIssues(() => judgeItem(eyes, 3))[0]!.message).toBe(
      'item "EYES" is rated yes/no: answer 1 (no), 2 (yes) or na, not 3',
    );
    expect(validationIssues(() => judgeItem(tidy, 1))[0]!.message).toBe(
      'item "TIDY" is a checklist item: answer yes, no or na, not 1',
    );
  });
});

describe('scoreAudit', () => {
  it('takes the weighted mean of judged items, leaving N/A out of the denominator', () => {
    // smile 5 (pass, 2), eyes no (fail, 1), tidy na, sign-in yes (pass, 1), dress 1 (fail, 0.5)
    const r = scoreAudit(template, { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 });
    expect(r.earned).toBe(3);
    expect(r.counted).toBe(4.5);
    expect(r.score).toBeCloseTo(3 / 4.5, 12);
    expect(r.weightedScore).toBe(r.score);
    expect(r.outcome).toBe('failed'); // 66.7 % < 80 %
    expect([r.passed, r.failed, r.na]).toEqual([2, 2, 1]);
    expect(r.complete).toBe(true);
    expect(r.unanswered).toEqual([]);
    expect(r.criticalFailed).toEqual([]);
  });

  it('explains every item: verdict, weight, counted, earned, contribution, lost', () => {
    const r = scoreAudit(template, { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 });
    const row = (id: string) => r.items.find((i) => i.itemId === id)!;
    expect(row('SMILE')).toMatchObject({
      sectionId: 'behaviour',
      answer: 5,
      verdict: 'pass',
      weight: 2,
      counted: 2,
      earned: 2,
      lost: 0,
      rule: { type: 'rating', scale: '1-5', points: 5, passMin: 4 },
    });
    expect(row('SMILE').contribution).toBeCloseTo(2 / 4.5, 12);
    expect(row('EYES')).toMatchObject({ verdict: 'fail', counted: 1, earned: 0, contribution: 0 });
    expect(row('EYES').lost).toBeCloseTo(1 / 4.5, 12);
    expect(row('TIDY')).toMatchObject({ verdict: 'na', counted: 0, earned: 0, contribution: 0, lost: 0 });
    expect(row('DRESS').lost).toBeCloseTo(0.5 / 4.5, 12);
    expect(row('EYES').rule).toEqual({ type: 'rating', scale: 'yes_no', points: 2, passMin: 2 });
    // contributions add up to the score; contributions and losses add up to 1
    const sum = r.items.reduce((s, i) => s + i.contribution, 0);
    const lost = r.items.reduce((s, i) => s + i.lost, 0);
    expect(sum).toBeCloseTo(r.score!, 12);
    expect(sum + lost).toBeCloseTo(1, 12);
  });

  it('subtotals each section', () => {
    const r = scoreAudit(template, { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 });
    expect(r.sections).toEqual([
      {
        sectionId: 'behaviour',
        title: { en: 'Behaviour', ru: 'Поведение' },
        earned: 2,
        counted: 3,
        score: 2 / 3,
        passed: 1,
        failed: 1,
        na: 0,
        unanswered: 0,
        criticalFailed: [],
      },
      {
        sectionId: 'environment',
        earned: 1,
        counted: 1.5,
        score: 1 / 1.5,
        passed: 1,
        failed: 1,
        na: 1,
        unanswered: 0,
        criticalFailed: [],
      },
    ]);
  });

  it('a section with nothing judged has no score', () => {
    const r = scoreAudit(template, { SMILE: 'na', EYES: 'na', TIDY: 'yes', 'SIGN-IN': 'yes', DRESS: 3 });
    expect(r.sections[0]!.score).toBeNull();
    expect(r.score).toBe(1);
    expect(r.outcome).toBe('passed');
  });

  it('passes at the pass mark exactly and fails just under it', () => {
    const flat: AuditTemplateScoring = {
      passMark: 0.8,
      sections: [
        {
          id: 's',
          items: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, measure: { type: 'checklist' as const } })),
        },
      ],
    };
    const four = scoreAudit(flat, { A: 'yes', B: 'yes', C: 'yes', D: 'yes', E: 'no' });
    expect(four.score).toBe(0.8);
    expect(four.outcome).toBe('passed');
    const three = scoreAudit(flat, { A: 'yes', B: 'yes', C: 'yes', D: 'no', E: 'no' });
    expect(three.score).toBe(0.6);
    expect(three.outcome).toBe('failed');
    // N/A raises the share: 3 of 4 judged is 75 %, still under 80 %; 3 of 3 passes
    expect(scoreAudit(flat, { A: 'yes', B: 'yes', C: 'yes', D: 'no', E: 'na' }).score).toBe(0.75);
    expect(scoreAudit(flat, { A: 'yes', B: 'yes', C: 'yes', D: 'na', E: 'na' }).outcome).toBe('passed');
  });

  it('treats weight sums that are not exact in binary as reaching the mark', () => {
    const tenths: AuditTemplateScoring = {
      passMark: 0.8,
      sections: [
        {
          id: 's',
          items: Array.from({ length: 5 }, (_, i) => ({
            id: `I${i}`,
            measure: { type: 'checklist' as const, weight: 0.3 },
          })),
        },
      ],
    };
    const answers = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`I${i}`, i < 4 ? ('yes' as const) : ('no' as const)]),
    );
    const r = scoreAudit(tenths, answers);
    expect(r.score).toBeLessThan(0.8); // 1.2 / 1.5 in binary is 0.7999… …
    expect(r.score).toBeCloseTo(0.8, 12);
    expect(r.outcome).toBe('passed'); // … and still passes
  });

  it('a failed critical item makes the score 0 and the audit failed, keeping the weighted score', () => {
    const r = scoreAudit(template, { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'no', DRESS: 3 });
    expect(r.weightedScore).toBeCloseTo(4.5 / 5.5, 12);
    expect(r.score).toBe(0);
    expect(r.outcome).toBe('failed');
    expect(r.criticalFailed).toEqual(['SIGN-IN']);
    expect(r.sections[1]!.criticalFailed).toEqual(['SIGN-IN']);
    expect(r.sections[0]!.criticalFailed).toEqual([]);
  });

  it('a critical item that passes or is N/A does not trigger the critical rule', () => {
    const critNa: AuditTemplateScoring = {
      passMark: 0.5,
      sections: [{ id: 's', items: [{ id: 'K', measure: { type: 'checklist', critical: true } }, tidy] }],
    };
    const r = scoreAudit(critNa, { K: 'na', TIDY: 'yes' });
    expect(r.criticalFailed).toEqual([]);
    expect(r.score).toBe(1);
    expect(r.outcome).toBe('passed');
  });

  it('has no score when nothing was judged', () => {
    const r = scoreAudit(template, { SMILE: 'na', EYES: 'na', TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 'na' });
    expect(r.score).toBe(1);
    const none: AuditTemplateScoring = { passMark: 0.8, sections: [{ id: 's', items: [tidy] }] };
    const all = scoreAudit(none, { TIDY: 'na' });
    expect(all.score).toBeNull();
    expect(all.weightedScore).toBeNull();
    expect(all.outcome).toBe('not_scored');
    expect(all.items[0]!.contribution).toBe(0);
  });

  it('scores a draft on its answered items and lists the unanswered ones', () => {
    const r = scoreAudit(template, { SMILE: 4, 'SIGN-IN': 'yes' });
    expect(r.complete).toBe(false);
    expect(r.unanswered).toEqual(['EYES', 'TIDY', 'DRESS']);
    expect(r.score).toBe(1);
    expect(r.sections.map((s) => s.unanswered)).toEqual([1, 2]);
    expect(r.items.find((i) => i.itemId === 'EYES')).toMatchObject({
      verdict: 'unanswered',
      answer: null,
      counted: 0,
    });
    const empty = scoreAudit(template, {});
    expect(empty.outcome).toBe('not_scored');
    expect(empty.unanswered).toHaveLength(5);
  });

  it('refuses N/A on an item that does not allow it, and unknown items, all at once', () => {
    const issues = validationIssues(() => scoreAudit(template, { 'SIGN-IN': 'na', SMILE: 9, GHOST: 'yes' }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['answers.SMILE', 'invalid_answer'],
      ['answers.SIGN-IN', 'na_not_allowed'],
      ['answers.GHOST', 'unknown_item'],
    ]);
  });

  it('reads only the answers object’s own entries', () => {
    const odd: AuditTemplateScoring = {
      passMark: 0.5,
      sections: [{ id: 's', items: [{ id: 'constructor', measure: { type: 'checklist' } }] }],
    };
    expect(scoreAudit(odd, {}).unanswered).toEqual(['constructor']);
    expect(validateForSubmit(odd, {}).missing.map((m) => m.itemId)).toEqual(['constructor']);
    expect(scoreAudit(odd, { constructor: 'yes' as const }).score).toBe(1);
  });

  it('refuses a template that cannot be scored', () => {
    const bad: AuditTemplateScoring = {
      passMark: 1.5,
      sections: [
        { id: 's', items: [tidy, { id: 'TIDY', measure: { type: 'checklist', weight: 0 } }] },
        { id: 's', items: [{ id: 'R', measure: { type: 'rating', scale: '1-4' } }] },
        { id: 't', items: [{ id: 'Q', measure: { type: 'rating', scale: '1-3', pass_min: 4 } }] },
      ],
    };
    expect(checkAuditTemplate(bad).map((p) => p.code)).toEqual([
      'invalid_pass_mark',
      'duplicate_item',
      'invalid_weight',
      'duplicate_section',
      'missing_pass_min',
      'invalid_pass_min',
    ]);
    expect(() => scoreAudit(bad, {})).toThrow(ValidationError);
    expect(checkAuditTemplate(template)).toEqual([]);
  });
});

describe('validateForSubmit', () => {
  it('lists every missing item with its section, in template order', () => {
    const check = validateForSubmit(template, { SMILE: 4, 'SIGN-IN': 'yes' });
    expect(check.ok).toBe(false);
    expect(check.missing).toEqual([
      { itemId: 'EYES', sectionId: 'behaviour', title: { en: 'Eye contact', ru: 'Смотрит в глаза' } },
      { itemId: 'TIDY', sectionId: 'environment' },
      { itemId: 'DRESS', sectionId: 'environment' },
    ]);
    expect(check.issues.map((i) => i.path)).toEqual(['answers.EYES', 'answers.TIDY', 'answers.DRESS']);
    expect(check.issues.every((i) => i.code === 'unanswered')).toBe(true);
  });

  it('is ok when every item has a valid answer, N/A included', () => {
    const answers = { SMILE: 4, EYES: 'na', TIDY: 'na', 'SIGN-IN': 'no', DRESS: 2 } as const;
    expect(validateForSubmit(template, answers)).toEqual({ ok: true, missing: [], issues: [] });
    expect(() => assertSubmittable(template, answers)).not.toThrow();
  });

  it('refuses invalid answers too, and assertSubmittable throws every issue', () => {
    const check = validateForSubmit(template, {
      SMILE: 4,
      EYES: 2,
      TIDY: 'yes',
      'SIGN-IN': 'na',
      DRESS: null,
    });
    expect(check.ok).toBe(false);
    expect(check.issues.map((i) => i.code)).toEqual(['na_not_allowed', 'unanswered']);
    const issues = validationIssues(() =>
      assertSubmittable(template, { SMILE: 4, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'na', DRESS: null }),
    );
    expect(issues).toHaveLength(2);
  });
});

describe('describeAuditScore', () => {
  it('says the score, its parts, N/A and the pass mark in both languages', () => {
    const r = scoreAudit(template, { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 });
    expect(describeAuditScore(r, 'en')).toBe(
      'Score 66.7 %: 3 of 4.5 weight points on 4 judged items (2 passed, 2 failed); 1 item not applicable, not counted. Pass mark 80 %: failed.',
    );
    expect(describeAuditScore(r, 'ru')).toBe(
      'Оценка 66,7 %: 3 из 4,5 баллов веса по 4 оценённым пунктам (выполнено 2, не выполнено 2); неприменимы и не учитываются: 1 пункт. Порог 80 %: проверка не пройдена.',
    );
  });

  it('says a pass', () => {
    const r = scoreAudit(template, { SMILE: 4, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes', DRESS: 2 });
    expect(describeAuditScore(r, 'en')).toBe(
      'Score 100 %: 5.5 of 5.5 weight points on 5 judged items (5 passed, 0 failed). Pass mark 80 %: passed.',
    );
    expect(describeAuditScore(r, 'ru')).toBe(
      'Оценка 100 %: 5,5 из 5,5 баллов веса по 5 оценённым пунктам (выполнено 5, не выполнено 0). Порог 80 %: проверка пройдена.',
    );
  });

  it('says when the critical rule applied, by the item title', () => {
    const r = scoreAudit(template, { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'no', DRESS: 3 });
    expect(describeAuditScore(r, 'en')).toBe(
      'Critical item “Visitors sign in” failed, so the score is 0 % and the audit failed (by weight it would be 81.8 %: 4.5 of 5.5 weight points on 5 judged items (4 passed, 1 failed)).',
    );
    expect(describeAuditScore(r, 'ru')).toBe(
      'Не выполнен критичный пункт «Посетители записываются», поэтому оценка 0 % и проверка не пройдена (по весам было бы 81,8 %: 4,5 из 5,5 баллов веса по 5 оценённым пунктам (выполнено 4, не выполнено 1)).',
    );
  });

  it('names several failed critical items, by id when untitled', () => {
    const t: AuditTemplateScoring = {
      passMark: 0.5,
      sections: [
        {
          id: 's',
          items: [
            { id: 'K1', measure: { type: 'checklist', critical: true } },
            { id: 'K2', measure: { type: 'checklist', critical: true } },
          ],
        },
      ],
    };
    const r = scoreAudit(t, { K1: 'no', K2: 'no' });
    expect(describeAuditScore(r, 'en')).toMatch(/^Critical items “K1”, “K2” failed/);
    expect(describeAuditScore(r, 'ru')).toMatch(/^Не выполнены критичные пункты «K1», «K2»/);
  });

  it('says a draft and a missing score', () => {
    const draft = scoreAudit(template, { SMILE: 4, 'SIGN-IN': 'yes' });
    expect(describeAuditScore(draft, 'en')).toBe(
      'Draft: 3 items not answered yet; the score counts only the answered ones. Score 100 %: 3 of 3 weight points on 2 judged items (2 passed, 0 failed). Pass mark 80 %: passed.',
    );
    expect(describeAuditScore(draft, 'ru')).toBe(
      'Черновик: ещё без ответа 3 пункта; оценка учитывает только отвеченные. Оценка 100 %: 3 из 3 баллов веса по 2 оценённым пунктам (выполнено 2, не выполнено 0). Порог 80 %: проверка пройдена.',
    );
    const none = scoreAudit({ passMark: 0.8, sections: [{ id: 's', items: [tidy] }] }, { TIDY: 'na' });
    expect(describeAuditScore(none, 'en')).toBe('No score: no item was judged (1 item not applicable).');
    expect(describeAuditScore(none, 'ru')).toBe(
      'Оценки нет: ни один пункт не оценён (неприменимы: 1 пункт).',
    );
    expect(describeAuditScore(scoreAudit(template, {}), 'ru')).toBe(
      'Черновик: ещё без ответа 5 пунктов; оценка учитывает только отвеченные. Оценки нет: ни один пункт не оценён.',
    );
  });
});

describe('describeItemVerdict', () => {
  it('words the answer, the rule and the verdict', () => {
    const r = scoreAudit(template, { SMILE: 3, EYES: 2, TIDY: 'na', 'SIGN-IN': 'no', DRESS: 3 });
    const row = (id: string) => r.items.find((i) => i.itemId === id)!;
    expect(describeItemVerdict(row('SMILE'), 'en')).toBe('3 on 1–5, passes at 4 or above: failed');
    expect(describeItemVerdict(row('SMILE'), 'ru')).toBe('3 по шкале 1–5, зачёт при 4 и выше: не выполнено');
    expect(describeItemVerdict(row('EYES'), 'en')).toBe('“yes”: passed');
    expect(describeItemVerdict(row('EYES'), 'ru')).toBe('«да»: выполнено');
    expect(describeItemVerdict(row('TIDY'), 'en')).toBe('Not applicable');
    expect(describeItemVerdict(row('SIGN-IN'), 'en')).toBe('“no”: failed (critical item)');
    expect(describeItemVerdict(row('SIGN-IN'), 'ru')).toBe('«нет»: не выполнено (критичный пункт)');
    expect(describeItemVerdict(row('DRESS'), 'en')).toBe('3 on 1–3, passes at 2 or above: passed');
  });

  it('formats percentages with one decimal and the Russian comma', () => {
    expect(formatPercent(6 / 7, 'en')).toBe('85.7 %');
    expect(formatPercent(6 / 7, 'ru')).toBe('85,7 %');
    expect(formatPercent(1, 'en')).toBe('100 %');
  });
});
