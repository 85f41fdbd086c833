import { describe, expect, it } from 'vitest';
import { parseInstant, validateInteractionRecord, type RecordValidation } from './interaction-record.schema';

const good = {
  id: 'c1',
  channel: 'phone',
  unit: 'HR',
  started_at: '2026-03-02T09:15:03+03:00',
};

const problemsOf = (result: RecordValidation) => (result.ok ? [] : result.problems);

describe('interaction record validator', () => {
  it.each(['0x2', '0b101', 'Infinity', '1e', '2,5'])(
    'refuses %j where a number belongs (decimal notation only)',
    (text) => {
      expect(problemsOf(validateInteractionRecord({ ...good, rings: text }))).toEqual([
        { field: 'rings', message: `${JSON.stringify(text)} is not a number` },
      ]);
    },
  );

  it('refuses a call that ended before it was answered', () => {
    const result = validateInteractionRecord({
      ...good,
      answered_at: '2026-03-02T09:16:00+03:00',
      ended_at: '2026-03-02T09:15:30+03:00',
    });
    expect(problemsOf(result)).toEqual([{ field: 'ended_at', message: 'is before answered_at' }]);
  });

  it('accepts CSV strings and turns instants into epoch ms and numbers into numbers', () => {
    const result = validateInteractionRecord({
      ...good,
      employee: 'E1',
      answered_at: '2026-03-02T06:15:12Z',
      ended_at: '2026-03-02T06:17:40.250Z',
      rings: '2',
      wait_seconds: '9.5',
      greeting: 'Добрый день',
      template: 'T-STD-1',
      csat: '4',
    });
    expect(result).toEqual({
      ok: true,
      record: {
        id: 'c1',
        channel: 'phone',
        unit: 'HR',
        employee: 'E1',
        started_at: Date.UTC(2026, 2, 2, 6, 15, 3),
        answered_at: Date.UTC(2026, 2, 2, 6, 15, 12),
        ended_at: Date.UTC(2026, 2, 2, 6, 17, 40, 250),
        rings: 2,
        wait_seconds: 9.5,
        greeting: 'Добрый день',
        template: 'T-STD-1',
        numbers: { csat: 4 },
      },
    });
  });

  it('accepts NDJSON values: numbers as numbers, null as absent', () => {
    const result = validateInteractionRecord({ ...good, rings: 3, wait_seconds: null, employee: null });
    expect(result.ok && result.record).toMatchObject({ rings: 3 });
    expect(result.ok && 'wait_seconds' in result.record).toBe(false);
  });

  it.each([
    ['2026-03-02T09:15:03', 'has no offset'],
    ['2026-03-02 09:15:03+03:00', 'is not an ISO 8601 date-time'],
    ['2026-02-30T09:15:03Z', 'is not a valid date-time'],
    ['yesterday', 'is not an ISO 8601 date-time'],
  ])('refuses started_at %s', (started_at, text) => {
    const [problem] = problemsOf(validateInteractionRecord({ ...good, started_at }));
    expect(problem!.field).toBe('started_at');
    expect(problem!.message).toContain(text);
  });

  it('reads offsets with and without a colon, and fractions', () => {
    expect(parseInstant('2026-03-02T09:15:03+0300')).toBe(Date.UTC(2026, 2, 2, 6, 15, 3));
    expect(parseInstant('2026-03-08T01:59:59.123456-05:00')).toBe(Date.UTC(2026, 2, 8, 6, 59, 59, 123));
    expect(parseInstant('2026-03-02T09:15Z')).toBe(Date.UTC(2026, 2, 2, 9, 15));
  });

  it('refuses answered_at before started_at, even in another offset', () => {
    const result = validateInteractionRecord({ ...good, answered_at: '2026-03-02T07:15:02+01:00' });
    expect(problemsOf(result)).toEqual([{ field: 'answered_at', message: 'is before started_at' }]);
    // The same instant written in another offset is fine.
    expect(validateInteractionRecord({ ...good, answered_at: '2026-03-02T07:15:03+01:00' }).ok).toBe(true);
  });

  it('refuses an unknown channel, naming the choices', () => {
    expect(problemsOf(validateInteractionRecord({ ...good, channel: 'fax' }))).toEqual([
      {
        field: 'channel',
        message: 'unknown channel "fax" (expected phone, email, letter, visit, chat, other)',
      },
    ]);
  });

  it('lists every missing required field at once', () => {
    expect(problemsOf(validateInteractionRecord({ greeting: 'hi' })).map((p) => p.field)).toEqual([
      'id',
      'channel',
      'unit',
      'started_at',
    ]);
  });

  it.each([
    ['rings', 'three', 'is not a number'],
    ['rings', '2.5', 'must be a whole number'],
    ['rings', '-1', 'must not be negative'],
    ['wait_seconds', '12s', 'is not a number'],
    ['wait_seconds', true, 'is not a number'],
  ])('refuses %s = %s', (field, value, text) => {
    const [problem] = problemsOf(validateInteractionRecord({ ...good, [field]: value }));
    expect(problem!.field).toBe(field);
    expect(problem!.message).toContain(text);
  });

  it('a non-number in a column a threshold names is a problem; elsewhere it is ignored', () => {
    const raw = { ...good, csat: 'n/a', note: 'called back' };
    expect(problemsOf(validateInteractionRecord(raw, { numericFields: new Set(['csat']) }))).toEqual([
      { field: 'csat', message: '"n/a" is not a number' },
    ]);
    const result = validateInteractionRecord(raw);
    expect(result.ok && result.record.numbers).toEqual({});
  });

  it('refuses an id that is not text', () => {
    expect(problemsOf(validateInteractionRecord({ ...good, id: { a: 1 } }))[0]!.field).toBe('id');
    const numeric = validateInteractionRecord({ ...good, id: 42 });
    expect(numeric.ok && numeric.record.id).toBe('42');
  });
});

describe('parseInstant', () => {
  it.each([
    '2026-03-02T09:15:03Z',
    '2026-03-02T09:15:03.123Z',
    '2026-03-02T09:15:03+03:00',
    '2026-03-02T09:15:03.999-09:30',
    '2024-02-29T23:59:59+14:00',
    '1999-12-31T00:00:00-12:00',
  ])('agrees with Date.parse on %s', (text) => {
    expect(parseInstant(text)).toBe(Date.parse(text));
  });

  it.each([
    '2026-13-02T09:15:03Z',
    '2025-02-29T09:15:03Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T09:15:03+25:00',
    '2026-03-02T09:15:03.12',
  ])('refuses %s', (text) => {
    expect(typeof parseInstant(text)).toBe('string');
  });
});

describe('further text columns', () => {
  it('keeps the text columns asked for (a script measure on another field), and only those', () => {
    const result = validateInteractionRecord(
      { ...good, transcript: 'Добрый день, отдел кадров', note: 'x', score: '5' },
      { textFields: new Set(['transcript', 'score']) },
    );
    expect(result.ok && result.record.texts).toEqual({ transcript: 'Добрый день, отдел кадров', score: '5' });
    expect(result.ok && result.record.numbers).toEqual({ score: 5 });
    const plain = validateInteractionRecord({ ...good, transcript: 'hi' });
    expect(plain.ok && 'texts' in plain.record).toBe(false);
  });
});
