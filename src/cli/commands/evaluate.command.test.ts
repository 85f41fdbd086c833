import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEtalon } from '../../../test/run-etalon';
import {
  BY_UNIT,
  RECORDS,
  row,
  STANDARDS,
  toCsv,
  toNdjson,
  type Row,
} from '../../../test/evaluation-fixtures';
import { scratchDir } from '../../../test/scratch-dir';

const { dir, write } = scratchDir('etalon-evaluate-');

const etalon = (args: string[]) => runEtalon(['evaluate', ...args]);

const withEmployee = (employee: string | null, r: Row): Row => ({
  standard: r.standard,
  unit: r.unit,
  employee,
  ...Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'standard' && k !== 'unit')),
});

/** By employee: the by-unit rows split; records without an employee under null, after the named. */
const BY_EMPLOYEE: Row[] = [
  withEmployee(null, row('CHAT-01', 'HR', '2026-03-03', [1, 0, 0, 0], 1, 0.9, true)),
  withEmployee(null, row('CHAT-01', 'IT', '2026-03-06', [1, 1, 0, 0], 0.5, 0.9, false)),
  withEmployee('E1', row('GRT-01', 'HR', '2026-03', [1, 1, 0, 0], 0.5, 0.5, true)),
  withEmployee('E1', row('GRT-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.5, true)),
  withEmployee(null, row('GRT-01', 'HR', '2026-03', [0, 0, 2, 0], null, 0.5, null)),
  withEmployee('E2', row('GRT-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.5, true)),
  withEmployee(null, row('GRT-01', 'IT', '2026-03', [0, 0, 1, 0], null, 0.5, null)),
  withEmployee('E1', row('MAIL-01', 'HR', '2026-W10', [0, 1, 0, 0], 0, 0.5, false)),
  withEmployee('E2', row('MAIL-01', 'HR-PAY', '2026-W11', [0, 1, 0, 0], 0, 0.5, false)),
  withEmployee(null, row('MAIL-01', 'IT', '2026-W10', [3, 0, 0, 0], 1, 0.5, true)),
  withEmployee(null, row('MAIL-01', 'IT', '2026-W11', [0, 0, 0, 1], null, 0.5, null)),
  withEmployee(null, row('MAIL-01', 'ORG', '2026-W10', [1, 0, 0, 0], 1, 0.5, true)),
  withEmployee('E1', row('TEL-01', 'HR', '2026-03', [1, 1, 0, 0], 0.5, 0.8, false)),
  withEmployee('E1', row('TEL-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.8, true)),
  withEmployee(null, row('TEL-01', 'HR', '2026-03', [0, 1, 1, 0], 0, 0.8, false)),
  withEmployee('E2', row('TEL-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.8, true)),
  withEmployee(null, row('TPL-01', 'IT', '2026-03', [1, 2, 1, 0], 1 / 3, 1, false)),
];

const standards = write('standards.yaml', STANDARDS);
const csv = write('records.csv', toCsv(RECORDS));
const ndjson = write('records.ndjson', toNdjson(RECORDS));
const AS_OF = '2026-03-10T12:00:00+03:00';
const AS_OF_UTC = '2026-03-10T09:00:00.000Z';
const base = ['--standards', standards, '--as-of', AS_OF];

describe.concurrent('etalon evaluate', { timeout: 60_000 }, () => {
  it('json by unit from CSV: the exact results; --verdicts: one line per record × standard', async () => {
    const verdicts = join(dir, 'verdicts.ndjson');
    const run = await etalon([...base, '--interactions', csv, '--format', 'json', '--verdicts', verdicts]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify({ as_of: AS_OF_UTC, results: BY_UNIT }, null, 2)}\n`);
    const lines = readFileSync(verdicts, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // 6 phone calls in HR or below × 2 standards, p6 × 1, 6 e-mails (IT × 2), a letter, 3 chats.
    expect(lines).toHaveLength(27);
    expect(lines.find((l) => l.record === 'e1')).toEqual({
      record: 'e1',
      standard: 'MAIL-01',
      unit: 'HR',
      employee: 'E1',
      period: '2026-W10',
      verdict: 'fail',
      reason: '4 h 01 min of business time: Fri 16:00–16:45, Mon 09:00–12:16 — more than 4h',
    });
    expect(lines.find((l) => l.record === 'p2' && l.standard === 'TEL-01')).toMatchObject({
      verdict: 'fail',
      reason: 'answered after 5 rings (21.3 s at 5 s a ring) — more than 3',
    });
    const verdictsOf = (record: string) => lines.filter((l) => l.record === record).map((l) => l.verdict);
    expect(verdictsOf('e4')).toEqual(['pending', 'na']);
    expect(verdictsOf('e5')).toEqual(['fail']);
    for (const l of lines) expect(typeof l.reason === 'string' && l.reason.length > 0).toBe(true);
  });

  it('json by employee from NDJSON: the same records, split by employee (null without one)', async () => {
    const run = await etalon([...base, '--interactions', ndjson, '--format', 'json', '--by', 'employee']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify({ as_of: AS_OF_UTC, results: BY_EMPLOYEE }, null, 2)}\n`);
  });

  it('table: aligned columns under the header, missed targets marked, no colour when piped', async () => {
    const run = await etalon([...base, '--interactions', csv, '--format', 'table']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b[');
    const [header, ...rest] = run.stdout.trimEnd().split('\n');
    expect(header!.split(/\s+/)).toEqual([
      'standard',
      'unit',
      'period',
      'pass',
      'fail',
      'na',
      'pending',
      'compliance',
      'target',
      'met',
    ]);
    const body = rest.slice(0, BY_UNIT.length);
    expect(body.map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual(
      BY_UNIT.map((r) => [r.standard, r.unit, r.period]),
    );
    for (const line of body) {
      // Left-aligned text columns start under their heading; numbers end under theirs.
      expect(line.indexOf('2026-')).toBe(header!.indexOf('period'));
      expect(line.slice(header!.indexOf('unit')).startsWith(' ')).toBe(false);
      const compliance = header!.indexOf('compliance') + 'compliance'.length;
      expect(line.slice(compliance - 1, compliance)).toMatch(/[%—]/);
    }
    const tel = body.find((l) => l.startsWith('TEL-01') && l.includes('2026-03') && !l.includes('HR-PAY'))!;
    expect(tel.split(/\s{2,}/)).toEqual([
      'TEL-01',
      'HR',
      '2026-03',
      '1',
      '2',
      '1',
      '0',
      '33.3 %',
      '80.0 %',
      '✗ missed',
    ]);
    expect(body.filter((l) => l.includes('✗'))).toHaveLength(5);
    expect(body.filter((l) => l.endsWith('✓'))).toHaveLength(8);
    expect(run.stdout).toContain(`15 results, 5 below target (as of ${AS_OF_UTC})`);
  });

  it('csv: a header row, then one row per result; a later as-of turns the pending e-mail into a breach', async () => {
    const run = await etalon([
      '--standards',
      standards,
      '--interactions',
      csv,
      '--format',
      'csv',
      '--as-of',
      '2026-03-10T14:00:01+03:00',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('standard,unit,period,pass,fail,na,pending,compliance,target,met');
    expect(lines).toHaveLength(BY_UNIT.length + 1);
    expect(lines).toContain('TEL-01,HR,2026-03,1,2,1,0,0.3333333333333333,0.8,false');
    expect(lines).toContain('GRT-01,IT,2026-03,0,0,1,0,,0.5,');
    // e4: 4 h by 13:00, lunch, then one second more.
    expect(lines).toContain('MAIL-01,IT,2026-W11,0,1,0,0,0,0.5,false');
    expect(lines).not.toContain('MAIL-01,IT,2026-W11,0,0,0,1,,0.5,');
  });

  it('a bad record: exit 2, nothing on stdout, file:line (id) and field on stderr, no verdicts file', async () => {
    const bad = write(
      'bad.csv',
      toCsv([
        RECORDS[0]!,
        RECORDS[1]!,
        { ...RECORDS[2]!, answered_at: '2026-03-03T13:59:00+03:00' },
        ...RECORDS.slice(3),
      ]),
    );
    const verdicts = join(dir, 'bad-verdicts.ndjson');
    const run = await etalon([...base, '--interactions', bad, '--format', 'json', '--verdicts', verdicts]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bad.csv:4 (id p3) answered_at: is before started_at');
    expect(existsSync(verdicts)).toBe(false);
    expect(existsSync(`${verdicts}.partial`)).toBe(false);
  });

  it('a bad standards file: exit 2, nothing on stdout, the standard named', async () => {
    const bad = write('bad-standards.yaml', STANDARDS.replace('units: [IT]', 'units: [ITX]'));
    const run = await etalon([
      '--standards',
      bad,
      '--interactions',
      csv,
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad-standards\.yaml:\d+: standard TPL-01: unknown unit "ITX"/);
  });

  it('a CSV quote that is never closed: exit 2 (bad input), nothing on stdout, the line named', async () => {
    const broken = write(
      'broken.csv',
      `${toCsv(RECORDS.slice(0, 2))}p9,phone,HR,2026-03-02T09:00:00Z,,,,,"oops\n`,
    );
    const run = await etalon([...base, '--interactions', broken, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('broken.csv:4');
    expect(run.stderr).toContain('never closed');
  });

  it('--as-of without an offset: exit 2, nothing on stdout', async () => {
    const run = await etalon([
      '--standards',
      standards,
      '--interactions',
      csv,
      '--as-of',
      '2026-03-10T12:00:00',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('as_of');
    expect(run.stderr).toContain('2026-03-10T12:00:00');
  });

  it('--skip-invalid: the valid records are evaluated, each rejected one reported with line and field', async () => {
    const mixed = write(
      'mixed.ndjson',
      toNdjson([
        RECORDS[0]!,
        { ...RECORDS[1]!, channel: 'fax' },
        { ...RECORDS[3]!, started_at: '2026-03-03T15:00:00' },
        { ...RECORDS[4]!, rings: 'many' },
      ]),
    );
    const run = await etalon([...base, '--interactions', mixed, '--format', 'json', '--skip-invalid']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { as_of: string; results: Row[] };
    expect(out).toEqual({
      as_of: AS_OF_UTC,
      results: [
        row('GRT-01', 'HR', '2026-03', [1, 0, 0, 0], 1, 0.5, true),
        row('TEL-01', 'HR', '2026-03', [1, 0, 0, 0], 1, 0.8, true),
      ],
    });
    expect(run.stderr).toContain('mixed.ndjson:2 (id p2) channel: unknown channel "fax"');
    expect(run.stderr).toContain('mixed.ndjson:3 (id p4) started_at: ');
    expect(run.stderr).toContain('mixed.ndjson:4 (id p5) rings: "many" is not a number');
    expect(run.stderr).toContain('3 record(s) rejected, 1 evaluated');
  });
});
