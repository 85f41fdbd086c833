import { describe, expect, it } from 'vitest';
import {
  ALPHA_RELIABLE,
  ALPHA_TENTATIVE,
  classifyAlpha,
  krippendorffAlpha,
  observerLeniency,
  ReliabilityDataError,
  type AlphaLevel,
  type ReliabilityMatrix,
} from './krippendorff';

const _ = null;
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const alphaOf = (matrix: ReliabilityMatrix, level: AlphaLevel, order?: string[]) =>
  round3(krippendorffAlpha(matrix, { level, order }).alpha);

/** Thrown ReliabilityDataError's issues, or a failure when nothing was thrown. */
function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReliabilityDataError);
    const e = error as ReliabilityDataError;
    return e.issues.map((issue, i) => ({
      code: issue.code,
      message: issue.message,
      cell: e.problems[i]!.cell,
    }));
  }
  throw new Error('expected a ReliabilityDataError');
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C/D:
// 4 observers × 12 units with missing values; unit 12 has one value and is not pairable.
const K2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia, "Krippendorff's alpha", "A computational example": 3 coders × 15 units.
const WIKIPEDIA = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

describe('Krippendorff (2011), 4 observers × 12 units, missing values', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s α = %s', (level, expected) => {
    expect(alphaOf(K2011, level)).toBe(expected);
  });

  it('counts 11 pairable units of 12 and n = 40 pairable values', () => {
    const result = krippendorffAlpha(K2011, { level: 'nominal' });
    expect(result).toMatchObject({ pairableUnits: 11, units: 12, pairableValues: 40, noVariation: false });
    // The paper's marginals n_c: 1→9, 2→13, 3→10, 4→5, 5→3 (the lone 3 of unit 12 is left out).
    expect(result.values).toEqual([
      { value: 1, count: 9 },
      { value: 2, count: 13 },
      { value: 3, count: 10 },
      { value: 4, count: 5 },
      { value: 5, count: 3 },
    ]);
    // D_o and D_e as 1 − α = D_o/D_e; the paper's nominal coincidences: o_11 = 7, o_12 = 4/3.
    expect(result.coincidences[0]![0]).toBeCloseTo(7, 10);
    expect(result.coincidences[0]![1]).toBeCloseTo(4 / 3, 10);
    expect(1 - result.observedDisagreement / result.expectedDisagreement).toBeCloseTo(result.alpha!, 12);
  });

  it('the coincidence matrix is symmetric and its marginals add up to n', () => {
    const { coincidences, pairableValues } = krippendorffAlpha(K2011, { level: 'interval' });
    coincidences.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(coincidences[k]![c]!, 12)));
    expect(coincidences.flat().reduce((s, x) => s + x, 0)).toBeCloseTo(pairableValues, 12);
  });

  it('ordinal labels with a given order give the same α as their numeric ranks', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high'];
    const labelled = K2011.map((row) => row.map((v) => (v === null ? null : names[v - 1]!)));
    expect(alphaOf(labelled, 'ordinal', names)).toBe(0.815);
  });

  it('the order of observers and of units does not change α', () => {
    const shuffled = [K2011[2]!, K2011[0]!, K2011[3]!, K2011[1]!].map((row) => [...row].reverse());
    expect(krippendorffAlpha(shuffled, { level: 'ordinal' }).alpha).toBeCloseTo(
      krippendorffAlpha(K2011, { level: 'ordinal' }).alpha!,
      12,
    );
  });
});

describe('Krippendorff (2011), two observers without missing values', () => {
  it('binary data: nominal α = 0.095', () => {
    const binary = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(alphaOf(binary, 'nominal')).toBe(0.095);
  });

  it('nominal labels a–e: α = 0.692', () => {
    const labels = [
      ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
      ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'],
    ];
    expect(alphaOf(labels, 'nominal')).toBe(0.692);
  });
});

describe("Wikipedia's computational example, 3 coders × 15 units", () => {
  it('nominal α = 0.691, interval α = 0.811', () => {
    expect(alphaOf(WIKIPEDIA, 'nominal')).toBe(0.691);
    expect(alphaOf(WIKIPEDIA, 'interval')).toBe(0.811);
  });

  it('units 2 and 14 (nobody) and unit 1 (one coder) are not pairable: n = 26 over 12 units', () => {
    expect(krippendorffAlpha(WIKIPEDIA, { level: 'nominal' })).toMatchObject({
      pairableUnits: 12,
      units: 15,
      pairableValues: 26,
    });
  });
});

describe('edge cases', () => {
  it('perfect agreement with variation: α = 1 on every level, D_o = 0', () => {
    const agree = [
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, _, 4],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const result = krippendorffAlpha(agree, { level });
      expect(result.alpha).toBe(1);
      expect(result.observedDisagreement).toBe(0);
      expect(result.noVariation).toBe(false);
    }
  });

  it('every value the same: no variation, α is undefined (null), not 1', () => {
    const same = [
      ['yes', 'yes', 'yes'],
      ['yes', 'yes', _],
    ];
    const result = krippendorffAlpha(same, { level: 'nominal' });
    expect(result).toMatchObject({
      alpha: null,
      noVariation: true,
      expectedDisagreement: 0,
      pairableValues: 4,
    });
  });

  it('a lone differing value in an unpairable unit does not create variation', () => {
    const result = krippendorffAlpha(
      [
        [1, 1, 2],
        [1, 1, _],
      ],
      { level: 'interval' },
    );
    expect(result).toMatchObject({ alpha: null, noVariation: true, pairableUnits: 2 });
    expect(result.values).toEqual([{ value: 1, count: 4 }]);
  });

  it('a single pairable unit that varies: α = 0 exactly (all variation is within the unit)', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha([[1], [2], [4]], { level }).alpha).toBeCloseTo(0, 12);
    }
  });

  it('systematic disagreement goes below zero', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 1, 2],
          [2, 1, 2, 1],
        ],
        { level: 'nominal' },
      ).alpha,
    ).toBeLessThan(0);
  });

  it('missing values: null, undefined, empty and blank strings, and short rows all count as missing', () => {
    const result = krippendorffAlpha([[1, 2, undefined, ''], [1, 3, '  '], [2]], { level: 'interval' });
    expect(result).toMatchObject({ pairableUnits: 2, units: 4, pairableValues: 5 });
  });

  it('numbers written as text are numbers on numeric levels; nominal compares the text', () => {
    expect(
      krippendorffAlpha(
        [
          ['1', ' 2 ', '3.0'],
          [1, 2, 3],
        ],
        { level: 'interval' },
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          ['1', '2', '3.0'],
          ['1', '2', '3'],
        ],
        { level: 'nominal' },
      ).alpha,
    ).toBeLessThan(1);
  });

  it('ratio treats 0 with 0 as agreement', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        { level: 'ratio' },
      ).alpha,
    ).toBe(1);
  });
});

describe('bad matrices', () => {
  it('all missing but one value: no pairable unit, a clear error', () => {
    const problems = problemsOf(() =>
      krippendorffAlpha(
        [
          [_, 3, _],
          [_, _, _],
        ],
        { level: 'nominal' },
      ),
    );
    expect(problems).toEqual([
      {
        code: 'no_pairable_unit',
        message: 'no unit was judged by two or more observers, so no judgements can be compared',
        cell: undefined,
      },
    ]);
  });

  it('each observer judged different units: no pairable unit', () => {
    const problems = problemsOf(() =>
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        { level: 'interval' },
      ),
    );
    expect(problems.map((p) => p.code)).toEqual(['no_pairable_unit']);
  });

  it('an empty matrix: an error that says there are no judgements', () => {
    expect(problemsOf(() => krippendorffAlpha([], { level: 'nominal' }))[0]!.message).toBe(
      'the matrix holds no judgements at all',
    );
  });

  it('interval with non-numbers: every bad cell named by observer and unit', () => {
    const problems = problemsOf(() =>
      krippendorffAlpha(
        [
          [1, 'two', 3],
          [1, 2, 'n/a'],
        ],
        { level: 'interval' },
      ),
    );
    expect(problems).toEqual([
      {
        code: 'not_a_number',
        message: 'observer 1, unit 2: "two" is not a number (the interval level needs numbers)',
        cell: { observer: 0, unit: 1 },
      },
      {
        code: 'not_a_number',
        message: 'observer 2, unit 3: "n/a" is not a number (the interval level needs numbers)',
        cell: { observer: 1, unit: 2 },
      },
    ]);
  });

  it('ratio refuses negative values and non-numbers', () => {
    const problems = problemsOf(() =>
      krippendorffAlpha(
        [
          [1, -2],
          ['x', 2],
        ],
        { level: 'ratio' },
      ),
    );
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['negative_ratio', { observer: 0, unit: 1 }],
      ['not_a_number', { observer: 1, unit: 0 }],
    ]);
  });

  it('ordinal labels without an order, or outside the order, are refused', () => {
    const labels = [
      ['low', 'high'],
      ['low', 'mid'],
    ];
    expect(problemsOf(() => krippendorffAlpha(labels, { level: 'ordinal' }))[0]!.message).toBe(
      'observer 1, unit 1: "low" is not a number (give the order of ordinal labels)',
    );
    expect(problemsOf(() => krippendorffAlpha(labels, { level: 'ordinal', order: ['low', 'high'] }))).toEqual(
      [
        {
          code: 'not_in_order',
          message: 'observer 2, unit 2: "mid" is not one of the ordered labels (low, high)',
          cell: { observer: 1, unit: 1 },
        },
      ],
    );
  });

  it('an order on a level other than ordinal, or naming a label twice, is refused', () => {
    expect(
      problemsOf(() => krippendorffAlpha([[1], [2]], { level: 'interval', order: ['1', '2'] })).map(
        (p) => p.code,
      ),
    ).toContain('order_not_ordinal');
    expect(
      problemsOf(() => krippendorffAlpha([['a'], ['b']], { level: 'ordinal', order: ['a', 'b', 'a'] })).map(
        (p) => p.code,
      ),
    ).toEqual(['order_repeats']);
  });
});

describe('classifyAlpha', () => {
  it('0.8 and above reliable, from 0.667 tentative, below disagree', () => {
    expect([ALPHA_RELIABLE, ALPHA_TENTATIVE]).toEqual([0.8, 0.667]);
    expect(classifyAlpha(1)).toBe('reliable');
    expect(classifyAlpha(0.8)).toBe('reliable');
    expect(classifyAlpha(0.7999)).toBe('tentative');
    expect(classifyAlpha(0.667)).toBe('tentative');
    expect(classifyAlpha(0.6669)).toBe('disagree');
    expect(classifyAlpha(-0.5)).toBe('disagree');
  });

  it('classifies the published examples', () => {
    expect(classifyAlpha(krippendorffAlpha(K2011, { level: 'interval' }).alpha!)).toBe('reliable');
    expect(classifyAlpha(krippendorffAlpha(K2011, { level: 'nominal' }).alpha!)).toBe('tentative');
    expect(classifyAlpha(krippendorffAlpha(WIKIPEDIA, { level: 'nominal' }).alpha!)).toBe('tentative');
  });
});

describe('observerLeniency', () => {
  it('interval: each observer against the mean of the others, on units shared with somebody', () => {
    const matrix = [
      [4, 5, 3],
      [3, 4, _],
      [2, 3, _],
    ];
    // Observer 1: (4 − 2.5) + (5 − 3.5) + nothing for unit 3 (nobody else) → 1.5 on 2 units.
    // Observer 2: (3 − 3) + (4 − 4) → 0.  Observer 3: (2 − 3.5) + (3 − 4.5) → −1.5.
    expect(observerLeniency(matrix, { level: 'interval' })).toEqual([
      { observer: 0, units: 2, meanDeviation: 1.5 },
      { observer: 1, units: 2, meanDeviation: 0 },
      { observer: 2, units: 2, meanDeviation: -1.5 },
    ]);
  });

  it('ordinal with an order uses ranks', () => {
    const matrix = [
      ['good', 'poor'],
      ['fair', 'poor'],
    ];
    expect(
      observerLeniency(matrix, { level: 'ordinal', order: ['poor', 'fair', 'good'] }).map(
        (l) => l.meanDeviation,
      ),
    ).toEqual([0.5, -0.5]);
  });

  it('nominal: the share of the others who judged differently', () => {
    const matrix = [
      ['yes', 'yes', 'no'],
      ['yes', 'no', 'no'],
      ['no', 'no', _],
    ];
    // Observer 1: unit 1 ½ differ, unit 2 both differ, unit 3 none → (0.5 + 1 + 0) / 3.
    expect(observerLeniency(matrix, { level: 'nominal' })[0]).toEqual({
      observer: 0,
      units: 3,
      meanDeviation: 0.5,
    });
  });

  it('an observer who shares no unit has no leniency; a matrix with no shared unit is no error', () => {
    expect(
      observerLeniency(
        [
          [1, _],
          [_, 2],
        ],
        { level: 'interval' },
      ),
    ).toEqual([
      { observer: 0, units: 0, meanDeviation: null },
      { observer: 1, units: 0, meanDeviation: null },
    ]);
  });

  it('non-numbers are refused as for alpha', () => {
    expect(problemsOf(() => observerLeniency([['x'], [1]], { level: 'interval' }))[0]!.code).toBe(
      'not_a_number',
    );
  });
});
