import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BY_UNIT, RECORDS, row, STANDARDS, toCsv, toNdjson } from '../../../test/evaluation-fixtures';
import { ValidationError } from '../../core';
import { evaluateFiles, type EvaluateFilesOptions } from './evaluate-files';

const dir = mkdtempSync(join(tmpdir(), 'etalon-evaluate-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function write(name: string, text: string) {
  counter += 1;
  const path = join(dir, `${counter}-${name}`);
  writeFileSync(path, text);
  return path;
}

/** Two calendars (a short Friday in Moscow; a holiday in Yekaterinburg), ORG ← HR ← HR-PAY and IT. */
const AS_OF = Date.parse('2026-03-10T12:00:00+03:00');
const standardsPath = write('standards.yaml', STANDARDS);
const csvPath = write('records.csv', toCsv(RECORDS));
const ndjsonPath = write('records.ndjson', toNdjson(RECORDS));

const options = (o: Partial<EvaluateFilesOptions>): EvaluateFilesOptions => ({
  standardsPath,
  interactionsPath: csvPath,
  asOfMs: AS_OF,
  by: 'unit',
  skipInvalid: false,
  ...o,
});

/** The error a run fails with (a failing promise is the point of these tests). */
async function failure(o: Partial<EvaluateFilesOptions>): Promise<ValidationError> {
  const error: unknown = await evaluateFiles(options(o)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}
const messages = (e: ValidationError) => e.issues.map((i) => i.message).join('\n');

describe('evaluateFiles on hand-checked records', () => {
  it('rolls up by unit exactly as worked out by hand', async () => {
    const report = await evaluateFiles(options({}));
    expect(report.rows).toEqual(BY_UNIT);
    expect(report.records).toBe(RECORDS.length);
    expect(report.rejected).toEqual([]);
  });

  it('NDJSON gives the same results as CSV, by unit and by employee', async () => {
    const [csv, ndjson] = await Promise.all([
      evaluateFiles(options({})),
      evaluateFiles(options({ interactionsPath: ndjsonPath })),
    ]);
    expect(ndjson.rows).toEqual(csv.rows);
    const [csvE, ndjsonE] = await Promise.all([
      evaluateFiles(options({ by: 'employee' })),
      evaluateFiles(options({ by: 'employee', interactionsPath: ndjsonPath })),
    ]);
    expect(ndjsonE.rows).toEqual(csvE.rows);
    expect(csvE.rows.every((r) => 'employee' in r)).toBe(true);
  });

  it('by employee: records without one roll up under null, after the named ones', async () => {
    const { rows } = await evaluateFiles(options({ by: 'employee' }));
    const tel = rows.filter((r) => r.standard === 'TEL-01');
    expect(tel).toEqual([
      { ...row('TEL-01', 'HR', '2026-03', [1, 1, 0, 0], 0.5, 0.8, false), employee: 'E1' },
      { ...row('TEL-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.8, true), employee: 'E1' },
      { ...row('TEL-01', 'HR', '2026-03', [0, 1, 1, 0], 0, 0.8, false), employee: null },
      { ...row('TEL-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.8, true), employee: 'E2' },
    ]);
    expect(tel.map((r) => Object.keys(r))[0]).toEqual([
      'standard',
      'unit',
      'employee',
      'period',
      'pass',
      'fail',
      'na',
      'pending',
      'compliance',
      'target',
      'met',
    ]);
  });

  it('writes one verdict per record × applicable standard, with readable reasons', async () => {
    const out = join(dir, 'verdicts.ndjson');
    await evaluateFiles(options({ verdictsPath: out }));
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(27);
    expect(lines.map((l) => `${l.record as string}/${l.standard as string}`).slice(0, 5)).toEqual([
      'p1/TEL-01',
      'p1/GRT-01',
      'p2/TEL-01',
      'p2/GRT-01',
      'p3/TEL-01',
    ]);
    const find = (record: string, standard: string) =>
      lines.find((l) => l.record === record && l.standard === standard);
    expect(find('e1', 'MAIL-01')).toEqual({
      record: 'e1',
      standard: 'MAIL-01',
      unit: 'HR',
      employee: 'E1',
      period: '2026-W10',
      verdict: 'fail',
      reason: '4 h 01 min of business time: Fri 16:00–16:45, Mon 09:00–12:16 — more than 4h',
    });
    expect(find('p2', 'TEL-01')).toMatchObject({
      verdict: 'fail',
      reason: 'answered after 5 rings (21.3 s at 5 s a ring) — more than 3',
    });
    expect(find('p6', 'TEL-01')).toBeUndefined();
    expect(find('p6', 'GRT-01')).toMatchObject({ verdict: 'na', employee: null });
    expect(find('p2', 'GRT-01')).toMatchObject({ verdict: 'fail' });
    expect(find('p2', 'GRT-01')!.reason).toContain('добрый день');
    expect(find('p3', 'GRT-01')).toMatchObject({ verdict: 'pass' });
    expect(find('e3', 'MAIL-01')).toMatchObject({ verdict: 'pass' });
    expect(find('e3', 'TPL-01')).toMatchObject({ verdict: 'fail' });
    expect(find('e4', 'MAIL-01')).toMatchObject({ verdict: 'pending', period: '2026-W11' });
    expect(find('e5', 'MAIL-01')).toMatchObject({ verdict: 'fail' });
    expect(find('e5', 'MAIL-01')!.reason).toMatch(/^no reply yet; 11 h 00 min of business time/);
    expect(find('c1', 'CHAT-01')).toMatchObject({ verdict: 'pass', period: '2026-03-06' });
    expect(find('c1', 'CHAT-01')!.reason).toContain(
      '45 min of business time: Fri 19:45–20:00, Tue 08:00–08:30',
    );
    expect(find('c3', 'CHAT-01')).toMatchObject({ verdict: 'pass', period: '2026-03-03' });
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});

describe('evaluateFiles: as-of decides pending vs breached', () => {
  const mail = write(
    'mail.ndjson',
    toNdjson([{ id: 'm1', channel: 'email', unit: 'HR', started_at: '2026-03-02T09:00:00+03:00' }]),
  );
  it.each([
    ['2026-03-02T13:00:00+03:00', 'pending'], // exactly 4 h of business time
    ['2026-03-02T14:00:00+03:00', 'pending'], // lunch adds nothing
    ['2026-03-02T14:00:01+03:00', 'fail'], // one second over
  ])('as of %s → %s', async (asOf, verdict) => {
    const { rows } = await evaluateFiles(options({ interactionsPath: mail, asOfMs: Date.parse(asOf) }));
    expect(rows).toEqual([
      row(
        'MAIL-01',
        'HR',
        '2026-W10',
        verdict === 'fail' ? [0, 1, 0, 0] : [0, 0, 0, 1],
        verdict === 'fail' ? 0 : null,
        0.5,
        verdict === 'fail' ? false : null,
      ),
    ]);
  });
});

describe('evaluateFiles: bad records stop the run, naming file, line, id and field', () => {
  const header = 'id,channel,unit,started_at,answered_at,rings\n';
  const good = 'ok1,phone,HR,2026-03-02T09:00:00+03:00,2026-03-02T09:00:05+03:00,1\n';
  it.each([
    [
      'a timestamp without an offset',
      'x1,phone,HR,2026-03-02T09:00:00,,\n',
      ':3 (id x1) started_at: ',
      'no offset',
    ],
    [
      'answered_at before started_at',
      'x2,phone,HR,2026-03-02T09:00:00+03:00,2026-03-02T08:59:59+03:00,\n',
      ':3 (id x2) answered_at: ',
      'before started_at',
    ],
    [
      'an unknown channel',
      'x3,fax,HR,2026-03-02T09:00:00+03:00,,\n',
      ':3 (id x3) channel: ',
      'unknown channel "fax"',
    ],
    ['a missing id', ',phone,HR,2026-03-02T09:00:00+03:00,,\n', ':3 id: ', 'is required'],
    ['a duplicate id', 'ok1,phone,HR,2026-03-02T10:00:00+03:00,,\n', ':3 (id ok1) id: ', 'first on line 2'],
    [
      'a non-number for rings',
      'x6,phone,HR,2026-03-02T09:00:00+03:00,,three\n',
      ':3 (id x6) rings: ',
      '"three" is not a number',
    ],
  ])('%s', async (_what, bad, where, detail) => {
    const path = write('bad.csv', header + good + bad);
    const out = join(dir, `verdicts-${counter}.ndjson`);
    const error = await failure({ interactionsPath: path, verdictsPath: out });
    const text = messages(error);
    expect(text).toContain(`bad.csv${where}`);
    expect(text).toContain(detail);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('a non-number in a column a threshold names (NDJSON)', async () => {
    const standards = write(
      'csat.yaml',
      STANDARDS.replace(
        'standards:\n',
        'standards:\n  - {code: CSAT-01, title: Satisfied, kind: intangible, category: behaviour, measure: {type: threshold, field: csat, min: 4}, target: 0.8, period: month}\n',
      ),
    );
    const path = write(
      'csat.ndjson',
      toNdjson([
        { id: 'k1', channel: 'visit', unit: 'HR', started_at: '2026-03-02T09:00:00Z', csat: 5 },
        { id: 'k2', channel: 'visit', unit: 'HR', started_at: '2026-03-02T09:00:00Z', csat: 'great' },
      ]),
    );
    const error = await failure({ standardsPath: standards, interactionsPath: path });
    expect(messages(error)).toContain('csat.ndjson:2 (id k2) csat: "great" is not a number');
  });
});

describe('evaluateFiles: bad standards files name the standard', () => {
  const records = write('one.csv', 'id,channel,unit,started_at\nr1,phone,HR,2026-03-02T09:00:00+03:00\n');
  it.each([
    [
      'an unknown measure type',
      ['{type: threshold, field: rings, max: 3}', '{type: stopwatch, max: 3}'],
      'standard TEL-01: unknown measure type "stopwatch"',
    ],
    ['a duplicate code', ['code: GRT-01', 'code: TEL-01'], 'duplicate standard code "TEL-01"'],
    [
      'an interval that ends before it starts',
      ['fri: ["09:00-13:00", "14:00-16:45"]', 'fri: ["09:00-13:00", "16:45-14:00"]'],
      '"16:45-14:00" ends before it starts',
    ],
    [
      'an unknown calendar',
      ['calendar: office\n    measure: {type: threshold', 'calendar: night\n    measure: {type: threshold'],
      'standard TEL-01: unknown calendar "night"',
    ],
    ['an unknown unit', ['units: [IT]', 'units: [ITX]'], 'standard TPL-01: unknown unit "ITX"'],
  ] as const)('%s', async (_what, [from, to], expected) => {
    expect(STANDARDS).toContain(from);
    const path = write('bad-standards.yaml', STANDARDS.replace(from, to));
    const error = await failure({ standardsPath: path, interactionsPath: records });
    const text = messages(error);
    expect(text).toContain(expected);
    expect(text).toMatch(/bad-standards\.yaml:\d+: /);
  });
});

describe('evaluateFiles: observed standards (rating, checklist) are for audits', () => {
  it('evaluates a file that has them and reports no rows or verdicts for them', async () => {
    const observed = `${STANDARDS}  - code: SMILE-01
    title: {ru: Улыбка, en: Smile}
    kind: intangible
    category: behaviour
    channels: [visit, phone]
    measure: {type: rating, scale: 1-5, pass_min: 4}
    target: 0.9
    period: month
  - code: DESK-01
    title: A tidy workplace
    kind: intangible
    category: environment
    measure: {type: checklist, critical: true}
    target: 1
    period: quarter
`;
    const out = join(dir, 'observed-verdicts.ndjson');
    const report = await evaluateFiles(
      options({ standardsPath: write('observed.yaml', observed), verdictsPath: out }),
    );
    expect(report.rows).toEqual(BY_UNIT);
    const standards = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { standard: string }).standard);
    expect(standards).toHaveLength(27);
    expect(new Set(standards)).toEqual(new Set(['TEL-01', 'GRT-01', 'MAIL-01', 'TPL-01', 'CHAT-01']));
  });
});

describe('evaluateFiles --skip-invalid', () => {
  it('evaluates the valid records and returns each rejected one with its line and field', async () => {
    const path = write(
      'mixed.csv',
      'id,channel,unit,started_at,answered_at,rings\n' +
        'ok1,phone,HR,2026-03-02T09:00:00+03:00,2026-03-02T09:00:05+03:00,1\n' +
        'x1,fax,HR,2026-03-02T09:00:00+03:00,,\n' +
        'ok2,phone,HR,2026-03-02T09:10:00+03:00,2026-03-02T09:10:30+03:00,\n' +
        'x2,phone,HR,2026-03-02T09:00:00,,\n',
    );
    const report = await evaluateFiles(options({ interactionsPath: path, skipInvalid: true }));
    expect(report.records).toBe(2);
    expect(report.rejected).toEqual([
      {
        line: 3,
        id: 'x1',
        problems: [{ field: 'channel', message: expect.stringContaining('fax') as string }],
      },
      {
        line: 5,
        id: 'x2',
        problems: [{ field: 'started_at', message: expect.stringContaining('no offset') as string }],
      },
    ]);
    expect(report.rows.find((r) => r.standard === 'TEL-01')).toEqual(
      row('TEL-01', 'HR', '2026-03', [1, 1, 0, 0], 0.5, 0.8, false),
    );
  });
});

describe('evaluateFiles: codes the standards file does not know', () => {
  it('rejects a record of an unknown unit or employee, naming line and field', async () => {
    const path = write(
      'unknown-codes.csv',
      'id,channel,unit,employee,started_at\n' +
        'u1,phone,NOPE,,2026-03-02T09:00:00+03:00\n' +
        'u2,phone,HR,E99,2026-03-02T09:00:00+03:00\n',
    );
    const report = await evaluateFiles(options({ interactionsPath: path, skipInvalid: true }));
    expect(report.records).toBe(0);
    expect(report.rejected).toEqual([
      { line: 2, id: 'u1', problems: [{ field: 'unit', message: 'unknown unit "NOPE"' }] },
      { line: 3, id: 'u2', problems: [{ field: 'employee', message: 'unknown employee "E99"' }] },
    ]);
  });
});

describe('evaluateFiles --verdicts to a place that cannot be written', () => {
  it('fails as bad input naming the file, instead of crashing on the stream', async () => {
    const out = join(dir, 'no-such-dir', 'verdicts.ndjson');
    const error: unknown = await evaluateFiles(options({ verdictsPath: out })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'not_found' });
    expect((error as Error).message).toContain(out);
    expect(existsSync(out)).toBe(false);
  });
});
