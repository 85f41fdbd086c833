import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatRecordProblems,
  readInteractionRecords,
  recordsFormatOf,
  type RecordEntry,
} from './interaction-records.reader';
import { scratchDir } from '../../../test/scratch-dir';

const { dir, write } = scratchDir('etalon-records-');

async function all(path: string, options?: Parameters<typeof readInteractionRecords>[1]) {
  const entries: RecordEntry[] = [];
  for await (const entry of readInteractionRecords(path, options)) entries.push(entry);
  return entries;
}

const problems = (entries: RecordEntry[]) =>
  entries.flatMap((e) => ('problems' in e ? e.problems.map((p) => ({ line: e.line, id: e.id, ...p })) : []));

const HEADER =
  'id,channel,unit,employee,started_at,answered_at,ended_at,rings,wait_seconds,greeting,template';

describe('readInteractionRecords: CSV', () => {
  it('reads quoted commas, empty cells as absent, a BOM and CRLF line ends', async () => {
    const path = write(
      'calls.csv',
      '\uFEFF' +
        [
          HEADER + ',csat',
          'c1,phone,HR,E1,2026-03-02T09:15:03+03:00,2026-03-02T09:15:12+03:00,,2,,"Good morning, HR, Joan speaking",,4',
          'c2,email,HR,,2026-03-02T10:00:00Z,,,,,,"T-1",',
          '"c3",chat,HR,,2026-03-02T10:00:00Z,,,,,"She said ""hello""\nthen left",,',
        ].join('\r\n') +
        '\r\n\r\n',
    );
    const entries = await all(path);
    expect(problems(entries)).toEqual([]);
    // A record spanning lines is named by its first line.
    expect(entries.map((e) => e.line)).toEqual([2, 3, 4]);
    const [c1, c2, c3] = entries.map((e) => ('record' in e ? e.record : undefined));
    expect(c1).toEqual({
      id: 'c1',
      channel: 'phone',
      unit: 'HR',
      employee: 'E1',
      started_at: Date.UTC(2026, 2, 2, 6, 15, 3),
      answered_at: Date.UTC(2026, 2, 2, 6, 15, 12),
      rings: 2,
      greeting: 'Good morning, HR, Joan speaking',
      numbers: { csat: 4 },
    });
    expect(c2).toEqual({
      id: 'c2',
      channel: 'email',
      unit: 'HR',
      started_at: Date.UTC(2026, 2, 2, 10),
      template: 'T-1',
      numbers: {},
    });
    expect(c3!.greeting).toBe('She said "hello"\nthen left');
  });

  it('names the line, the record id and the field of every bad record', async () => {
    const path = write(
      'bad.csv',
      [
        HEADER,
        'a1,phone,HR,,2026-03-02T09:15:03,,,,,,',
        'a2,phone,HR,,2026-03-02T09:15:03Z,2026-03-02T09:15:02Z,,,,,',
        'a3,fax,HR,,2026-03-02T09:15:03Z,,,,,,',
        ',phone,HR,,2026-03-02T09:15:03Z,,,,,,',
        'a5,phone,HR,,2026-03-02T09:15:03Z,,,three,,,',
        'a6,phone,HR,,2026-03-02T09:15:03Z,,,,,,',
        'a6,phone,HR,,2026-03-02T09:16:03Z,,,,,,',
        'a8,phone,HR',
      ].join('\n'),
    );
    expect(problems(await all(path))).toEqual([
      {
        line: 2,
        id: 'a1',
        field: 'started_at',
        message: '"2026-03-02T09:15:03" has no offset: add Z or ±HH:MM',
      },
      { line: 3, id: 'a2', field: 'answered_at', message: 'is before started_at' },
      { line: 4, id: 'a3', field: 'channel', message: expect.stringContaining('unknown channel "fax"') },
      { line: 5, id: undefined, field: 'id', message: 'is required' },
      { line: 6, id: 'a5', field: 'rings', message: '"three" is not a number' },
      { line: 8, id: 'a6', field: 'id', message: 'duplicate id "a6" (first on line 7)' },
      { line: 9, id: undefined, field: '', message: 'has 3 cells; the header has 11' },
    ]);
  });

  it('a non-number in a column a threshold names is refused', async () => {
    const path = write('csat.csv', 'id,channel,unit,started_at,csat\nx,visit,HR,2026-03-02T09:15:03Z,good\n');
    expect(problems(await all(path, { numericFields: new Set(['csat']) }))).toEqual([
      { line: 2, id: 'x', field: 'csat', message: '"good" is not a number' },
    ]);
  });

  it('a broken CSV (an unclosed quote) is refused naming the file', async () => {
    const path = write('broken.csv', 'id,channel,unit,started_at\n"x,phone,HR,2026-03-02T09:15:03Z\n');
    await expect(all(path)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('broken.csv'),
    });
  });

  it.each([
    ['id,channel,unit,started_at,rings,rings\n', 'names column "rings" twice'],
    ['id,channel,,started_at\n', 'column 3 of the header has no name'],
  ])('refuses a header %j', async (header, message) => {
    const path = write('bad-header.csv', `${header}a,phone,HR,2026-03-02T09:00:00Z,1,2\n`);
    await expect(all(path)).rejects.toThrow(message);
  });

  it('an unreadable file is not_found', async () => {
    await expect(all(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('readInteractionRecords: NDJSON', () => {
  it('skips blank lines, counts them in line numbers, and reads CRLF', async () => {
    const path = write(
      'calls.ndjson',
      [
        JSON.stringify({
          id: 'n1',
          channel: 'letter',
          unit: 'HR',
          started_at: '2026-03-02T09:00:00+03:00',
          wait_seconds: 30,
        }),
        '',
        '   ',
        JSON.stringify({
          id: 'n2',
          channel: 'visit',
          unit: 'HR',
          started_at: '2026-03-02T09:00:00Z',
          employee: null,
          rings: 1,
        }),
        '{"id": "n3", "channel": "chat"',
        '[1, 2]',
        JSON.stringify({ id: 'n1', channel: 'letter', unit: 'HR', started_at: '2026-03-02T09:00:00Z' }),
        '',
      ].join('\r\n'),
    );
    const entries = await all(path);
    expect(entries.filter((e) => 'record' in e).map((e) => [e.line, 'record' in e && e.record.id])).toEqual([
      [1, 'n1'],
      [4, 'n2'],
    ]);
    expect(problems(entries)).toEqual([
      { line: 5, id: undefined, field: '', message: expect.stringMatching(/^is not valid JSON/) },
      { line: 6, id: undefined, field: '', message: 'is not a JSON object' },
      { line: 7, id: 'n1', field: 'id', message: 'duplicate id "n1" (first on line 1)' },
    ]);
  });

  it('streams a file larger than one read chunk, splitting lines across chunks', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({
        id: `r${i}`,
        channel: 'phone',
        unit: 'HR',
        started_at: '2026-03-02T09:00:00Z',
        greeting: 'x'.repeat(i % 50),
      }),
    );
    const entries = await all(write('big.jsonl', lines.join('\n')));
    expect(entries).toHaveLength(5000);
    expect(problems(entries)).toEqual([]);
    expect(entries[4999]).toMatchObject({ line: 5000, record: { id: 'r4999' } });
  });
});

describe('recordsFormatOf', () => {
  it('chooses by extension or the explicit option', () => {
    expect(recordsFormatOf('a.CSV')).toBe('csv');
    expect(recordsFormatOf('a.ndjson')).toBe('ndjson');
    expect(recordsFormatOf('a.jsonl')).toBe('ndjson');
    expect(recordsFormatOf('a.txt', 'csv')).toBe('csv');
    expect(() => recordsFormatOf('a.txt')).toThrow(/\.csv, \.ndjson or \.jsonl/);
  });
});

describe('formatRecordProblems', () => {
  it('names the file, the line, the id and the field', () => {
    expect(
      formatRecordProblems('calls.csv', {
        line: 8,
        id: 'a6',
        problems: [
          { field: 'id', message: 'duplicate id "a6" (first on line 7)' },
          { field: '', message: 'is not a JSON object' },
        ],
      }),
    ).toEqual([
      'calls.csv:8 (id a6) id: duplicate id "a6" (first on line 7)',
      'calls.csv:8 (id a6) is not a JSON object',
    ]);
  });
});
