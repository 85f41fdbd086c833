import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'etalon-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function etalon(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/etalon.mjs', 'evaluate', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STANDARDS = `version: etalon/v1
calendars:
  - id: office
    timezone: Europe/Moscow
    week:
      mon: ["09:00-13:00", "14:00-18:00"]
      tue: ["09:00-13:00", "14:00-18:00"]
      wed: ["09:00-13:00", "14:00-18:00"]
      thu: ["09:00-13:00", "14:00-18:00"]
      fri: ["09:00-13:00", "14:00-16:45"]
  - id: desk
    timezone: Asia/Yekaterinburg
    week:
      mon: ["08:00-20:00"]
      tue: ["08:00-20:00"]
      wed: ["08:00-20:00"]
      thu: ["08:00-20:00"]
      fri: ["08:00-20:00"]
    holidays: ["2026-03-09"]
    ring_seconds: 4
units:
  - {code: ORG, name: {ru: компания, en: company}}
  - {code: HR, name: {ru: отдел кадров, en: HR department}, parent: ORG}
  - {code: HR-PAY, name: {ru: расчётный отдел, en: payroll}, parent: HR}
  - {code: IT, name: {ru: ИТ, en: IT}, parent: ORG}
employees:
  - {code: E1, name: {ru: Джоан, en: Joan}, unit: HR}
  - {code: E2, name: {ru: Пётр, en: Peter}, unit: HR-PAY}
standards:
  - code: TEL-01
    title: Answer the phone by the third ring
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [HR]
    calendar: office
    measure: {type: threshold, field: rings, max: 3}
    target: 0.8
    period: month
  - code: GRT-01
    title: {ru: Стандартное приветствие, en: Standard greeting}
    kind: intangible
    category: greeting
    channels: [phone]
    calendar: desk
    measure:
      type: script
      require: [time_greeting, unit, employee]
      greetings:
        - {from: "05:00", say: ["доброе утро", "good morning"]}
        - {from: "12:00", say: ["добрый день", "good afternoon"]}
        - {from: "18:00", say: ["добрый вечер", "good evening"]}
    target: 0.5
    period: month
  - code: MAIL-01
    title: Reply to written requests within 4 business hours
    kind: tangible
    category: written
    channels: [email, letter]
    calendar: office
    measure: {type: response_time, within: 4h}
    target: 0.5
    period: week
  - code: TPL-01
    title: Replies use an approved template
    kind: tangible
    category: written
    channels: [email]
    units: [IT]
    measure: {type: template, allowed: [T-STD-1, T-STD-2]}
    target: 1
    period: month
  - code: CHAT-01
    title: Answer a chat within an hour of desk time
    kind: tangible
    category: responsiveness
    channels: [chat]
    calendar: desk
    measure: {type: response_time, within: 1h}
    target: 0.9
    period: day
`;

type Rec = Record<string, string | number>;
const RECORDS: Rec[] = [
  // p1 11:15 in Yekaterinburg: morning; 12 s → 3 rings.
  {
    id: 'p1',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-02T09:15:00+03:00',
    answered_at: '2026-03-02T09:15:12+03:00',
    greeting: 'Доброе утро! Отдел кадров, Джоан слушает.',
  },
  // p2 12:30 in Yekaterinburg: a morning greeting is wrong; 21.3 s → 5 rings.
  {
    id: 'p2',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-02T10:30:00+03:00',
    answered_at: '2026-03-02T10:30:21.300+03:00',
    greeting: 'Доброе утро, отдел кадров, Джоан',
  },
  // p3 under HR; rings given; ё in the text and in the names.
  {
    id: 'p3',
    channel: 'phone',
    unit: 'HR-PAY',
    employee: 'E2',
    started_at: '2026-03-03T14:00:00+03:00',
    answered_at: '2026-03-03T14:00:30+03:00',
    rings: 2,
    greeting: 'Добрый день. Расчётный отдел, Пётр.',
  },
  // p4 abandoned after 10 s (≤ 3 × 5 s) → na; no greeting → na.
  {
    id: 'p4',
    channel: 'phone',
    unit: 'HR',
    started_at: '2026-03-03T15:00:00+03:00',
    ended_at: '2026-03-03T15:00:10+03:00',
  },
  // p5 abandoned after 40 s → fail.
  {
    id: 'p5',
    channel: 'phone',
    unit: 'HR',
    started_at: '2026-03-04T11:00:00+03:00',
    ended_at: '2026-03-04T11:00:40+03:00',
  },
  // p6 IT: TEL-01 does not apply; no employee → the script cannot be judged.
  {
    id: 'p6',
    channel: 'phone',
    unit: 'IT',
    started_at: '2026-03-04T12:00:00+03:00',
    answered_at: '2026-03-04T12:00:03+03:00',
    greeting: 'Good afternoon, IT',
  },
  // p7 April; English names.
  {
    id: 'p7',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-04-01T09:00:00+03:00',
    answered_at: '2026-04-01T09:00:04+03:00',
    greeting: 'Good morning, HR department, Joan speaking',
  },
  // e1 Fri 16:00 → Mon 12:16: 45 min + 3 h 16 min = 4 h 01 min.
  {
    id: 'e1',
    channel: 'email',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-06T16:00:00+03:00',
    answered_at: '2026-03-09T12:16:00+03:00',
  },
  // e2 10:00 → 13:30 (lunch): 3 h.
  {
    id: 'e2',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-02T10:00:00+03:00',
    answered_at: '2026-03-02T13:30:00+03:00',
    template: 'T-STD-1',
  },
  // e3 Mon 17:00 → Tue 12:00: exactly 4 h; template differs in case.
  {
    id: 'e3',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-02T17:00:00+03:00',
    answered_at: '2026-03-03T12:00:00+03:00',
    template: 't-std-1',
  },
  // e4 unanswered, 3 h by as-of → pending.
  { id: 'e4', channel: 'email', unit: 'IT', started_at: '2026-03-10T09:00:00+03:00' },
  // e5 unanswered, 11 h by as-of → breached.
  { id: 'e5', channel: 'email', unit: 'HR-PAY', employee: 'E2', started_at: '2026-03-09T09:00:00+03:00' },
  // e6 answered without a template.
  {
    id: 'e6',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-03T09:00:00+03:00',
    answered_at: '2026-03-03T09:30:00+03:00',
  },
  {
    id: 'l1',
    channel: 'letter',
    unit: 'ORG',
    started_at: '2026-03-05T09:00:00+03:00',
    answered_at: '2026-03-05T12:00:00+03:00',
  },
  // c1 Fri 19:45 → Tue 08:30 (Mon a holiday): 15 + 30 min.
  {
    id: 'c1',
    channel: 'chat',
    unit: 'IT',
    started_at: '2026-03-06T19:45:00+05:00',
    answered_at: '2026-03-10T08:30:00+05:00',
  },
  // c2 Fri 19:30 desk time → Tue 08:40: 30 + 40 min; started in another offset.
  {
    id: 'c2',
    channel: 'chat',
    unit: 'IT',
    started_at: '2026-03-06T17:30:00+03:00',
    answered_at: '2026-03-10T08:40:00+05:00',
  },
  // c3 Monday 23:30 Moscow is Tuesday 01:30 at the desk: day 2026-03-03; 10 min.
  {
    id: 'c3',
    channel: 'chat',
    unit: 'HR',
    started_at: '2026-03-02T23:30:00+03:00',
    answered_at: '2026-03-03T08:10:00+05:00',
  },
];

const COLUMNS = [
  'id',
  'channel',
  'unit',
  'employee',
  'started_at',
  'answered_at',
  'ended_at',
  'rings',
  'greeting',
  'template',
];
const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const toCsv = (records: Rec[]) =>
  `${COLUMNS.join(',')}\n${records.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\n')}\n`;
const toNdjson = (records: Rec[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

type Row = Record<string, unknown>;
const row = (
  standard: string,
  unit: string,
  period: string,
  [pass, fail, na, pending]: [number, number, number, number],
  compliance: number | null,
  target: number,
  met: boolean | null,
): Row => ({ standard, unit, period, pass, fail, na, pending, compliance, target, met });

/** Worked out by hand from the rules of issue 3 (see the comments on RECORDS). */
const BY_UNIT: Row[] = [
  row('CHAT-01', 'HR', '2026-03-03', [1, 0, 0, 0], 1, 0.9, true),
  row('CHAT-01', 'IT', '2026-03-06', [1, 1, 0, 0], 0.5, 0.9, false),
  row('GRT-01', 'HR', '2026-03', [1, 1, 2, 0], 0.5, 0.5, true),
  row('GRT-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.5, true),
  row('GRT-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.5, true),
  row('GRT-01', 'IT', '2026-03', [0, 0, 1, 0], null, 0.5, null),
  row('MAIL-01', 'HR', '2026-W10', [0, 1, 0, 0], 0, 0.5, false),
  row('MAIL-01', 'HR-PAY', '2026-W11', [0, 1, 0, 0], 0, 0.5, false),
  row('MAIL-01', 'IT', '2026-W10', [3, 0, 0, 0], 1, 0.5, true),
  row('MAIL-01', 'IT', '2026-W11', [0, 0, 0, 1], null, 0.5, null),
  row('MAIL-01', 'ORG', '2026-W10', [1, 0, 0, 0], 1, 0.5, true),
  row('TEL-01', 'HR', '2026-03', [1, 2, 1, 0], 1 / 3, 0.8, false),
  row('TEL-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.8, true),
  row('TEL-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.8, true),
  row('TPL-01', 'IT', '2026-03', [1, 2, 1, 0], 1 / 3, 1, false),
];

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
    expect(run.stderr).toContain('bad.csv:4 (id p3): answered_at: is before started_at');
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
    expect(run.stderr).toContain('mixed.ndjson:2 (id p2): channel: unknown channel "fax"');
    expect(run.stderr).toContain('mixed.ndjson:3 (id p4): started_at: ');
    expect(run.stderr).toContain('mixed.ndjson:4 (id p5): rings: "many" is not a number');
    expect(run.stderr).toContain('3 record(s) rejected, 1 evaluated');
  });
});
