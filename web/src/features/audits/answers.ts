import type { Answer } from './offline-queue';

/**
 * The choices an item offers and the problems the server names, for display. The server judges;
 * these only decide what the form shows.
 */

/** A localized text as the contract carries it: a plain string or `{ru?, en?}`. */
export type Text = string | { ru?: string | undefined; en?: string | undefined };

export interface MeasureShape {
  type: 'rating' | 'checklist';
  scale?: 'yes_no' | '1-3' | '1-4' | '1-5' | undefined;
  pass_min?: number | undefined;
  labels?: readonly Text[] | undefined;
  allow_na: boolean;
}

/** One button of an item: its value, and either a label from the standard or a key of ours. */
export interface AnswerChoice {
  value: Answer;
  /** The standard's own label for the point, when it has one. */
  label?: Text;
  /** Otherwise: `yes`, `no`, `na`, or `point` (show the number). */
  kind: 'yes' | 'no' | 'na' | 'point';
  /** Whether choosing it passes the item (N/A: null, it is not judged). */
  passes: boolean | null;
}

const SCALE_POINTS = { yes_no: 2, '1-3': 3, '1-4': 4, '1-5': 5 } as const;

/** How many points a rating has (`yes_no`: 2). */
export const pointsOf = (m: MeasureShape): number => SCALE_POINTS[m.scale ?? 'yes_no'];

/**
 * The buttons of an item, in the order shown: yes before no (a checklist, and a `yes_no` rating
 * whose points are 2 = yes, 1 = no), a numeric scale from its lowest point up; N/A last, and only
 * when the item allows it.
 */
export function answerChoices(m: MeasureShape): AnswerChoice[] {
  const out: AnswerChoice[] = [];
  if (m.type === 'checklist') {
    out.push({ value: 'yes', kind: 'yes', passes: true }, { value: 'no', kind: 'no', passes: false });
  } else if ((m.scale ?? 'yes_no') === 'yes_no') {
    const passMin = m.pass_min ?? 2;
    const [noLabel, yesLabel] = [m.labels?.[0], m.labels?.[1]];
    out.push(
      { value: 2, kind: 'yes', passes: 2 >= passMin, ...(yesLabel ? { label: yesLabel } : {}) },
      { value: 1, kind: 'no', passes: 1 >= passMin, ...(noLabel ? { label: noLabel } : {}) },
    );
  } else {
    const points = pointsOf(m);
    const passMin = m.pass_min ?? points;
    for (let p = 1; p <= points; p++) {
      const label = m.labels?.[p - 1];
      out.push({ value: p, kind: 'point', passes: p >= passMin, ...(label ? { label } : {}) });
    }
  }
  if (m.allow_na) out.push({ value: 'na', kind: 'na', passes: null });
  return out;
}

/** Whether the form would offer this answer for the item (a stale local answer may not fit). */
export function isOffered(m: MeasureShape, answer: Answer): boolean {
  return answerChoices(m).some((c) => c.value === answer);
}

/** The answer as the value of a radio input (`"2"`, `"yes"`, `"na"`), and back. */
export const answerToValue = (a: Answer | null | undefined): string | null =>
  a === null || a === undefined ? null : String(a);

export function valueToAnswer(value: string): Answer | null {
  if (value === 'yes' || value === 'no' || value === 'na') return value;
  const n = Number(value);
  return value !== '' && Number.isInteger(n) ? n : null;
}

/** One problem the server named about one item of the form. */
export interface ItemProblem {
  itemId: string;
  /** `unanswered`, `na_not_allowed`, `invalid_answer`, `unknown_item`, or another code of the server. */
  code: string;
  /** Whether it is about the comment rather than the answer. */
  comment: boolean;
  message: string;
}

/**
 * The server's issues about items (`answers.<item>`, `comments.<item>`, the item id may contain
 * dots), in the order given; issues naming anything else are the `rest`.
 */
export function itemProblems(
  issues: readonly { path: string; code?: string | undefined; message: string }[],
): {
  items: ItemProblem[];
  rest: string[];
} {
  const items: ItemProblem[] = [];
  const rest: string[] = [];
  for (const issue of issues) {
    const m = /^(answers|comments)\.(.+)$/.exec(issue.path);
    if (m)
      items.push({
        itemId: m[2]!,
        code: issue.code ?? 'invalid',
        comment: m[1] === 'comments',
        message: issue.message,
      });
    else rest.push(issue.message);
  }
  return { items, rest };
}

/** The problems by item, first problem first (an item may have an answer and a comment problem). */
export function problemsByItem(problems: readonly ItemProblem[]): Map<string, ItemProblem[]> {
  const out = new Map<string, ItemProblem[]>();
  for (const p of problems) out.set(p.itemId, [...(out.get(p.itemId) ?? []), p]);
  return out;
}

/**
 * The problems still standing once the form's answers changed: an `unanswered` item that now has
 * an answer, or an answer problem whose answer changed since, is gone.
 */
export function remainingProblems(
  problems: readonly ItemProblem[],
  answersThen: Readonly<Record<string, Answer>>,
  answersNow: Readonly<Record<string, Answer>>,
): ItemProblem[] {
  return problems.filter((p) => {
    if (p.comment) return true;
    if (p.code === 'unanswered') return answersNow[p.itemId] === undefined;
    return answersNow[p.itemId] === answersThen[p.itemId];
  });
}

/** A score 0…1 as a percent with at most one decimal (0.6667 → 66.7), without float noise. */
export const percent = (share: number): number => Math.round(share * 1000) / 10;
