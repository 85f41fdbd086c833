import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runEtalon, runEtalonOn } from '../../../test/run-etalon';
import { describeEachDb } from '../../../test/test-database';
import { expectSameResults, STANDARDS_YAML, writeSettledCsv } from './monitoring-cli.fixture';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;

const dir = mkdtempSync(join(tmpdir(), 'etalon-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const standards = join(dir, 'standards.yaml');
const csv = join(dir, 'records.csv');
let count = 0;
beforeAll(async () => {
  writeFileSync(standards, STANDARDS_YAML);
  count = await writeSettledCsv(csv, 3000);
});

const evaluate = (asOf: string, by: 'unit' | 'employee') =>
  runEtalon([
    'evaluate',
    '--standards',
    standards,
    '--interactions',
    csv,
    '--as-of',
    asOf,
    '--by',
    by,
    '--format',
    'json',
  ]);

describeEachDb('etalon report', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);

  it(
    'after a back-dated catalog and an import: the same rows as etalon evaluate, by unit and by employee',
    { timeout: CLI_TIMEOUT * 2 },
    async () => {
      const applied = await etalon([
        'standards',
        'apply',
        '-f',
        standards,
        '--publish',
        '--effective-from',
        '2025-12-31',
      ]);
      expect(applied.code).toBe(0);
      const imported = await etalon(['import', csv]);
      expect(imported.stderr).toContain(`${count} record(s) in`);
      expect(imported.stderr).toContain(`${count} created, 0 updated, 0 unchanged, 0 rejected`);
      expect(imported.code).toBe(0);
      for (const by of ['unit', 'employee'] as const) {
        // From December: the first hours of 1 January (UTC) are 31 December at the New York desk (CHAT-01).
        const report = await etalon([
          'report',
          '--from',
          '2025-12-01',
          '--to',
          '2026-12-31',
          '--by',
          by,
          '--format',
          'json',
        ]);
        expect(report.stderr).toBe('');
        expect(report.code).toBe(0);
        const asOf = (JSON.parse(report.stdout) as { as_of: string }).as_of;
        const evaluated = await evaluate(asOf, by);
        expect(evaluated.code).toBe(0);
        expectSameResults(report.stdout, evaluated.stdout);
      }
    },
  );

  it(
    'standards apply --publish back-dated: the records imported earlier are re-judged before it returns',
    { timeout: CLI_TIMEOUT * 3 },
    async () => {
      // TEL-01 stricter from the same day: at most 2 rings instead of 3.
      const stricter = join(dir, `stricter-${database().dialect}.yaml`);
      writeFileSync(stricter, STANDARDS_YAML.replace('field: rings, max: 3}', 'field: rings, max: 2}'));
      const applied = await etalon([
        'standards',
        'apply',
        '-f',
        stricter,
        '--publish',
        '--effective-from',
        '2025-12-31',
      ]);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain('~ standard TEL-01 (v1 → v2): measure.max 3 → 2');
      expect(applied.stderr).toMatch(
        /^etalon: re-judging stored records \(1 job\(s\)\)…\netalon: re-judged \(1 job\(s\), [\d.]+ s\)\n$/,
      );
      const report = await etalon([
        'report',
        '--from',
        '2025-12-01',
        '--to',
        '2026-12-31',
        '--format',
        'json',
      ]);
      expect(report.code).toBe(0);
      const asOf = (JSON.parse(report.stdout) as { as_of: string }).as_of;
      const evaluated = await runEtalon([
        'evaluate',
        '--standards',
        stricter,
        '--interactions',
        csv,
        '--as-of',
        asOf,
        '--format',
        'json',
      ]);
      expectSameResults(report.stdout, evaluated.stdout);
      // The stricter rule did change verdicts: the old catalog gives other rows.
      const before = await evaluate(asOf, 'unit');
      expect(before.stdout).not.toBe(evaluated.stdout);
    },
  );

  it(
    'filters: a standard, a unit subtree, another period; table and csv',
    { timeout: CLI_TIMEOUT * 3 },
    async () => {
      const run = await etalon([
        'report',
        '--from',
        '2026-03-01',
        '--to',
        '2026-03-31',
        '--standard',
        'TEL-01,VIS-01',
        '--unit',
        'SALES',
        '--period',
        'quarter',
        '--format',
        'json',
      ]);
      expect(run.code).toBe(0);
      const rows = (
        JSON.parse(run.stdout) as { results: Array<{ standard: string; unit: string; period: string }> }
      ).results;
      // VIS-01 binds HR and IT only; SALES and US are below SALES.
      expect(new Set(rows.map((r) => `${r.standard} ${r.unit} ${r.period}`))).toEqual(
        new Set(['TEL-01 SALES 2026-Q1', 'TEL-01 US 2026-Q1']),
      );
      const csvRun = await etalon([
        'report',
        '--from',
        '2026-03-01',
        '--to',
        '2026-03-31',
        '--standard',
        'TEL-01',
        '--format',
        'csv',
      ]);
      expect(csvRun.code).toBe(0);
      expect(csvRun.stdout.split('\n')[0]).toBe(
        'standard,unit,period,pass,fail,na,pending,compliance,target,met',
      );
      expect(csvRun.stdout.split('\n')[1]).toMatch(/^TEL-01,HR,2026-03,\d+,\d+,\d+,0,/);
      const table = await etalon([
        'report',
        '--from',
        '2026-03-01',
        '--to',
        '2026-03-31',
        '--standard',
        'TEL-01',
      ]);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(
        /^standard\s+unit\s+period\s+pass\s+fail\s+na\s+pending\s+compliance\s+target\s+met\n/,
      );
      expect(table.stdout).toMatch(/\n4 results, \d below target \(as of /);
    },
  );

  it('bad dates: exit 2 naming the field; nothing else printed', { timeout: CLI_TIMEOUT * 3 }, async () => {
    const bad = await etalon(['report', '--from', '2026-02-30', '--to', '2026-03-31']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('  from: must be a date like 2026-03-31');
    const reversed = await etalon(['report', '--from', '2026-04-01', '--to', '2026-03-31']);
    expect(reversed).toMatchObject({ code: 2, stdout: '' });
    expect(reversed.stderr).toContain('  to: must not be before from (2026-04-01)');
    const missing = await etalon(['report', '--from', '2026-04-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--to <day>' not specified");
  });
});
