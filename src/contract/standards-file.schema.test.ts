import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { MeasureInput, StandardDefinitionInput } from '../core/standards/describe';
import {
  parseStandardsFile,
  withinMs,
  type StandardSchema,
  type StandardsFile,
} from './standards-file.schema';

// core/standards/describe mirrors the file's input forms (core may not import the contract):
// these lines stop compiling when the two drift apart.
type FileStandardInput = z.input<typeof StandardSchema>;
export const _describesMeasures: MeasureInput = {} as FileStandardInput['measure'];
export const _describesStandards: StandardDefinitionInput = {} as FileStandardInput;

const base = () => ({
  version: 'etalon/v1',
  timezone: 'Europe/Moscow',
  calendars: [
    {
      id: 'office',
      timezone: 'Europe/Moscow',
      week: { mon: ['09:00-13:00', '14:00-18:00'], fri: ['09:00-13:00', '14:00-16:45'] },
      holidays: ['2026-01-01'],
      shifts: { '2026-03-07': ['10:00-14:00'] },
    },
  ],
  units: [
    { code: 'ORG', name: { ru: 'компания', en: 'company' } },
    { code: 'HR', name: { ru: 'отдел кадров', en: 'HR department' }, parent: 'ORG' },
  ],
  employees: [{ code: 'E1', name: { ru: 'Джоан', en: 'Joan' }, unit: 'HR' }],
  standards: [
    {
      code: 'TEL-01',
      title: 'Answer by the third ring',
      kind: 'tangible',
      category: 'responsiveness',
      channels: ['phone'],
      units: ['HR'],
      calendar: 'office',
      measure: { type: 'threshold', field: 'rings', max: 3 },
      target: 0.9,
      period: 'month',
    } as Record<string, unknown>,
  ],
});

function issuesOf(file: unknown) {
  const result = parseStandardsFile(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

const ok = (file: unknown): StandardsFile => {
  const result = parseStandardsFile(file);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('standards file schema', () => {
  it('accepts the example of the issue, with defaults filled in', () => {
    const file = ok(base());
    expect(file.calendars[0]!.ring_seconds).toBe(5);
    expect(file.standards[0]!.measure).toEqual({ type: 'threshold', field: 'rings', max: 3 });
  });

  it.each([
    ['4h', 4 * 3600_000],
    ['90m', 90 * 60_000],
    ['1h30m', 5_400_000],
    ['45s', 45_000],
    ['1h0m5s', 3_605_000],
  ])('response_time within %s is %d ms, business clock by default', (within, ms) => {
    const file = base();
    file.standards[0]!.measure = { type: 'response_time', within };
    const measure = ok(file).standards[0]!.measure;
    // The schema keeps `within` as written (it also describes API answers); the engine reads it in ms.
    expect(measure).toEqual({ type: 'response_time', within, clock: 'business' });
    expect(withinMs((measure as { within: string }).within)).toBe(ms);
  });

  it.each(['', '4', '0h', '1.5h', '30m1h', 'h'])('refuses the duration "%s"', (within) => {
    const file = base();
    file.standards[0]!.measure = { type: 'response_time', within };
    const [issue] = issuesOf(file);
    expect(issue!.path).toBe('standards.0.measure.within');
    expect(issue!.message).toMatch(/^standard TEL-01: .* is not a duration/);
  });

  it('script defaults its field to greeting', () => {
    const file = base();
    file.standards[0]!.measure = {
      type: 'script',
      require: ['time_greeting', 'unit'],
      greetings: [
        { from: '05:00', say: ['доброе утро', 'good morning'] },
        { from: '12:00', say: ['добрый день'] },
      ],
    };
    expect(ok(file).standards[0]!.measure).toMatchObject({ type: 'script', field: 'greeting' });
  });

  it('refuses script parts outside time_greeting, unit, employee and time_greeting without greetings', () => {
    const file = base();
    file.standards[0]!.measure = { type: 'script', require: ['time_greeting', 'smile'] };
    const issues = issuesOf(file);
    expect(issues.map((i) => i.path)).toContain('standards.0.measure.require.1');
    const file2 = base();
    file2.standards[0]!.measure = { type: 'script', require: ['time_greeting'] };
    expect(issuesOf(file2)[0]!.message).toMatch(/standard TEL-01: .*greetings/);
  });

  it('names the standard for an unknown measure type', () => {
    const file = base();
    file.standards[0]!.measure = { type: 'stopwatch', within: '4h' };
    const [issue] = issuesOf(file);
    expect(issue!.path).toMatch(/^standards\.0\.measure/);
    expect(issue!.message).toMatch(/^standard TEL-01: unknown measure type "stopwatch"/);
  });

  it('names the standard for a measure without a type', () => {
    const file = base();
    file.standards[0]!.measure = { field: 'rings', max: 3 };
    expect(issuesOf(file)[0]!.message).toMatch(
      /^standard TEL-01: the measure needs a type \(expected threshold/,
    );
  });

  it('refuses a threshold with neither min nor max', () => {
    const file = base();
    file.standards[0]!.measure = { type: 'threshold', field: 'rings' };
    expect(issuesOf(file)[0]!.message).toBe('standard TEL-01: a threshold needs min, max or both');
  });

  it.each([-0.1, 1.5])('refuses target %d', (target) => {
    const file = base();
    file.standards[0]!.target = target;
    const [issue] = issuesOf(file);
    expect(issue!.path).toBe('standards.0.target');
    expect(issue!.message).toMatch(/^standard TEL-01: target must be between 0 and 1/);
  });

  it('refuses a duplicate standard code, naming it', () => {
    const file = base();
    file.standards.push({ ...file.standards[0]! });
    const [issue] = issuesOf(file);
    expect(issue!.path).toBe('standards.1');
    expect(issue!.message).toMatch(/standard TEL-01: duplicate standard code "TEL-01"/);
  });

  it('refuses an unknown calendar and an unknown unit in a standard', () => {
    const file = base();
    file.standards[0]!.calendar = 'night';
    file.standards[0]!.units = ['HR', 'SALES'];
    const issues = issuesOf(file);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'standards.0.calendar',
          message: 'standard TEL-01: unknown calendar "night"',
        }),
        expect.objectContaining({
          path: 'standards.0.units.1',
          message: 'standard TEL-01: unknown unit "SALES"',
        }),
      ]),
    );
  });

  it('refuses unknown units for an employee and a parent, and a parent cycle', () => {
    const file = base();
    file.employees[0]!.unit = 'LEGAL';
    file.units.push({ code: 'A', name: { ru: 'а', en: 'a' }, parent: 'B' } as never);
    file.units.push({ code: 'B', name: 'b', parent: 'A' } as never);
    file.units.push({ code: 'C', name: 'c', parent: 'NOWHERE' } as never);
    const messages = issuesOf(file).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'employees.0.unit: employee E1: unknown unit "LEGAL"',
        'units.2.parent: unit A: parent cycle A → B → A',
        'units.4.parent: unit C: unknown parent unit "NOWHERE"',
      ]),
    );
    expect(messages.filter((m) => m.includes('cycle'))).toHaveLength(1);
  });

  it.each([
    ['13:00-09:00', 'ends before it starts'],
    ['09:00-09:00', 'ends before it starts'],
    ['9:00-10:00', 'is not an interval'],
    ['09:00-24:30', 'has a time that does not exist'],
    ['25:00-26:00', 'has a time that does not exist'],
  ])('refuses the interval %s', (interval, text) => {
    const file = base();
    file.calendars[0]!.week.mon = [interval];
    const [issue] = issuesOf(file);
    expect(issue!.path).toBe('calendars.0.week.mon.0');
    expect(issue!.message).toContain(text);
  });

  it('allows 24:00 to end a day', () => {
    const file = base();
    file.calendars[0]!.shifts = { '2026-03-07': ['00:00-24:00'] };
    expect(ok(file).calendars[0]!.shifts['2026-03-07']).toEqual(['00:00-24:00']);
  });

  it('refuses an unknown zone, a bad holiday, an unknown weekday and a bad version', () => {
    const file = { ...base(), version: 'etalon/v2' };
    file.calendars[0]!.timezone = 'Mars/Olympus';
    file.calendars[0]!.holidays = ['2026-02-30'];
    (file.calendars[0]!.week as Record<string, unknown>).sat1 = [];
    const paths = issuesOf(file).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version',
        'calendars.0.timezone',
        'calendars.0.holidays.0',
        'calendars.0.week',
      ]),
    );
  });

  it.each([
    [{ type: 'threshold', field: 'ended_at', max: 3 }, 'is not a number'],
    [{ type: 'script', field: 'unit', require: ['unit'] }, 'is not what was said'],
  ])('refuses a measure on a record field that cannot hold its value: %j', (measure, text) => {
    const file = base();
    file.standards[0]!.measure = measure as never;
    expect(issuesOf(file).map((i) => i.message)).toEqual([expect.stringContaining(text)]);
  });

  it('needs a timezone without calendars, and a calendar for business time', () => {
    const { timezone: _zone, ...rest } = base();
    const file = { ...rest, calendars: [] };
    file.standards[0]!.calendar = undefined;
    file.standards[0]!.measure = { type: 'response_time', within: '4h' };
    const messages = issuesOf(file).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'a file without calendars needs a timezone',
        expect.stringMatching(/^standard TEL-01: business time needs a calendar/),
      ]),
    );
  });

  it('reads durations and refuses a zero one', () => {
    const file = base();
    file.standards[0]!.measure = { type: 'response_time', within: '2h15m30s' };
    expect(withinMs((ok(file).standards[0]!.measure as { within: string }).within)).toBe(8_130_000);
    const zero = base();
    zero.standards[0]!.measure = { type: 'response_time', within: '0s' };
    expect(issuesOf(zero).map((i) => i.message)).toEqual([expect.stringContaining('"0s" is not a duration')]);
  });

  it('accepts yearly holidays --MM-DD (with --02-29) and refuses impossible ones', () => {
    const file = base();
    file.calendars[0]!.holidays = ['2026-01-01', '--01-07', '--02-29', '--12-31'];
    expect(ok(file).calendars[0]!.holidays).toEqual(['2026-01-01', '--01-07', '--02-29', '--12-31']);
    for (const bad of ['--02-30', '--13-01', '--04-31', '-01-07', '--1-7', '01-07']) {
      const refused = base();
      refused.calendars[0]!.holidays = ['2026-01-01', bad];
      expect(issuesOf(refused).map((i) => [i.path, i.message])).toEqual([
        ['calendars.0.holidays.1', 'must be a date YYYY-MM-DD, or --MM-DD for every year'],
      ]);
    }
  });

  it('takes a calendar name in one language or both, and refuses an empty one', () => {
    const file = base();
    (file.calendars[0] as Record<string, unknown>).name = { ru: 'офис', en: 'office' };
    expect(ok(file).calendars[0]!.name).toEqual({ ru: 'офис', en: 'office' });
    (file.calendars[0] as Record<string, unknown>).name = {};
    expect(issuesOf(file).map((i) => i.path)).toEqual(['calendars.0.name']);
  });

  it('keeps description, why, owner and grid cells of a standard', () => {
    const file = base();
    Object.assign(file.standards[0]!, {
      description: { ru: 'Снимите трубку до третьего гудка', en: 'Pick up before the third ring' },
      why: 'Callers hang up',
      owner: 'E1',
      grid_cells: [
        { provider: 'HR', recipient: 'ORG' },
        { provider: 'employee:E1', recipient: 'ORG' },
      ],
    });
    const s = ok(file).standards[0]!;
    expect(s.description).toEqual({
      ru: 'Снимите трубку до третьего гудка',
      en: 'Pick up before the third ring',
    });
    expect(s.why).toBe('Callers hang up');
    expect(s.owner).toBe('E1');
    expect(s.grid_cells).toHaveLength(2);
    Object.assign(file.standards[0]!, { grid_cells: [], owner: '', why: { de: 'x' } });
    expect([...new Set(issuesOf(file).map((i) => i.path))].sort()).toEqual([
      'standards.0.grid_cells',
      'standards.0.owner',
      'standards.0.why',
    ]);
    Object.assign(file.standards[0]!, { grid_cells: [{ provider: 'HR' }], owner: 'E1', why: 'x' });
    expect(issuesOf(file).map((i) => i.path)).toEqual(['standards.0.grid_cells.0.recipient']);
  });

  it("fills a rating's and a checklist's defaults", () => {
    const file = base();
    file.standards[0]!.measure = { type: 'rating', scale: '1-5', pass_min: 4 };
    expect(ok(file).standards[0]!.measure).toEqual({
      type: 'rating',
      scale: '1-5',
      pass_min: 4,
      weight: 1,
      critical: false,
      allow_na: true,
    });
    file.standards[0]!.measure = { type: 'rating', scale: 'yes_no' };
    expect(ok(file).standards[0]!.measure).toMatchObject({ scale: 'yes_no' });
    file.standards[0]!.measure = {
      type: 'checklist',
      critical: true,
      allow_na: false,
      weight: 2,
      guidance: 'x',
    };
    expect(ok(file).standards[0]!.measure).toEqual({
      type: 'checklist',
      critical: true,
      allow_na: false,
      weight: 2,
      guidance: 'x',
    });
  });

  it.each([
    [{ type: 'rating', scale: '1-5' }, 'standards.0.measure.pass_min', 'a 1-5 rating needs pass_min (1…5)'],
    [
      { type: 'rating', scale: '1-3', pass_min: 4 },
      'standards.0.measure.pass_min',
      "pass_min 4 is above the scale's top 3",
    ],
    [{ type: 'rating', scale: '1-4', pass_min: 0 }, 'standards.0.measure.pass_min', ''],
    [{ type: 'rating', scale: '1-10', pass_min: 5 }, 'standards.0.measure.scale', ''],
    [
      { type: 'rating', scale: 'yes_no', labels: ['no', 'yes', 'maybe'] },
      'standards.0.measure.labels',
      'a yes_no scale needs 2 labels, not 3',
    ],
    [{ type: 'checklist', weight: 0 }, 'standards.0.measure.weight', 'weight must be above 0'],
    [{ type: 'checklist', scale: '1-5' }, 'standards.0.measure', ''],
  ])('refuses the observed measure %j', (measure, path, message) => {
    const file = base();
    file.standards[0]!.measure = measure;
    const issues = issuesOf(file);
    expect(issues.map((i) => i.path)).toEqual([path]);
    if (message !== '') expect(issues[0]!.message).toBe(`standard TEL-01: ${message}`);
  });
});
