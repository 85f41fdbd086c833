import { describe, expect, it } from 'vitest';
import { validateInteractionRecord } from '../../../../src/contract/interaction-record.schema';
import {
  applyMapping,
  cleanMapping,
  firstLineOf,
  formatBytes,
  guessFormat,
  headerIsOurs,
  missingRequired,
  parseCsv,
  prefillMapping,
  readHead,
} from './import-file';

const CDR_LINE =
  '"","70000000001","200","from-trunk","""Caller One"" <70000000001>","SIP/trunk-00000a1f","SIP/200-00000a20","Dial","SIP/200,30,tT","2026-03-02 09:15:03","2026-03-02 09:15:12","2026-03-02 09:17:40",157,148,"ANSWERED","DOCUMENTATION","1772432103.2591",""';

describe('guessFormat', () => {
  it('tells NDJSON by extension or by a first line that is an object', () => {
    expect(guessFormat('calls.ndjson', '')).toBe('ndjson');
    expect(guessFormat('calls.JSONL', '')).toBe('ndjson');
    expect(guessFormat('export.txt', '{"id":"c1"}')).toBe('ndjson');
  });

  it('tells an Asterisk Master.csv by 18 (or 17) header-less cells with a time in the 10th', () => {
    expect(guessFormat('Master.csv', CDR_LINE)).toBe('asterisk-cdr');
    expect(guessFormat('Master.csv', CDR_LINE.replace(/,""$/, ''))).toBe('asterisk-cdr');
  });

  it('takes a CSV with a header as csv, and gives up on what is neither', () => {
    expect(guessFormat('calls.csv', 'id,channel,unit,started_at')).toBe('csv');
    expect(guessFormat('calls', 'Call ID,Started,Dept')).toBe('csv');
    expect(guessFormat('photo.png', '\u0089PNG')).toBeUndefined();
  });
});

describe('parseCsv and readHead', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,2,3\n';
    expect(parseCsv(text, true).rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
  });

  it('drops the row a chunk cuts in half, even inside quotes', () => {
    expect(parseCsv('a,b\n1,2\n3,"fo', false)).toEqual({
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
      cut: true,
    });
    expect(parseCsv('a,b\n1,2\n', false)).toEqual({
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
      cut: false,
    });
    // A complete file keeps its last row without a final line break.
    expect(parseCsv('a,b\n1,2', true).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the header and the first rows as objects keyed by their columns', () => {
    const head = readHead('Call ID, Started ,Dept\nc1,2026-03-02T09:00:00Z,HR\nc2,,SALES\nc3,', 'csv', false);
    expect(head.columns).toEqual(['Call ID', 'Started', 'Dept']);
    expect(head.rows).toEqual([
      { 'Call ID': 'c1', Started: '2026-03-02T09:00:00Z', Dept: 'HR' },
      { 'Call ID': 'c2', Started: '', Dept: 'SALES' },
    ]);
    expect(readHead('a\n1\n2\n3\n4', 'csv', true, 2).rows).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it("names an Asterisk file's columns by Asterisk's documented order", () => {
    const head = readHead(`${CDR_LINE}\n`, 'asterisk-cdr', false);
    expect(head.rows[0]).toMatchObject({
      dst: '200',
      start: '2026-03-02 09:15:03',
      uniqueid: '1772432103.2591',
    });
  });

  it('reads NDJSON objects, lists lines that are not, and refuses a head with no object at all', () => {
    const head = readHead(
      '{"id":"c1","csat":4}\nnot json\n{"id":"c2","unit":"HR"}\n{"id":"c3"',
      'ndjson',
      false,
    );
    expect(head.columns).toEqual(['id', 'csat', 'unit']);
    expect(head.rows).toHaveLength(2);
    expect(head.unreadable).toEqual([{ line: 2, text: 'not json' }]);
    expect(() => readHead('garbage\n', 'ndjson', true)).toThrow('no line is a JSON object');
    expect(() => readHead('\n\n', 'csv', true)).toThrow('no header line');
  });

  it('takes the first line for the guess', () => {
    expect(firstLineOf('a,b\r\nc')).toBe('a,b');
    expect(firstLineOf('one')).toBe('one');
  });
});

describe('mapping', () => {
  it('pre-fills by exact, case-insensitive, punctuation-free and known names, each column once', () => {
    const mapping = prefillMapping([
      'Call ID',
      'Type',
      'Dept',
      'Agent',
      'Started At',
      'Answered',
      'ID',
      'csat',
    ]);
    expect(mapping).toEqual({
      id: 'ID',
      channel: 'Type',
      unit: 'Dept',
      employee: 'Agent',
      started_at: 'Started At',
      answered_at: 'Answered',
    });
    expect(prefillMapping(['Wait (s)', 'Rings count'])).toEqual({
      wait_seconds: 'Wait (s)',
      rings: 'Rings count',
    });
    expect(prefillMapping(['Call ID', 'Started', 'Dept'])).toEqual({
      id: 'Call ID',
      started_at: 'Started',
      unit: 'Dept',
    });
  });

  it('says when the header is already ours and which required fields are left unmapped', () => {
    expect(headerIsOurs(['id', 'channel', 'unit', 'started_at', 'csat'])).toBe(true);
    expect(headerIsOurs(['id', 'channel', 'Unit', 'started_at'])).toBe(false);
    expect(missingRequired({ id: 'Call ID', unit: '', started_at: 'Started' })).toEqual(['channel', 'unit']);
    expect(cleanMapping({ id: 'Call ID', unit: '' })).toEqual({ id: 'Call ID' });
  });

  it('reads mapped columns as ours and keeps the rest under their names, as the server does', () => {
    const row = {
      'Call ID': 'c1',
      Kind: 'phone',
      Dept: 'HR',
      Started: '2026-03-02T09:00:00+03:00',
      csat: '4',
    };
    const mapped = applyMapping(row, {
      id: 'Call ID',
      channel: 'Kind',
      unit: 'Dept',
      started_at: 'Started',
      rings: '',
    });
    expect(mapped).toEqual({
      id: 'c1',
      channel: 'phone',
      unit: 'HR',
      started_at: '2026-03-02T09:00:00+03:00',
      csat: '4',
    });
    const result = validateInteractionRecord(mapped);
    expect(result.ok && result.record).toMatchObject({ id: 'c1', unit: 'HR', numbers: { csat: 4 } });
    const bad = validateInteractionRecord(
      applyMapping(
        { ...row, Started: '2026-03-02 09:00' },
        { id: 'Call ID', unit: 'Dept', started_at: 'Started' },
      ),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['channel', 'started_at']);
  });
});

describe('formatBytes', () => {
  it('says sizes in decimal units in the reader language', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(532_000, 'en')).toBe('532 kB');
    expect(formatBytes(19_526_423, 'en')).toBe('19.5 MB');
    expect(formatBytes(1_400_000_000, 'en')).toBe('1.4 GB');
  });
});
