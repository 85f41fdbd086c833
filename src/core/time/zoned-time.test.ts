import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { epochDayOf, MS_PER_DAY } from './civil-date';
import { assertTimeZone, ZonedTime, zonedTime } from './zoned-time';

const at = (iso: string) => Date.parse(iso);
const hm = (h: number, m = 0, s = 0) => (h * 60 + m) * 60 + s;

/** An independent, uncached reading of the wall clock through Intl (the slow way). */
function intlWall(zone: string, ms: number) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

describe('zoned time: local parts', () => {
  const cases: Array<[zone: string, instant: string, local: string, weekday: number]> = [
    ['Europe/Moscow', '2026-03-05T06:00:00Z', '2026-03-05 09:00:00', 4],
    ['Europe/Moscow', '2026-07-05T06:00:00Z', '2026-07-05 09:00:00', 7], // no DST: +03 all year
    ['America/New_York', '2026-03-08T06:59:59Z', '2026-03-08 01:59:59', 7], // last second of EST
    ['America/New_York', '2026-03-08T07:00:00Z', '2026-03-08 03:00:00', 7], // first of EDT
    ['America/New_York', '2026-11-01T05:30:00Z', '2026-11-01 01:30:00', 7], // 01:30 EDT
    ['America/New_York', '2026-11-01T06:30:00Z', '2026-11-01 01:30:00', 7], // 01:30 EST, again
    ['Europe/Berlin', '2026-03-29T00:59:59Z', '2026-03-29 01:59:59', 7],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-29 03:00:00', 7],
    ['Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25 02:30:00', 7],
    ['Europe/Berlin', '2026-10-25T01:30:00Z', '2026-10-25 02:30:00', 7],
    ['Asia/Kathmandu', '2026-01-01T00:00:00Z', '2026-01-01 05:45:00', 4],
    ['UTC', '1969-12-31T23:59:59.999Z', '1969-12-31 23:59:59', 3],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', '2026-04-05 01:30:00', 7], // a 30-minute DST zone
  ];
  it.each(cases)('%s: %s is %s (weekday %i)', (zone, instant, local, weekday) => {
    const p = zonedTime(zone).localParts(at(instant));
    const [date, time] = local.split(' ') as [string, string];
    const [h, m, s] = time.split(':').map(Number) as [number, number, number];
    expect(p).toEqual({
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
      weekday,
      minuteOfDay: h * 60 + m,
      secondOfDay: hm(h, m, s),
      epochDay: epochDayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))),
    });
  });

  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Europe/Moscow',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Santiago',
  ];
  it('agrees with an uncached Intl reading for random instants (1900–2100)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('1900-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }),
        (zone, ms) => {
          const p = zonedTime(zone).localParts(ms);
          const w = intlWall(zone, ms);
          expect([p.year, p.month, p.day, p.secondOfDay]).toEqual([
            w.year,
            w.month,
            w.day,
            hm(w.hour, w.minute, w.second),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with Intl in every zone Intl knows, at random instants 1970–2040', () => {
    const all = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.integer({ min: 0, max: at('2040-01-01T00:00:00Z') }),
        (zone, ms) => {
          const p = zonedTime(zone).localParts(ms);
          const w = intlWall(zone, ms);
          expect([zone, p.year, p.month, p.day, p.secondOfDay]).toEqual([
            zone,
            w.year,
            w.month,
            w.day,
            hm(w.hour, w.minute, w.second),
          ]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['1916-07-02T21:29:43Z', 9_017_000, 9_079_000], // +02:30:17 → +02:31:19
    ['1918-05-31T19:28:41Z', 9_079_000, 16_279_000], // +02:31:19 → +04:31:19
  ])(
    'finds a transition inside a quarter hour: Moscow at %s (local mean time offsets)',
    (instant, before, after) => {
      const z = new ZonedTime('Europe/Moscow');
      const switchAt = at(instant);
      expect(switchAt % 900_000).not.toBe(0);
      expect([z.offsetMs(switchAt - 1), z.offsetMs(switchAt), z.offsetMs(switchAt - 1000)]).toEqual([
        before,
        after,
        before,
      ]);
      const w = intlWall('Europe/Moscow', switchAt);
      expect(z.localParts(switchAt).secondOfDay).toBe(hm(w.hour, w.minute, w.second));
    },
  );
});

describe('zoned time: the instant of a local time', () => {
  const cases: Array<[label: string, zone: string, date: string, seconds: number, instant: string]> = [
    ['an ordinary time', 'Europe/Moscow', '2026-03-05', hm(9), '2026-03-05T06:00:00Z'],
    ['Moscow has no DST in March', 'Europe/Moscow', '2026-03-29', hm(2, 30), '2026-03-28T23:30:00Z'],
    ['24:00 is the next midnight', 'Europe/Moscow', '2026-03-05', hm(24), '2026-03-05T21:00:00Z'],
    // A local time that does not exist moves forward by the gap.
    [
      'New York spring-forward gap: 02:30 → 03:30 EDT',
      'America/New_York',
      '2026-03-08',
      hm(2, 30),
      '2026-03-08T07:30:00Z',
    ],
    [
      'New York: 02:00, the gap’s start → 03:00 EDT',
      'America/New_York',
      '2026-03-08',
      hm(2),
      '2026-03-08T07:00:00Z',
    ],
    ['New York: 03:00 exists', 'America/New_York', '2026-03-08', hm(3), '2026-03-08T07:00:00Z'],
    ['New York: 01:59 still EST', 'America/New_York', '2026-03-08', hm(1, 59), '2026-03-08T06:59:00Z'],
    ['Berlin gap: 02:15 → 03:15 CEST', 'Europe/Berlin', '2026-03-29', hm(2, 15), '2026-03-29T01:15:00Z'],
    [
      'Lord Howe half-hour gap: 02:10 → 02:40',
      'Australia/Lord_Howe',
      '2026-10-04',
      hm(2, 10),
      '2026-10-03T15:40:00Z',
    ],
    // An ambiguous one takes the first occurrence.
    [
      'New York fall-back: 01:30 → the EDT one',
      'America/New_York',
      '2026-11-01',
      hm(1, 30),
      '2026-11-01T05:30:00Z',
    ],
    [
      'New York fall-back: 01:00 → the EDT one',
      'America/New_York',
      '2026-11-01',
      hm(1),
      '2026-11-01T05:00:00Z',
    ],
    [
      'New York: 02:00 after fall-back is EST',
      'America/New_York',
      '2026-11-01',
      hm(2),
      '2026-11-01T07:00:00Z',
    ],
    [
      'Berlin fall-back: 02:30 → the CEST one',
      'Europe/Berlin',
      '2026-10-25',
      hm(2, 30),
      '2026-10-25T00:30:00Z',
    ],
    [
      'Santiago: midnight in the gap → 01:00',
      'America/Santiago',
      '2026-09-06',
      hm(0),
      '2026-09-06T04:00:00Z',
    ],
  ];
  it.each(cases)('%s', (_label, zone, date, seconds, instant) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    expect(new Date(zonedTime(zone).instantOf(epochDayOf(y, m, d), seconds)).toISOString()).toBe(
      new Date(at(instant)).toISOString(),
    );
  });

  it('round-trips every instant whose wall time occurs only once, and finds the first of two', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Europe/Moscow'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2020-01-01T00:00:00Z') / 60_000, max: at('2030-01-01T00:00:00Z') / 60_000 }),
        (zone, minute) => {
          const z = zonedTime(zone);
          const ms = minute * 60_000;
          const p = z.localParts(ms);
          const back = z.instantOf(p.epochDay, p.secondOfDay);
          // Same wall time, and never later than the instant we started from.
          expect(z.localParts(back).secondOfDay).toBe(p.secondOfDay);
          expect(back <= ms).toBe(true);
          if (back < ms) expect(ms - back).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('zoned time: zone names', () => {
  it.each([
    ['Europe/Moscow', 'Europe/Moscow'],
    ['america/new_york', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('%s is %s', (name, canonical) => {
    expect(assertTimeZone(name)).toBe(canonical);
  });

  it.each(['Mars/Olympus_Mons', '', '+03:00', 'EST5EDT6', 'Europe/Moskow'])(
    'refuses %j with a typed error',
    (name) => {
      try {
        assertTimeZone(name);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).code).toBe('validation_failed');
        expect((e as ValidationError).issues[0]).toMatchObject({
          path: 'timezone',
          code: 'unknown_time_zone',
        });
      }
    },
  );

  it('shares one cache per zone name', () => {
    expect(zonedTime('Europe/Berlin')).toBe(zonedTime('Europe/Berlin'));
  });

  it('never reads the machine zone: a day in UTC is 24 h whatever TZ says', () => {
    const z = zonedTime('UTC');
    expect(z.instantOf(epochDayOf(2026, 3, 8), 0) + MS_PER_DAY).toBe(z.instantOf(epochDayOf(2026, 3, 9), 0));
  });
});
