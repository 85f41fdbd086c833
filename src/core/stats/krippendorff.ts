import { ValidationError, type FieldIssue } from '../errors';

/**
 * Krippendorff's alpha, computed as in Krippendorff, K. (2011), "Computing Krippendorff's
 * Alpha-Reliability", University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 :
 *
 * 1. Reliability data: a matrix of observers × units; a missing judgement is `null`/`undefined`/`''`.
 * 2. A unit is *pairable* when at least two observers judged it (m_u ≥ 2); the others are dropped.
 * 3. Coincidence matrix over the pairable values: o_ck = Σ_u (number of c–k pairs of values from
 *    different observers in u) / (m_u − 1); its marginals n_c = Σ_k o_ck, and n = Σ_c n_c is the
 *    number of pairable values.
 * 4. D_o = (1/n) Σ_c Σ_k o_ck δ²_ck (observed disagreement), D_e = 1/(n(n−1)) Σ_c Σ_k n_c n_k δ²_ck
 *    (expected by chance), α = 1 − D_o / D_e.
 *
 * Difference functions δ²_ck: nominal 0/1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with the
 * ranks ordered and n_g the coincidence marginals; interval (c − k)²; ratio ((c − k)/(c + k))².
 *
 * Example: `krippendorffAlpha([[1, 2, 3], [1, 2, 4]], { level: 'interval' }).alpha` ≈ 0.878.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** One judgement; `null`, `undefined` and `''` (or only spaces) are a missing judgement. */
export type ReliabilityValue = string | number | null | undefined;

/** Rows are observers, columns are units. Rows may be shorter than others: the rest is missing. */
export type ReliabilityMatrix = ReadonlyArray<ReadonlyArray<ReliabilityValue>>;

export interface AlphaOptions {
  level: AlphaLevel;
  /**
   * Ordinal only: the labels from lowest to highest. Without it, ordinal values must all be numbers
   * and are ranked numerically.
   */
  order?: readonly string[];
}

export interface AlphaValue {
  /** The value as judged: a number for ordinal-by-number, interval and ratio, else the label. */
  value: string | number;
  /** n_c: how many times it occurs among the pairable values (coincidence marginal). */
  count: number;
}

export interface AlphaResult {
  level: AlphaLevel;
  /**
   * α, or `null` when every pairable value is the same (D_e = 0): such data show no variation, so
   * they cannot tell agreement from chance and alpha is undefined (0/0). See `noVariation`.
   */
  alpha: number | null;
  /** True when all pairable values are identical: alpha is undefined, `alpha` is null. */
  noVariation: boolean;
  /** Units judged by at least two observers. */
  pairableUnits: number;
  /** All units (columns) of the matrix. */
  units: number;
  /** n: the number of values in pairable units. */
  pairableValues: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** The distinct values seen in pairable units, in order (ordinal/numeric) or first seen (nominal). */
  values: AlphaValue[];
  /** The coincidence matrix o_ck, rows and columns in the order of `values`. */
  coincidences: number[][];
}

/** α ≥ 0.800: the data can be relied on (Krippendorff's customary requirement). */
export const ALPHA_RELIABLE = 0.8;
/** 0.667 ≤ α < 0.800: tentative conclusions only; below 0.667 the observers disagree. */
export const ALPHA_TENTATIVE = 0.667;

export type AlphaVerdict = 'reliable' | 'tentative' | 'disagree';

/**
 * `reliable` at α ≥ 0.8; `tentative` at 0.667 ≤ α < 0.8; `disagree` below 0.667 ("observers
 * disagree — sharpen the guidance"). α is compared as given, not rounded.
 */
export function classifyAlpha(alpha: number): AlphaVerdict {
  if (alpha >= ALPHA_RELIABLE) return 'reliable';
  if (alpha >= ALPHA_TENTATIVE) return 'tentative';
  return 'disagree';
}

/** Where a bad value sits: 0-based observer (row) and unit (column) of the matrix. */
export interface MatrixCell {
  observer: number;
  unit: number;
}

/** One reason a matrix gives no alpha; `cell` is absent when it concerns the whole matrix. */
export interface ReliabilityProblem {
  cell?: MatrixCell;
  code: string;
  /** What is wrong, without the place (callers that know file lines print their own place). */
  reason: string;
}

/**
 * Thrown for a matrix alpha cannot be computed on, with every problem at once. Each issue's `path`
 * is `observer.unit` (0-based) when it concerns one cell, and its message starts with the place
 * ("observer 2, unit 5: …"); `problems` holds the same with the place apart.
 */
export class ReliabilityDataError extends ValidationError {
  readonly problems: ReliabilityProblem[];
  constructor(problems: ReliabilityProblem[]) {
    super(
      problems.map((p): FieldIssue => ({
        path: p.cell ? `${p.cell.observer}.${p.cell.unit}` : '',
        code: p.code,
        message: p.cell ? `${place(p.cell)}: ${p.reason}` : p.reason,
      })),
      'The reliability data cannot give an alpha',
    );
    this.name = 'ReliabilityDataError';
    this.problems = problems;
  }
}

const isMissing = (v: ReliabilityValue): v is null | undefined | '' =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A finite number, or a string that is one (`' 4 '`, `'2.5'`, `'-1e3'`); otherwise undefined. */
function asNumber(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const text = v.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

const place = (cell: MatrixCell) => `observer ${cell.observer + 1}, unit ${cell.unit + 1}`;

interface Coded {
  /** Per unit, the indexes (into `labels`) of its values. */
  units: number[][];
  labels: Array<string | number>;
  /** Numeric value per label (interval/ratio/numeric ordinal), for δ. */
  numbers: number[];
  /** Per observer and unit, the index of the value judged, or undefined when missing. */
  byCell: Array<Array<number | undefined>>;
}

/** Turns the matrix into value indexes, checking every value against the level; all problems at once. */
function code(matrix: ReliabilityMatrix, options: AlphaOptions): Coded {
  const { level } = options;
  const unitCount = matrix.reduce((most, row) => Math.max(most, row.length), 0);
  const problems: ReliabilityProblem[] = [];
  const order = options.order?.map((label) => label.trim());
  if (order !== undefined && level !== 'ordinal') {
    problems.push({
      code: 'order_not_ordinal',
      reason: 'an order of labels applies to the ordinal level only',
    });
  }
  if (order !== undefined && new Set(order).size !== order.length) {
    problems.push({ code: 'order_repeats', reason: 'the order names a label twice' });
  }
  const cells: Array<{ cell: MatrixCell; raw: string | number }> = [];
  matrix.forEach((row, observer) =>
    row.forEach((raw, unit) => {
      if (!isMissing(raw)) cells.push({ cell: { observer, unit }, raw });
    }),
  );

  const key = new Map<string, number>();
  const labels: Array<string | number> = [];
  const numbers: number[] = [];
  const units: number[][] = Array.from({ length: unitCount }, () => []);
  const byCell: Array<Array<number | undefined>> = matrix.map(() => new Array<number | undefined>(unitCount));
  const put = (cell: MatrixCell, index: number) => {
    units[cell.unit]!.push(index);
    byCell[cell.observer]![cell.unit] = index;
  };
  const intern = (k: string, label: string | number, num: number) => {
    let index = key.get(k);
    if (index === undefined) {
      index = labels.push(label) - 1;
      numbers.push(num);
      key.set(k, index);
    }
    return index;
  };

  for (const { cell, raw } of cells) {
    if (level === 'nominal') {
      // Labels compare as text (`1` and `'1'` are one label); the value keeps the type it came with.
      const label = typeof raw === 'number' ? raw : raw.trim();
      put(cell, intern(String(label), label, NaN));
    } else if (level === 'ordinal' && order !== undefined) {
      const label = String(raw).trim();
      const rank = order.indexOf(label);
      if (rank < 0) {
        problems.push({
          cell,
          code: 'not_in_order',
          reason: `"${label}" is not one of the ordered labels (${order.join(', ')})`,
        });
      } else put(cell, intern(label, label, rank));
    } else {
      const num = asNumber(raw);
      if (num === undefined) {
        problems.push({
          cell,
          code: 'not_a_number',
          reason:
            level === 'ordinal'
              ? `"${String(raw).trim()}" is not a number (give the order of ordinal labels)`
              : `"${String(raw).trim()}" is not a number (the ${level} level needs numbers)`,
        });
      } else if (level === 'ratio' && num < 0) {
        problems.push({
          cell,
          code: 'negative_ratio',
          reason: `${num} is negative (a ratio scale starts at an absolute zero)`,
        });
      } else put(cell, intern(String(num), num, num));
    }
  }
  if (problems.length === 0 && !units.some((u) => u.length >= 2)) {
    problems.push({
      code: 'no_pairable_unit',
      reason:
        cells.length === 0
          ? 'the matrix holds no judgements at all'
          : 'no unit was judged by two or more observers, so no judgements can be compared',
    });
  }
  if (problems.length > 0) throw new ReliabilityDataError(problems);
  return { units, labels, numbers, byCell };
}

/**
 * Krippendorff's alpha for a reliability matrix (rows: observers, columns: units). Throws
 * `ReliabilityDataError` when no unit has two judgements, or a value does not fit the level.
 */
export function krippendorffAlpha(matrix: ReliabilityMatrix, options: AlphaOptions): AlphaResult {
  const coded = code(matrix, options);
  const pairable = coded.units.filter((u) => u.length >= 2);

  // Keep only values that occur in pairable units, in their order for δ.
  // Nominal: first seen first (the label index); the others: by number or by rank in the order.
  const order = [...new Set(pairable.flat())].sort((a, b) =>
    options.level === 'nominal' ? a - b : coded.numbers[a]! - coded.numbers[b]!,
  );
  const position = new Map(order.map((v, i) => [v, i]));
  const size = order.length;

  const o: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const counts = new Array<number>(size).fill(0);
    for (const v of unit) counts[position.get(v)!]! += 1;
    const weight = 1 / (unit.length - 1);
    for (let c = 0; c < size; c += 1) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < size; k += 1) {
        const pairs = counts[c]! * (counts[k]! - (c === k ? 1 : 0));
        if (pairs > 0) o[c]![k]! += pairs * weight;
      }
    }
  }
  // n_c = Σ_k o_ck is the number of times c occurs in pairable units: count it exactly.
  const marginals = new Array<number>(size).fill(0);
  for (const unit of pairable) for (const v of unit) marginals[position.get(v)!]! += 1;
  const n = marginals.reduce((s, x) => s + x, 0);
  const numeric = order.map((v) => coded.numbers[v]!);

  const delta = (c: number, k: number): number => {
    if (c === k) return 0;
    switch (options.level) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = lo; g <= hi; g += 1) sum += marginals[g]!;
        const d = sum - (marginals[c]! + marginals[k]!) / 2;
        return d * d;
      }
      case 'interval':
        return (numeric[c]! - numeric[k]!) ** 2;
      case 'ratio': {
        const total = numeric[c]! + numeric[k]!;
        return total === 0 ? 0 : ((numeric[c]! - numeric[k]!) / total) ** 2;
      }
    }
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = 0; k < size; k += 1) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  const noVariation = expectedDisagreement === 0;
  return {
    level: options.level,
    alpha: noVariation ? null : 1 - observedDisagreement / expectedDisagreement,
    noVariation,
    pairableUnits: pairable.length,
    units: coded.units.length,
    pairableValues: n,
    observedDisagreement,
    expectedDisagreement,
    values: order.map((v, i) => ({ value: coded.labels[v]!, count: marginals[i]! })),
    coincidences: o,
  };
}

export interface ObserverLeniency {
  /** 0-based row of the observer. */
  observer: number;
  /** Units this observer judged that at least one other observer judged too. */
  units: number;
  /**
   * Interval, ratio and ordinal: the mean of (own value − mean of the other observers' values) over
   * those units; above 0 the observer scores higher (more lenient on a "higher is better" scale),
   * below 0 stricter. Ordinal labels given by an order count as their ranks 1, 2, 3…
   * Nominal: there is no direction, so it is the mean share of the other observers' values that
   * differ from the observer's own (0 = always with the others, 1 = never).
   * `null` when the observer shares no unit with anybody.
   */
  meanDeviation: number | null;
}

/**
 * Each observer's leniency: how far their judgements sit from the consensus of the others on the
 * same units (the others' mean, so the observer is not part of their own yardstick). The same
 * checks as `krippendorffAlpha` apply, except that no pairable unit is needed.
 */
export function observerLeniency(matrix: ReliabilityMatrix, options: AlphaOptions): ObserverLeniency[] {
  let coded: Coded;
  try {
    coded = code(matrix, options);
  } catch (error) {
    // A matrix with nothing to compare still has an answer: nobody shares a unit.
    if (error instanceof ReliabilityDataError && error.issues.every((i) => i.code === 'no_pairable_unit')) {
      return matrix.map((_, observer) => ({ observer, units: 0, meanDeviation: null }));
    }
    throw error;
  }
  // Ordinal ranks start at 1 for people; numeric values stay as they are.
  const valueOf = (label: number) =>
    options.level === 'ordinal' && options.order !== undefined
      ? coded.numbers[label]! + 1
      : coded.numbers[label]!;
  return coded.byCell.map((row, observer) => {
    let units = 0;
    let total = 0;
    row.forEach((own, unit) => {
      if (own === undefined) return;
      const others = coded.byCell.flatMap((other, i) =>
        i === observer || other[unit] === undefined ? [] : [other[unit]],
      );
      if (others.length === 0) return;
      units += 1;
      if (options.level === 'nominal') total += others.filter((x) => x !== own).length / others.length;
      else total += valueOf(own) - others.reduce((s, x) => s + valueOf(x), 0) / others.length;
    });
    return { observer, units, meanDeviation: units === 0 ? null : total / units };
  });
}
