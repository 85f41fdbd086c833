import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEtalon } from '../../../test/run-etalon';
import { scratchDir } from '../../../test/scratch-dir';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;

const { dir, write } = scratchDir('etalon-stats-');

const etalon = (args: string[]) => runEtalon(args);

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units.
const PAPER = write(
  'paper.csv',
  [
    'observer,u1,u2,u3,u4,u5,u6,u7,u8,u9,u10,u11,u12',
    'A,1,2,3,3,2,1,4,1,2,,,',
    'B,1,2,3,3,2,2,4,1,2,5,,3',
    'C,,3,3,3,2,3,4,2,2,5,1,',
    'D,1,2,3,3,2,4,4,1,2,5,1,',
  ].join('\r\n') + '\r\n',
);

// The same judgements without header and names, as labels of an ordered scale.
const LABELS = ['very low', 'low', 'mid', 'high', 'very high'];
const PAPER_LABELS = write(
  'labels.csv',
  '\ufeff' +
    [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
      [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ]
      .map((row) => row.map((v) => (v === 0 ? '' : `"${LABELS[v - 1]}"`)).join(','))
      .join('\n') +
    '\n\n',
);

describe.concurrent('etalon stats alpha', () => {
  it(
    'prints alpha to 3 decimals, the verdict, units, n, Do, De and each observer',
    { timeout: CLI_TIMEOUT },
    async () => {
      const run = await etalon(['stats', 'alpha', '--level', 'interval', '--header', '--names', PAPER]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe("paper.csv: Krippendorff's alpha (interval) = 0.849: reliable (alpha >= 0.800)");
      expect(lines.slice(1, 6)).toEqual([
        '  pairable units:          11 of 12',
        '  pairable values (n):     40',
        '  observed disagreement:   Do = 0.4333',
        '  expected disagreement:   De = 2.8718',
        '  values (count):          1 (9), 2 (13), 3 (10), 4 (5), 5 (3)',
      ]);
      // Observer C scored above the others' mean on average, A below.
      expect(run.stdout).toMatch(/\n {2}A +9 {2}-0\.296\n/);
      expect(run.stdout).toMatch(/\n {2}C +10 {2}0\.267\n/);
    },
  );

  it('each level gives the published value; nominal is tentative', { timeout: CLI_TIMEOUT }, async () => {
    const runs = await Promise.all(
      ['nominal', 'ordinal', 'ratio'].map((level) =>
        etalon(['stats', 'alpha', '--level', level, '--header', '--names', PAPER]),
      ),
    );
    expect(runs.map((r) => r.stdout.split('\n')[0])).toEqual([
      "paper.csv: Krippendorff's alpha (nominal) = 0.743: tentative (0.667 <= alpha < 0.800): draw tentative conclusions only",
      "paper.csv: Krippendorff's alpha (ordinal) = 0.815: reliable (alpha >= 0.800)",
      "paper.csv: Krippendorff's alpha (ratio) = 0.797: tentative (0.667 <= alpha < 0.800): draw tentative conclusions only",
    ]);
  });

  it('--format json: the full numbers for machines, snake_case', { timeout: CLI_TIMEOUT }, async () => {
    const run = await etalon([
      'stats',
      'alpha',
      '--level',
      'ordinal',
      '--order',
      LABELS.join(','),
      '--format',
      'json',
      PAPER_LABELS,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      level: 'ordinal',
      verdict: 'reliable',
      no_variation: false,
      thresholds: { reliable: 0.8, tentative: 0.667 },
      units: 12,
      pairable_units: 11,
      pairable_values: 40,
      values: [
        { value: 'very low', count: 9 },
        { value: 'low', count: 13 },
        { value: 'mid', count: 10 },
        { value: 'high', count: 5 },
        { value: 'very high', count: 3 },
      ],
    });
    expect(Math.round((report.alpha as number) * 1000) / 1000).toBe(0.815);
    // Without --names, observers are named by their line (the BOM does not shift anything).
    expect((report.observers as Array<{ name: string; line: number }>).map((o) => [o.name, o.line])).toEqual([
      ['line 1', 1],
      ['line 2', 2],
      ['line 3', 3],
      ['line 4', 4],
    ]);
  });

  it(
    'no variation: alpha undefined, said in words and null in JSON, exit 0',
    { timeout: CLI_TIMEOUT },
    async () => {
      const same = write('same.csv', 'yes,yes,yes\nyes,,yes\n');
      const [text, json] = await Promise.all([
        etalon(['stats', 'alpha', '--level', 'nominal', same]),
        etalon(['stats', 'alpha', '--level', 'nominal', '--format', 'json', same]),
      ]);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n')[0]).toBe(
        "same.csv: Krippendorff's alpha (nominal): undefined — every pairable value is yes; data without variation cannot show agreement beyond chance",
      );
      expect(JSON.parse(json.stdout)).toMatchObject({ alpha: null, verdict: null, no_variation: true });
    },
  );

  it('observers who disagree get "sharpen the guidance"', { timeout: CLI_TIMEOUT }, async () => {
    const file = write('disagree.csv', 'yes,no,yes,no\nno,yes,yes,no\n');
    const run = await etalon(['stats', 'alpha', '--level', 'nominal', file]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /= -?0\.\d{3}: observers disagree \(alpha < 0\.667\): sharpen the guidance$/,
    );
  });

  it(
    'a broken matrix: exit 2, nothing on stdout, every bad cell by line and column',
    { timeout: CLI_TIMEOUT },
    async () => {
      const broken = write('broken.csv', 'who,a,b,c\n\nX,1,two,3\nY,1,2,\nZ,,2,-1\n');
      const run = await etalon(['stats', 'alpha', '--level', 'ratio', '--header', '--names', broken]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        'etalon: broken.csv gives no alpha:\n' +
          '  broken.csv:3, column 3 (observer "X", unit "b"): "two" is not a number (the ratio level needs numbers)\n' +
          '  broken.csv:5, column 4 (observer "Z", unit "c"): -1 is negative (a ratio scale starts at an absolute zero)\n',
      );
    },
  );

  it(
    'rows of different lengths and repeated observers: exit 2, the lines named',
    { timeout: CLI_TIMEOUT },
    async () => {
      const ragged = write('ragged.csv', 'X,1,2,3\nY,1,2\nX,1,2,3\n');
      const run = await etalon(['stats', 'alpha', '--level', 'nominal', '--names', ragged]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        'etalon: ragged.csv is not a reliability matrix:\n' +
          '  ragged.csv:2: 3 cell(s) where line 1 has 4: every row needs one cell per unit (leave a missing judgement empty)\n' +
          '  ragged.csv:3: column 1: observer "X" already has a row on line 1\n',
      );
    },
  );

  it('no unit judged twice: exit 2 with the reason', { timeout: CLI_TIMEOUT }, async () => {
    const lonely = write('lonely.csv', '1,,\n,2,\n');
    const run = await etalon(['stats', 'alpha', '--level', 'interval', lonely]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(
      'lonely.csv: no unit was judged by two or more observers, so no judgements can be compared',
    );
  });

  it('an undeclared header row: the errors end with a hint', { timeout: CLI_TIMEOUT }, async () => {
    const run = await etalon(['stats', 'alpha', '--level', 'interval', PAPER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'paper.csv:1, column 2: "u1" is not a number (the interval level needs numbers)',
    );
    expect(run.stderr.split('\n')).toHaveLength(1 + 17 + 2 + 1);
    expect(run.stderr).toContain('  hint: if the first row names the units, give --header\n');
    expect(run.stderr).toContain('  hint: if the first column names the observers, give --names\n');
  });

  it('at most 20 problems are listed, the rest counted', { timeout: CLI_TIMEOUT }, async () => {
    const many = write('many.csv', `${'x,'.repeat(12)}x\n${'x,'.repeat(12)}x\n`);
    const run = await etalon(['stats', 'alpha', '--level', 'interval', many]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('  … and 6 more problem(s)');
  });

  it(
    'semicolons, an unclosed quote, a missing file, a missing --level: exit 2',
    { timeout: CLI_TIMEOUT },
    async () => {
      const semicolons = write('semi.csv', '1;2;3\n1;2;3\n');
      const quote = write('quote.csv', '1,2\n1,"2\n');
      const [semi, unclosed, missing, noLevel, orderOnNominal] = await Promise.all([
        etalon(['stats', 'alpha', '--level', 'nominal', semicolons]),
        etalon(['stats', 'alpha', '--level', 'nominal', quote]),
        etalon(['stats', 'alpha', '--level', 'nominal', join(dir, 'nope.csv')]),
        etalon(['stats', 'alpha', PAPER]),
        etalon(['stats', 'alpha', '--level', 'nominal', '--order', 'a,b', PAPER]),
      ]);
      for (const run of [semi, unclosed, missing, noLevel, orderOnNominal])
        expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(semi.stderr).toContain('semi.csv:1: the columns are separated by semicolons');
      expect(unclosed.stderr).toContain('quote.csv:2: not a readable CSV');
      expect(missing.stderr).toContain('nope.csv: ENOENT');
      expect(noLevel.stderr).toContain("required option '--level <level>' not specified");
      expect(orderOnNominal.stderr).toContain('--order applies to --level ordinal only');
    },
  );
});
