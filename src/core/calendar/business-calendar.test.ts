import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { compileCalendar, type BusinessCalendar } from './business-calendar';
import { WEEKDAY_KEYS, type CalendarSpec, type WeekdayKey } from './calendar-spec';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;

const office = compileCalendar({
  id: 'office',
  timezone: 'Europe/Moscow',
  week: {
    mon: ['09:00-13:00', '14:00-18:00'],
    tue: ['09:00-13:00', '14:00-18:00'],
    wed: ['09:00-13:00', '14:00-18:00'],
    thu: ['09:00-13:00', '14:00-18:00'],
    fri: ['09:00-13:00', '14:00-16:45'],
  },
  holidays: ['2026-01-01', '2026-02-23'],
  shifts: { '2026-03-07': ['10:00-14:00'] },
});
const weekdays = (zone: string, hours: string[], extra: Partial<CalendarSpec> = {}) =>
  compileCalendar({
    id: zone,
    timezone: zone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    ...extra,
  });
const nyOffice = weekdays('America/New_York', ['09:00-17:00']);
const berlinOffice = weekdays('Europe/Berlin', ['09:00-18:00']);
const allSunday = (zone: string, shifts: Record<string, string[]> = {}) =>
  compileCalendar({ id: 'sun', timezone: zone, week: { sun: ['00:00-24:00'] }, shifts });
const nySunday = allSunday('America/New_York');
const nyShifts = allSunday('America/New_York', {
  '2026-03-08': ['01:00-03:00'], // across the gap: 01:00 EST → 03:00 EDT
  '2026-03-15': ['01:00-02:45', '03:00-05:00'], // an ordinary Sunday, for contrast
  '2026-11-01': ['01:00-02:00'], // across the repeated hour: first 01:00 → 02:00 EST
  '2026-11-08': ['01:30-03:00'],
});
const nyGapStart = allSunday('America/New_York', { '2026-03-08': ['02:30-04:00'] });
const nyGapOverlap = allSunday('America/New_York', { '2026-03-08': ['01:00-02:45', '03:00-05:00'] });
const nyAmbiguousStart = allSunday('America/New_York', { '2026-11-01': ['01:30-03:00'] });
const round = compileCalendar({
  id: 'round',
  timezone: 'Europe/Moscow',
  week: { sat: ['20:00-24:00'], sun: ['00:00-02:00'] },
  holidays: ['2026-03-14', '2026-03-21'],
  shifts: { '2026-03-21': ['12:00-13:00'] }, // a shift wins over a holiday on the same date
});
const overlapping = weekdays('Europe/Moscow', ['09:00-13:00', '12:00-14:00']);

type Case = [label: string, cal: BusinessCalendar, from: string, to: string, expected: number];
const cases: Case[] = [
  ['a morning', office, '2026-03-02T10:00:00+03:00', '2026-03-02T11:30:00+03:00', 90 * MIN],
  [
    'a lunch break is not counted',
    office,
    '2026-03-02T12:00:00+03:00',
    '2026-03-02T15:00:00+03:00',
    120 * MIN,
  ],
  [
    'a short Friday ends at 16:45',
    office,
    '2026-03-06T16:00:00+03:00',
    '2026-03-06T18:00:00+03:00',
    45 * MIN,
  ],
  [
    'the issue’s example: Fri 16:00–16:45 + Mon 09:00–12:16',
    office,
    '2026-03-13T16:00:00+03:00',
    '2026-03-16T12:16:00+03:00',
    241 * MIN,
  ],
  [
    'a transferred working Saturday counts',
    office,
    '2026-03-06T16:00:00+03:00',
    '2026-03-09T09:30:00+03:00',
    (45 + 240 + 30) * MIN,
  ],
  ['a holiday inside the span', office, '2026-02-20T17:00:00+03:00', '2026-02-24T10:00:00+03:00', 60 * MIN],
  ['a holiday alone', office, '2026-01-01T00:00:00+03:00', '2026-01-02T00:00:00+03:00', 0],
  [
    'a whole working week',
    office,
    '2026-03-09T00:00:00+03:00',
    '2026-03-16T00:00:00+03:00',
    (4 * 8 + 6.75) * HOUR,
  ],
  ['a reply given in another offset', office, '2026-03-02T09:00:00+03:00', '2026-03-02T12:00:00+05:00', HOUR],
  ['exactly at the lunch boundary', office, '2026-03-02T13:00:00+03:00', '2026-03-02T14:00:00+03:00', 0],
  ['exactly from close to opening', office, '2026-03-02T18:00:00+03:00', '2026-03-03T09:00:00+03:00', 0],
  [
    'one minute either side of opening',
    office,
    '2026-03-02T08:59:00+03:00',
    '2026-03-02T09:01:00+03:00',
    MIN,
  ],
  ['one second of work', office, '2026-03-02T17:59:59+03:00', '2026-03-02T18:00:00+03:00', 1000],
  ['an empty span', office, '2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00+03:00', 0],
  ['a backwards span', office, '2026-03-02T11:00:00+03:00', '2026-03-02T10:00:00+03:00', 0],
  [
    '24:00 ends Saturday, 00:00 starts Sunday',
    round,
    '2026-03-07T23:00:00+03:00',
    '2026-03-08T01:00:00+03:00',
    2 * HOUR,
  ],
  ['up to 24:00 exactly', round, '2026-03-07T00:00:00+03:00', '2026-03-08T00:00:00+03:00', 4 * HOUR],
  ['a holiday Saturday', round, '2026-03-14T00:00:00+03:00', '2026-03-15T00:00:00+03:00', 0],
  ['a shift on a holiday wins', round, '2026-03-21T00:00:00+03:00', '2026-03-22T00:00:00+03:00', HOUR],
  [
    'overlapping intervals count once',
    overlapping,
    '2026-03-02T00:00:00+03:00',
    '2026-03-03T00:00:00+03:00',
    5 * HOUR,
  ],
  // America/New_York: spring forward on Sunday 8 March 2026, fall back on Sunday 1 November 2026.
  [
    'New York, across the spring-forward weekend',
    nyOffice,
    '2026-03-06T16:00:00-05:00',
    '2026-03-09T10:00:00-04:00',
    2 * HOUR,
  ],
  [
    'New York, the spring-forward Sunday has 23 hours',
    nySunday,
    '2026-03-07T12:00:00Z',
    '2026-03-09T12:00:00Z',
    23 * HOUR,
  ],
  [
    'New York, the fall-back Sunday has 25 hours',
    nySunday,
    '2026-10-31T12:00:00Z',
    '2026-11-02T12:00:00Z',
    25 * HOUR,
  ],
  [
    'New York, 01:00–03:00 across the gap is 1 h',
    nyShifts,
    '2026-03-08T00:00:00-05:00',
    '2026-03-08T12:00:00-04:00',
    HOUR,
  ],
  [
    'New York, 01:00–02:00 across the repeated hour is 2 h',
    nyShifts,
    '2026-11-01T00:00:00-04:00',
    '2026-11-01T12:00:00-05:00',
    2 * HOUR,
  ],
  [
    'New York, 01:30–03:00 on an ordinary Sunday',
    nyShifts,
    '2026-11-08T00:00:00-05:00',
    '2026-11-08T12:00:00-05:00',
    1.5 * HOUR,
  ],
  [
    'New York, a start in the gap (02:30) moves forward to 03:30 EDT',
    nyGapStart,
    '2026-03-08T00:00:00-05:00',
    '2026-03-08T12:00:00-04:00',
    30 * MIN,
  ],
  [
    'New York, intervals made to overlap by the gap count once',
    nyGapOverlap,
    '2026-03-08T00:00:00-05:00',
    '2026-03-08T12:00:00-04:00',
    3 * HOUR, // [06:00Z, 07:45Z) ∪ [07:00Z, 09:00Z)
  ],
  [
    'New York, an ambiguous start takes the first 01:30 (EDT)',
    nyAmbiguousStart,
    '2026-11-01T00:00:00-04:00',
    '2026-11-01T12:00:00-05:00',
    2.5 * HOUR,
  ],
  [
    'New York, the first 01:30 counts, the second is inside',
    nyAmbiguousStart,
    '2026-11-01T01:30:00-05:00',
    '2026-11-01T12:00:00-05:00',
    1.5 * HOUR,
  ],
  [
    'Berlin, across the spring DST weekend',
    berlinOffice,
    '2026-03-27T17:00:00+01:00',
    '2026-03-30T10:00:00+02:00',
    2 * HOUR,
  ],
  [
    'Berlin, across the autumn DST weekend',
    berlinOffice,
    '2026-10-23T17:00:00+02:00',
    '2026-10-26T10:00:00+01:00',
    2 * HOUR,
  ],
  [
    'Berlin, the spring Sunday has 23 hours',
    allSunday('Europe/Berlin'),
    '2026-03-28T12:00:00Z',
    '2026-03-30T12:00:00Z',
    23 * HOUR,
  ],
  [
    'Berlin, the autumn Sunday has 25 hours',
    allSunday('Europe/Berlin'),
    '2026-10-24T12:00:00Z',
    '2026-10-26T12:00:00Z',
    25 * HOUR,
  ],
  [
    'Moscow has no DST: that Sunday has 24 hours',
    allSunday('Europe/Moscow'),
    '2026-03-28T12:00:00Z',
    '2026-03-30T12:00:00Z',
    24 * HOUR,
  ],
];

describe('businessMs', () => {
  it.each(cases)('%s', (_label, cal, from, to, expected) => {
    expect(cal.businessMs(at(from), at(to))).toBe(expected);
    const spans = cal.workingSpans(at(from), at(to));
    expect(spans.reduce((sum, s) => sum + s.endMs - s.startMs, 0)).toBe(expected);
  });
});

describe('instantAfter', () => {
  // The inverse of businessMs: from `from`, the business time of each case runs out exactly at the
  // end of its last working span (a case whose `to` lies in closed time ends earlier than `to`).
  it.each(cases.filter((c) => c[4] > 0))('%s', (_label, cal, from, to, expected) => {
    const spans = cal.workingSpans(at(from), at(to));
    expect(cal.instantAfter(at(from), expected)).toBe(spans[spans.length - 1]!.endMs);
    expect(cal.businessMs(at(from), cal.instantAfter(at(from), expected - 1))).toBe(expected - 1);
  });

  it('is the start itself for nothing, and Infinity for a calendar that never works', () => {
    expect(office.instantAfter(at('2026-03-13T16:00:00+03:00'), 0)).toBe(at('2026-03-13T16:00:00+03:00'));
    const never = compileCalendar({ id: 'never', timezone: 'UTC', week: {} });
    expect(never.instantAfter(0, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('workingSpans', () => {
  it('lists the overlapping intervals, clipped, for the reason a person reads', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const spans = office.workingSpans(at('2026-03-13T16:00:00+03:00'), at('2026-03-16T12:16:00+03:00'));
    expect(spans.map((s) => [iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2026-03-13T13:00:00.000Z', '2026-03-13T13:45:00.000Z'],
      ['2026-03-16T06:00:00.000Z', '2026-03-16T09:16:00.000Z'],
    ]);
    expect(office.localParts(spans[1]!.endMs)).toMatchObject({ weekday: 1, minuteOfDay: 12 * 60 + 16 });
  });

  it('is empty for an empty or backwards span', () => {
    expect(office.workingSpans(at('2026-03-02T10:00:00Z'), at('2026-03-02T10:00:00Z'))).toEqual([]);
    expect(office.workingSpans(at('2026-03-02T10:00:00Z'), at('2026-03-02T09:00:00Z'))).toEqual([]);
  });
});

describe('accessors', () => {
  it('exposes the id, the canonical zone, ring seconds, local parts and periods', () => {
    const cal = compileCalendar({ id: 'hq', timezone: 'america/new_york', week: {}, ring_seconds: 6 });
    expect([cal.id, cal.timezone, cal.ringSeconds]).toEqual(['hq', 'America/New_York', 6]);
    expect([office.ringSeconds]).toEqual([5]);
    expect(cal.localParts(at('2026-03-09T13:30:00Z'))).toMatchObject({
      day: 9,
      weekday: 1,
      minuteOfDay: 570,
    });
    expect(cal.period('day', at('2026-03-01T03:00:00Z'))).toBe('2026-02-28');
    expect(cal.period('week', at('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(cal.period('month', at('2026-04-01T03:59:59Z'))).toBe('2026-03');
    expect(cal.period('quarter', at('2026-04-01T04:00:00Z'))).toBe('2026-Q2');
  });

  it('refuses a bad calendar with a typed error', () => {
    expect(() =>
      compileCalendar({ id: 'x', timezone: 'Europe/Moscow', week: { mon: ['18:00-09:00'] } }),
    ).toThrow(ValidationError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, and a slow reference written independently of the engine: it walks minute by
// minute, reads offsets straight from Intl (one call per UTC hour), and converts local times by
// scanning for the instants that show them.

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Europe/Moscow',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
];
/** 1 March – 30 April and 15 October – 15 November 2026: both DST seasons of both hemispheres. */
const WINDOWS: Array<[number, number]> = [
  [at('2026-03-01T00:00:00Z'), at('2026-04-30T00:00:00Z')],
  [at('2026-10-15T00:00:00Z'), at('2026-11-15T00:00:00Z')],
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
// Half the intervals start between 00:00 and 03:45, where DST gaps and repeated hours fall.
const arbInterval = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 24 * 4 - 1 }), fc.integer({ min: 0, max: 15 })),
    fc.integer({ min: 1, max: 10 * 4 }),
    fc.constantFrom(0, 0, 0, 7),
  )
  .map(([q, len, jitter]) => {
    const start = q * 15 + (q * 15 + jitter < 24 * 60 ? jitter : 0);
    const end = Math.min(24 * 60, q * 15 + len * 15);
    return `${hhmm(start)}-${hhmm(Math.max(end, start + 1))}`;
  });
const arbIntervals = fc.array(arbInterval, { maxLength: 3 });
const dayIn = (window: [number, number], i: number) =>
  new Date(window[0] + (i % Math.floor((window[1] - window[0]) / 86_400_000)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
/** Each zone's 2026 DST transition dates (both ways); zones without DST get a date for contrast. */
const TRANSITION_DATES: Record<string, string[]> = {
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  'Australia/Sydney': ['2026-04-05', '2026-10-04'],
  'Europe/Moscow': ['2026-03-29'],
  'Asia/Kolkata': ['2026-03-29'],
  UTC: ['2026-03-29'],
};
/** Intervals that start and end between 00:00 and 04:00, to land in gaps and repeated hours. */
const arbNight = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 16 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((list) => list.map(([q, len]) => `${hhmm(q * 15)}-${hhmm(q * 15 + len * 15)}`));
const arbSpec: fc.Arbitrary<CalendarSpec> = fc.constantFrom(...ZONES).chain((timezone) =>
  fc
    .record({
      week: fc.tuple(...WEEKDAY_KEYS.map(() => arbIntervals)),
      holidays: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }),
      shifts: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), arbIntervals), { maxLength: 6 }),
      night: fc.array(fc.tuple(fc.constantFrom(...TRANSITION_DATES[timezone]!), arbNight), { maxLength: 2 }),
    })
    .map(({ week, holidays, shifts, night }) => ({
      id: 'random',
      timezone,
      week: Object.fromEntries(WEEKDAY_KEYS.map((k, i) => [k, week[i]])) as Record<WeekdayKey, string[]>,
      holidays: holidays.map((i) => dayIn(WINDOWS[i % 2]!, i)),
      shifts: Object.fromEntries([
        ...shifts.map(([i, list]): [string, string[]] => [dayIn(WINDOWS[i % 2]!, i), list]),
        ...night,
      ]),
    })),
);
/** An instant in the windows, half the time within two days before one of the zone's transitions. */
const arbInstantFor = (spec: CalendarSpec) =>
  fc.oneof(
    fc.integer({ min: 0, max: 1 }).chain((w) => fc.integer({ min: WINDOWS[w]![0], max: WINDOWS[w]![1] })),
    fc
      .tuple(
        fc.constantFrom(...TRANSITION_DATES[spec.timezone]!),
        fc.integer({ min: -2 * 86_400_000, max: 86_400_000 }),
      )
      .map(([date, d]) => at(`${date}T00:00:00Z`) + d),
  );
const arbSpecAnd = <T>(f: (spec: CalendarSpec) => fc.Arbitrary<T>) =>
  arbSpec.chain((spec) => f(spec).map((value) => [spec, value] as const));

/** The slow reference: business time by walking whole minutes (the instants must be whole minutes). */
function referenceBusinessMs(spec: CalendarSpec, from: number, to: number): number {
  const zone = spec.timezone;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const hourOffsets = new Map<number, number>();
  /** The wall clock read as if it were UTC (ms). These zones change offset only on whole hours. */
  const wall = (t: number) => {
    const h = Math.floor(t / HOUR);
    let off = hourOffsets.get(h);
    if (off === undefined) {
      const p = Object.fromEntries(fmt.formatToParts(h * HOUR).map((x) => [x.type, x.value]));
      off = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!) - h * HOUR;
      hourOffsets.set(h, off);
    }
    return t + off;
  };
  const converted = new Map<number, number>();
  /** The instant of a local wall time: the first that shows it; in a gap, read with the offset before. */
  const instantOfWall = (w: number) => {
    let t = converted.get(w);
    if (t !== undefined) return t;
    let offsetBefore = 0;
    for (let c = w - 15 * HOUR; c <= w + 15 * HOUR; c += MIN) {
      const shown = wall(c);
      if (shown === w) {
        t = c;
        break;
      }
      if (shown < w) offsetBefore = shown - c;
    }
    t ??= w - offsetBefore;
    converted.set(w, t);
    return t;
  };
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  let total = 0;
  for (let m = from; m < to; m += MIN) {
    const localDay = Math.floor(wall(m) / 86_400_000) * 86_400_000;
    const date = new Date(localDay).toISOString().slice(0, 10);
    const weekday = WEEKDAY_KEYS[(new Date(localDay).getUTCDay() + 6) % 7]!;
    const list = spec.shifts?.[date] ?? (spec.holidays?.includes(date) ? [] : (spec.week[weekday] ?? []));
    const working = list.some((text) => {
      const [a, b] = text.split('-') as [string, string];
      return instantOfWall(localDay + toMin(a) * MIN) <= m && m < instantOfWall(localDay + toMin(b) * MIN);
    });
    if (working) total += MIN;
  }
  return total;
}

describe('business time properties', () => {
  it('equals the minute-walking reference on random calendars, zones and spans', () => {
    fc.assert(
      fc.property(
        arbSpecAnd(arbInstantFor),
        fc.integer({ min: 0, max: 4 * 24 * 60 }),
        ([spec, start], minutes) => {
          const from = Math.floor(start / MIN) * MIN;
          const to = from + minutes * MIN;
          const cal = compileCalendar(spec);
          expect(cal.businessMs(from, to)).toBe(referenceBusinessMs(spec, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up: t1→t2 + t2→t3 = t1→t3, and never exceeds calendar time', () => {
    fc.assert(
      fc.property(
        arbSpecAnd((spec) => fc.array(arbInstantFor(spec), { minLength: 3, maxLength: 3 })),
        ([spec, instants]) => {
          const [t1, t2, t3] = [...instants].sort((a, b) => a - b) as [number, number, number];
          const cal = compileCalendar(spec);
          const a = cal.businessMs(t1, t2);
          const b = cal.businessMs(t2, t3);
          expect(a + b).toBe(cal.businessMs(t1, t3));
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(t2 - t1);
          expect(cal.businessMs(t1, t3)).toBeLessThanOrEqual(t3 - t1);
          expect(cal.businessMs(t3, t1)).toBe(0);
          const spans = cal.workingSpans(t1, t3);
          expect(spans.reduce((sum, s) => sum + s.endMs - s.startMs, 0)).toBe(cal.businessMs(t1, t3));
          spans.forEach((s, i) => {
            expect(s.endMs).toBeGreaterThan(s.startMs);
            if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(spans[i - 1]!.endMs);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is zero on a day off (a holiday without a shift), wherever in the day the span lies', () => {
    fc.assert(
      fc.property(arbSpecAnd(arbInstantFor), fc.nat(), fc.nat(), ([spec, instant], a, b) => {
        const probe = compileCalendar(spec);
        const day = probe.period('day', instant);
        const cal = compileCalendar({ ...spec, holidays: [day], shifts: {} });
        const p = cal.localParts(instant);
        const midnight = instant - p.secondOfDay * 1000 - (instant % 1000);
        // Stay an hour clear of the ends: a DST day may be 23 or 25 hours long.
        const from = midnight + HOUR + (a % (21 * HOUR));
        const to = from + (b % (22 * HOUR - (from - midnight)));
        expect(cal.period('day', from)).toBe(day);
        expect(cal.businessMs(from, to)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('yearly holidays', () => {
  const everyDay = (extra: Partial<CalendarSpec>) =>
    compileCalendar({
      id: 'all',
      timezone: 'Europe/Moscow',
      week: Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, ['09:00-18:00']])),
      ...extra,
    });
  // Local midnight to midnight in Moscow (UTC+3).
  const dayMs = (cal: BusinessCalendar, date: string) =>
    cal.businessMs(at(`${date}T00:00:00+03:00`), at(`${date}T00:00:00+03:00`) + 24 * HOUR);
  const cal = everyDay({
    holidays: ['--01-07', '--02-29', '2026-05-04'],
    shifts: { '2027-01-07': ['10:00-12:00'] },
  });

  it('are off every year, one-off holidays only once', () => {
    expect(dayMs(cal, '2026-01-07')).toBe(0);
    expect(dayMs(cal, '2028-01-07')).toBe(0);
    expect(dayMs(cal, '2026-01-08')).toBe(9 * HOUR);
    expect(dayMs(cal, '2026-05-04')).toBe(0);
    expect(dayMs(cal, '2027-05-04')).toBe(9 * HOUR);
  });

  it('--02-29 is off in leap years only; the days around it work', () => {
    expect(dayMs(cal, '2028-02-29')).toBe(0);
    expect(dayMs(cal, '2027-02-28')).toBe(9 * HOUR);
    expect(dayMs(cal, '2027-03-01')).toBe(9 * HOUR);
    expect(dayMs(cal, '2028-02-28')).toBe(9 * HOUR);
  });

  it('a shift wins over a yearly holiday', () => {
    expect(dayMs(cal, '2027-01-07')).toBe(2 * HOUR);
    expect(cal.workingSpans(at('2027-01-07T00:00:00+03:00'), at('2027-01-08T00:00:00+03:00'))).toEqual([
      { startMs: at('2027-01-07T10:00:00+03:00'), endMs: at('2027-01-07T12:00:00+03:00') },
    ]);
  });
});
