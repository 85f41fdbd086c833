import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertAsteriskCdr,
  convertCdrRow,
  csvLine,
  localToInstant,
  readExtensionMap,
  type Extension,
} from './asterisk-cdr.converter';
import { readInteractionRecords } from './interaction-records.reader';
import { scratchDir } from '../../../test/scratch-dir';

const { dir, write } = scratchDir('etalon-cdr-');

/** Four calls as Asterisk's cdr_csv writes them (the shape of samples/asterisk-Master.csv). */
const MASTER_CSV = [
  '"","70000000001","200","from-trunk","""Caller One"" <70000000001>","SIP/trunk-00000a1f","SIP/200-00000a20","Dial","SIP/200,30,tT","2026-03-02 09:15:03","2026-03-02 09:15:12","2026-03-02 09:17:40",157,148,"ANSWERED","DOCUMENTATION","1772432103.2591",""',
  '"","70000000002","201","from-trunk",""""" <70000000002>","SIP/trunk-00000a21","","Dial","SIP/201,30,tT","2026-03-02 09:20:41","","2026-03-02 09:21:11",30,0,"NO ANSWER","DOCUMENTATION","1772432441.2593",""',
  '"","70000000003","300","from-trunk","""Caller Three"" <70000000003>","SIP/trunk-00000a22","SIP/300-00000a23","Dial","SIP/300,30,tT","2026-03-02 10:02:17","2026-03-02 10:02:35","2026-03-02 10:05:02",165,147,"ANSWERED","DOCUMENTATION","1772434937.2595",""',
  '"","70000000004","200","from-trunk",""""" <70000000004>","SIP/trunk-00000a24","","Dial","SIP/200,30,tT","2026-03-02 10:30:00","","2026-03-02 10:30:02",2,0,"BUSY","DOCUMENTATION","1772436600.2597",""',
].join('\n');

const EXTENSIONS = new Map<string, Extension>([
  ['200', { unit: 'HR', employee: 'E1' }],
  ['201', { unit: 'HR', employee: 'E2' }],
  ['300', { unit: 'SALES' }],
]);

/** A CDR row with the given local times (answer empty = unanswered). */
function cdr(dst: string, start: string, answer: string, end: string, disposition: string, uniqueid: string) {
  return [
    '',
    '100',
    dst,
    'from-trunk',
    '',
    'SIP/trunk-1',
    '',
    'Dial',
    '',
    start,
    answer,
    end,
    '0',
    '0',
    disposition,
    'DOCUMENTATION',
    uniqueid,
    '',
  ];
}

async function convert(text: string, timezone: string, extensions = EXTENSIONS) {
  let out = '';
  const warnings: string[] = [];
  const report = await convertAsteriskCdr(
    write('Master.csv', text),
    { timezone, extensions },
    (t) => void (out += t),
    (m) => warnings.push(m),
  );
  return { out, warnings, report };
}

describe('Asterisk CDR converter', () => {
  it('converts the sample calls: offsets from the zone, answered only when ANSWERED, wait = answer − start', async () => {
    const { out, warnings, report } = await convert(MASTER_CSV, 'Europe/Moscow');
    expect(out.split('\n')).toEqual([
      'id,channel,unit,employee,started_at,answered_at,ended_at,wait_seconds',
      '1772432103.2591,phone,HR,E1,2026-03-02T09:15:03+03:00,2026-03-02T09:15:12+03:00,2026-03-02T09:17:40+03:00,9',
      '1772432441.2593,phone,HR,E2,2026-03-02T09:20:41+03:00,,2026-03-02T09:21:11+03:00,',
      '1772434937.2595,phone,SALES,,2026-03-02T10:02:17+03:00,2026-03-02T10:02:35+03:00,2026-03-02T10:05:02+03:00,18',
      '1772436600.2597,phone,HR,E1,2026-03-02T10:30:00+03:00,,2026-03-02T10:30:02+03:00,',
      '',
    ]);
    expect(warnings).toEqual([]);
    expect(report).toEqual({ rows: 4, converted: 4, skipped: 0 });
    // The uniqueid is the call's epoch second: the offsets agree with it.
    expect(Date.parse('2026-03-02T09:15:03+03:00') / 1000).toBe(1772432103);
  });

  it('reports unknown extensions with their line and skips them', async () => {
    const { out, warnings, report } = await convert(
      MASTER_CSV,
      'Europe/Moscow',
      new Map([['200', { unit: 'HR' }]]),
    );
    expect(warnings).toEqual([
      'Master.csv:2: unknown extension "201" (uniqueid 1772432441.2593) — skipped',
      'Master.csv:3: unknown extension "300" (uniqueid 1772434937.2595) — skipped',
    ]);
    expect(report).toEqual({ rows: 4, converted: 2, skipped: 2 });
    expect(out.trim().split('\n')).toHaveLength(3);
  });

  it('its output is valid interaction records', async () => {
    const { out } = await convert(MASTER_CSV, 'Europe/Moscow');
    const entries = [];
    for await (const e of readInteractionRecords(write('calls.csv', out))) entries.push(e);
    expect(entries.every((e) => 'record' in e)).toBe(true);
    expect(entries[0]).toMatchObject({
      line: 2,
      record: { started_at: 1772432103000, wait_seconds: 9, employee: 'E1' },
    });
  });

  it('a call across the US spring-forward change: 01:59:50 EST, answered 03:00:05 EDT, waited 15 s', () => {
    const row = convertCdrRow(
      cdr(
        '200',
        '2026-03-08 01:59:50',
        '2026-03-08 03:00:05',
        '2026-03-08 03:02:00',
        'ANSWERED',
        '1772953190.1',
      ),
      { timezone: 'America/New_York', extensions: EXTENSIONS },
    );
    expect(row).toEqual({
      ok: true,
      fields: [
        '1772953190.1',
        'phone',
        'HR',
        'E1',
        '2026-03-08T01:59:50-05:00',
        '2026-03-08T03:00:05-04:00',
        '2026-03-08T03:02:00-04:00',
        '15',
      ],
    });
  });

  it('an ambiguous fall-back time takes the occurrence the uniqueid names, else the first', () => {
    // Europe/Berlin 2026-10-25: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const first = Date.UTC(2026, 9, 25, 0, 30) / 1000;
    const second = Date.UTC(2026, 9, 25, 1, 30) / 1000;
    const at = (uniqueid: string) =>
      convertCdrRow(cdr('200', '2026-10-25 02:30:00', '', '2026-10-25 02:30:20', 'NO ANSWER', uniqueid), {
        timezone: 'Europe/Berlin',
        extensions: EXTENSIONS,
      });
    expect(at(`${first}.7`)).toMatchObject({ fields: expect.arrayContaining(['2026-10-25T02:30:00+02:00']) });
    expect(at(`${second}.7`)).toMatchObject({
      fields: expect.arrayContaining(['2026-10-25T02:30:00+01:00']),
    });
    expect(localToInstant(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin').epochMs).toBe(first * 1000);
  });

  it('in the repeated hour, answer and end fall after the start (Asterisk’s duration and billsec decide)', () => {
    // New York 2026-11-01: 01:00–01:59 happens twice. Start 01:40 EDT, answered at 01:41 EDT,
    // ended 35 minutes after the start: 01:15 EST (the second occurrence of 01:15).
    const start = Date.UTC(2026, 10, 1, 5, 40) / 1000;
    const cells = cdr(
      '200',
      '2026-11-01 01:40:00',
      '2026-11-01 01:41:00',
      '2026-11-01 01:15:00',
      'ANSWERED',
      `${start}.9`,
    );
    cells[12] = '2100';
    cells[13] = '2040';
    const row = convertCdrRow(cells, { timezone: 'America/New_York', extensions: EXTENSIONS });
    expect(row).toMatchObject({
      ok: true,
      fields: expect.arrayContaining([
        '2026-11-01T01:40:00-04:00',
        '2026-11-01T01:41:00-04:00',
        '2026-11-01T01:15:00-05:00',
      ]),
    });
  });

  it('a local time in the spring-forward gap moves forward by the gap', () => {
    expect(localToInstant(Date.UTC(2026, 2, 8, 2, 30), 'America/New_York')).toEqual({
      epochMs: Date.UTC(2026, 2, 8, 7, 30),
      offsetMs: -4 * 3600_000,
    });
  });

  it('refuses rows with too few fields or unreadable times, naming the line', async () => {
    const text = ['"a","b"', csvLine(cdr('200', '02/03/2026 09:00', '', '', 'NO ANSWER', '1.1')).trim()].join(
      '\n',
    );
    const { warnings, report } = await convert(text, 'Europe/Moscow');
    expect(warnings).toEqual([
      "Master.csv:1: has 2 fields; Asterisk's cdr_csv writes 18 — skipped",
      'Master.csv:2: start "02/03/2026 09:00" is not a time YYYY-MM-DD HH:MM:SS (uniqueid 1.1) — skipped',
    ]);
    expect(report.converted).toBe(0);
  });

  it('refuses a file whose quote never closes, naming the line', async () => {
    await expect(convert(MASTER_CSV + '\n"","unclosed\n', 'Europe/Moscow')).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Master.csv:5: a quote opened on line 5 is never closed',
    });
  });

  it('refuses an unknown time zone and an unreadable file', async () => {
    await expect(convert(MASTER_CSV, 'Mars/Olympus')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      convertAsteriskCdr(
        join(dir, 'missing.csv'),
        { timezone: 'UTC', extensions: EXTENSIONS },
        () => {},
        () => {},
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads the extension map with or without a header, refusing duplicates', async () => {
    const map = await readExtensionMap(
      write('ext.csv', 'extension,unit,employee\r\n200,HR,E1\r\n300,SALES,\r\n'),
    );
    expect([...map]).toEqual([
      ['200', { unit: 'HR', employee: 'E1' }],
      ['300', { unit: 'SALES' }],
    ]);
    expect((await readExtensionMap(write('ext2.csv', '200,HR\n'))).get('200')).toEqual({ unit: 'HR' });
    await expect(readExtensionMap(write('ext3.csv', '200,HR\n200,SALES\n'))).rejects.toThrow(
      'ext3.csv:2: extension 200 is listed twice',
    );
  });

  it('quotes output cells that need it', () => {
    expect(csvLine(['a,b', 'say "hi"', 'plain'])).toBe('"a,b","say ""hi""",plain\n');
  });
});
