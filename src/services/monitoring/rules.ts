import {
  compileCalendar,
  roundTheClockCalendar,
  type BusinessCalendar,
} from '../../core/calendar/business-calendar';
import { applies, type CompiledStandard } from '../../core/compliance/standard';
import { evaluateRecord } from '../../core/compliance/evaluate-record';
import type { EvaluationContext } from '../../core/compliance/evaluation-context';
import type { Channel, Interaction } from '../../core/compliance/interaction';
import type { VerdictKind } from '../../core/compliance/verdict';
import type { PeriodKind } from '../../core/time/period';
import { organizationZone } from '../../core/org/unit-settings';
import { versionInForce } from '../../core/standards/versions';
import type { CalendarDefinition, StandardDefinition } from '../../contract/catalog.schema';
import type { Db } from '../../db/database';
import { catalogRepository } from '../../db/catalog.repository';
import { compileStandard, judgedByRecords } from '../evaluation/compile-standards';

/** One standard's verdict on one stored record. */
export interface JudgedVerdict {
  standard: string;
  version: number;
  verdict: VerdictKind;
  reason: string;
  /** The record's local date in the standard's calendar, as days since 1970-01-01. */
  day: number;
  /** For a pending verdict: the instant it becomes a breach if no reply comes; else null. */
  dueAt: number | null;
}

/** A published version of a standard, as monitoring needs it for results. */
export interface StandardVersionInfo {
  code: string;
  version: number;
  target: number;
  period: PeriodKind;
  title: StandardDefinition['title'];
  channels: readonly Channel[] | undefined;
  /** Epoch ms it takes effect. */
  effectiveFromMs: number;
  /**
   * Judged by people (a `rating` or `checklist` measure), not by records: its results come from
   * submitted audits (`countObserved` in the monitoring service), never from `judge`.
   */
  observed: boolean;
}

export interface UnitInfo {
  id: string;
  code: string;
  parentId: string | null;
  nameRu: string | null;
  nameEn: string | null;
}

export interface EmployeeInfo {
  id: string;
  code: string;
  names: readonly string[];
}

/** A span in which named standards do not apply (an outage, a fire drill). */
export interface ExclusionRule {
  id: string;
  startMs: number;
  endMs: number;
  /** Unit codes, each with everything below it; null = every unit. */
  units: ReadonlySet<string> | null;
  channels: ReadonlySet<string> | null;
  standards: ReadonlySet<string> | null;
  reason: string;
}

interface Epoch {
  /** In force from this instant until the next epoch's. */
  startMs: number;
  standards: ReadonlyArray<{ version: number; compiled: CompiledStandard }>;
  /** Every standard in force (judged by records or observed) → the calendar its days are in. */
  dayCalendars: ReadonlyMap<string, BusinessCalendar>;
  /** The calendar of a standard not in force: the first in force by code, or round the clock. */
  defaultCalendar: BusinessCalendar;
}

/**
 * Everything needed to judge any record at any instant: every version of every standard and
 * calendar, laid out as **epochs** (the spans between consecutive `effective_from` instants, in
 * each of which one set of versions is in force), the organization's directory, and the
 * exclusion windows. Built from the catalog in a few milliseconds; judging a record is a binary
 * search for its epoch and one pass over that epoch's standards.
 */
export interface Rules {
  /**
   * Every applicable standard's verdict on a record, as of `asOfMs`. A pass's reason is left empty
   * unless `explainPasses` (storing millions of "answered by the 2nd ring" is all cost and no use;
   * the record page asks for them).
   */
  judge(record: Interaction, asOfMs: number, explainPasses?: boolean): JudgedVerdict[];
  units: ReadonlyMap<string, UnitInfo>;
  unitsById: ReadonlyMap<string, UnitInfo>;
  employees: ReadonlyMap<string, EmployeeInfo>;
  employeesById: ReadonlyMap<string, EmployeeInfo>;
  /**
   * Every published version of every standard, by code then version: those judged by records and
   * the observed ones (`observed: true`), so both appear in the same results.
   */
  versions: ReadonlyMap<string, ReadonlyMap<number, StandardVersionInfo>>;
  /**
   * The local date (days since 1970-01-01) of an instant in the calendar a standard is judged on at
   * that instant — the day a record or an observation of it is counted on.
   */
  localDay(standard: string, ms: number): number;
  /** Columns thresholds read (a non-number there is bad input) and texts scripts read. */
  numericFields: ReadonlySet<string>;
  textFields: ReadonlySet<string>;
  /** The codes of `unit` and every unit below it. */
  subtree(unitCode: string): string[];
  /** What these rules were built from: plain data, so another thread can build the same rules. */
  input: RulesInput;
}

export interface RulesInput {
  standards: ReadonlyArray<{ code: string; versions: ReadonlyArray<VersionRow<StandardDefinition>> }>;
  calendars: ReadonlyArray<{ code: string; versions: ReadonlyArray<VersionRow<CalendarDefinition>> }>;
  units: readonly UnitInfo[];
  employees: readonly EmployeeInfo[];
  exclusions: readonly ExclusionRule[];
  /** The zone of a round-the-clock calendar for standards when the catalog has no calendar. */
  defaultTimezone: string;
}

export interface VersionRow<D> {
  version: number;
  effective_from: string;
  definition: D | null;
}

/** Reads the catalog, the organization and the exclusion windows, and builds {@link Rules}. */
export async function loadRules(db: Db): Promise<Rules> {
  const [standards, calendars, units, employees, windows] = await Promise.all([
    catalogRepository.entriesWithVersions(db, 'standard'),
    catalogRepository.entriesWithVersions(db, 'calendar'),
    db.selectFrom('units').select(['id', 'code', 'parent_id', 'name_ru', 'name_en', 'timezone']).execute(),
    db.selectFrom('employees').select(['id', 'code', 'name_ru', 'name_en']).execute(),
    db.selectFrom('exclusion_windows').selectAll().where('deleted_at', 'is', null).execute(),
  ]);
  const parse = <D>(rows: (typeof standards)[number]['versions']): VersionRow<D>[] =>
    rows.map((v) => ({
      version: v.version,
      effective_from: v.effective_from,
      definition: v.definition === null ? null : (JSON.parse(v.definition) as D),
    }));
  const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
  return buildRules({
    standards: standards.map((s) => ({
      code: s.entry.code,
      versions: parse<StandardDefinition>(s.versions),
    })),
    calendars: calendars.map((c) => ({
      code: c.entry.code,
      versions: parse<CalendarDefinition>(c.versions),
    })),
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      parentId: u.parent_id,
      nameRu: u.name_ru,
      nameEn: u.name_en,
    })),
    employees: employees.map((e) => ({
      id: e.id,
      code: e.code,
      names: [e.name_ru, e.name_en].filter((n): n is string => n !== null),
    })),
    exclusions: windows.map((w) => ({
      id: w.id,
      startMs: Date.parse(w.starts_at),
      endMs: Date.parse(w.ends_at),
      units:
        w.unit_ids === null
          ? null
          : new Set((JSON.parse(w.unit_ids) as string[]).map((id) => unitCodeById.get(id) ?? `#${id}`)),
      channels: w.channels === null ? null : new Set(JSON.parse(w.channels) as string[]),
      standards: w.standards === null ? null : new Set(JSON.parse(w.standards) as string[]),
      reason: w.reason,
    })),
    defaultTimezone: organizationZone(units),
  });
}

const isoOf = (ms: number) => new Date(ms).toISOString();

/**
 * Builds {@link Rules} from plain data (see `loadRules`). A standard without a `calendar` is judged
 * on the first calendar in force by code — as `etalon evaluate` does with the exported file, whose
 * calendars are sorted by code — or, with none, on a round-the-clock calendar in `defaultTimezone`.
 */
export function buildRules(input: RulesInput): Rules {
  const boundaries = new Set<number>();
  for (const entry of [...input.standards, ...input.calendars])
    for (const v of entry.versions) boundaries.add(Date.parse(v.effective_from));
  const starts = [...boundaries].sort((a, b) => a - b);

  const compiledCalendars = new Map<string, BusinessCalendar>();
  const calendarOf = (
    code: string,
    version: number,
    definition: CalendarDefinition,
  ): [string, BusinessCalendar] => {
    const key = `${code}\u0000${version}`;
    let cal = compiledCalendars.get(key);
    if (!cal) {
      cal = compileCalendar(definition);
      compiledCalendars.set(key, cal);
    }
    return [key, cal];
  };
  const fallback = roundTheClockCalendar(input.defaultTimezone);
  const compiledStandards = new Map<string, CompiledStandard>();
  const numericFields = new Set<string>();
  const textFields = new Set<string>();
  const versions = new Map<string, Map<number, StandardVersionInfo>>();

  for (const s of input.standards) {
    for (const v of s.versions) {
      const d = v.definition;
      if (d === null) continue;
      const byRecords = judgedByRecords(d);
      if (
        byRecords &&
        d.measure.type === 'threshold' &&
        d.measure.field !== 'rings' &&
        d.measure.field !== 'wait_seconds'
      )
        numericFields.add(d.measure.field);
      if (
        byRecords &&
        d.measure.type === 'script' &&
        d.measure.field !== 'greeting' &&
        d.measure.field !== 'template'
      )
        textFields.add(d.measure.field);
      let byVersion = versions.get(s.code);
      if (!byVersion) versions.set(s.code, (byVersion = new Map()));
      byVersion.set(v.version, {
        code: s.code,
        version: v.version,
        target: d.target,
        period: d.period,
        title: d.title,
        channels: d.channels,
        effectiveFromMs: Date.parse(v.effective_from),
        observed: !byRecords,
      });
    }
  }

  const epochs: Epoch[] = starts.map((startMs) => {
    const at = isoOf(startMs);
    // code → [cache key, calendar], in code order: the first is the default.
    const calendarsInForce = new Map<string, [string, BusinessCalendar]>();
    for (const c of [...input.calendars].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      const v = versionInForce(c.versions, at);
      if (v?.definition) calendarsInForce.set(c.code, calendarOf(c.code, v.version, v.definition));
    }
    const first: [string, BusinessCalendar] = calendarsInForce.values().next().value ?? ['', fallback];
    const standards: Array<{ version: number; compiled: CompiledStandard }> = [];
    const dayCalendars = new Map<string, BusinessCalendar>();
    for (const s of input.standards) {
      const v = versionInForce(s.versions, at);
      const d = v?.definition;
      if (!v || !d) continue;
      const [calendarKey, calendar] =
        d.calendar === undefined ? first : (calendarsInForce.get(d.calendar) ?? first);
      dayCalendars.set(s.code, calendar);
      if (!judgedByRecords(d)) continue;
      const key = `${s.code}\u0000${v.version}\u0000${calendarKey}`;
      let compiled = compiledStandards.get(key);
      if (!compiled) {
        compiled = compileStandard(d, calendar);
        compiledStandards.set(key, compiled);
      }
      standards.push({ version: v.version, compiled });
    }
    return { startMs, standards, dayCalendars, defaultCalendar: first[1] };
  });

  const units = new Map(input.units.map((u) => [u.code, u]));
  const unitsById = new Map(input.units.map((u) => [u.id, u]));
  const ancestorsByCode = new Map<string, readonly string[]>();
  const ancestors = (code: string): readonly string[] => {
    let known = ancestorsByCode.get(code);
    if (known) return known;
    const chain: string[] = [];
    for (let p = units.get(code)?.parentId ?? null; p !== null;) {
      const parent = unitsById.get(p);
      if (!parent || chain.includes(parent.code)) break;
      chain.push(parent.code);
      p = parent.parentId;
    }
    known = chain;
    ancestorsByCode.set(code, known);
    return known;
  };
  const unitNames = (code: string): readonly string[] => {
    const u = units.get(code);
    return u ? [u.nameRu, u.nameEn].filter((n): n is string => n !== null) : [];
  };
  const employees = new Map(input.employees.map((e) => [e.code, e]));
  const employeeNames = (code: string) => employees.get(code)?.names ?? [];
  const contexts = new Map<CompiledStandard, EvaluationContext>();
  const contextOf = (standard: CompiledStandard, asOfMs: number, explainPasses: boolean) => {
    let ctx = contexts.get(standard);
    if (!ctx) {
      ctx = { calendar: standard.calendar, explain: 'unless-pass', asOfMs, unitNames, employeeNames };
      contexts.set(standard, ctx);
    }
    ctx.asOfMs = asOfMs;
    ctx.explain = explainPasses ? true : 'unless-pass';
    return ctx;
  };
  const exclusions = input.exclusions;

  const epochAt = (ms: number): Epoch | undefined => {
    let lo = 0;
    let hi = epochs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (epochs[mid]!.startMs <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : epochs[found];
  };

  return {
    judge(record, asOfMs, explainPasses = false) {
      const epoch = epochAt(record.started_at);
      if (!epoch) return [];
      const up = ancestors(record.unit);
      const out: JudgedVerdict[] = [];
      // Standards mostly share a calendar: the record's local day is looked up once per calendar.
      let dayCalendar: BusinessCalendar | undefined;
      let day = 0;
      for (const { version, compiled } of epoch.standards) {
        if (!applies(compiled, record.channel, record.unit, up)) continue;
        if (compiled.calendar !== dayCalendar) {
          dayCalendar = compiled.calendar;
          day = dayCalendar.localParts(record.started_at).epochDay;
        }
        const window =
          exclusions.length === 0 ? undefined : excludedBy(exclusions, record, compiled.code, up);
        if (window) {
          out.push({
            standard: compiled.code,
            version,
            verdict: 'na',
            reason: `excluded ${isoOf(window.startMs)} – ${isoOf(window.endMs)}: ${window.reason}`,
            day,
            dueAt: null,
          });
          continue;
        }
        const v = evaluateRecord(record, compiled, contextOf(compiled, asOfMs, explainPasses));
        out.push({
          standard: compiled.code,
          version,
          verdict: v.verdict,
          reason: v.reason,
          day,
          dueAt: v.verdict === 'pending' ? breachAt(record, compiled) : null,
        });
      }
      return out;
    },
    localDay(standard, ms) {
      const epoch = epochAt(ms);
      const calendar = epoch ? (epoch.dayCalendars.get(standard) ?? epoch.defaultCalendar) : fallback;
      return calendar.localParts(ms).epochDay;
    },
    units,
    unitsById,
    employees,
    employeesById: new Map(input.employees.map((e) => [e.id, e])),
    versions,
    numericFields,
    textFields,
    input,
    subtree(unitCode) {
      const out: string[] = [];
      for (const u of input.units)
        if (u.code === unitCode || ancestors(u.code).includes(unitCode)) out.push(u.code);
      return out;
    },
  };
}

function excludedBy(
  windows: readonly ExclusionRule[],
  record: Interaction,
  standard: string,
  ancestors: readonly string[],
): ExclusionRule | undefined {
  for (const w of windows) {
    if (record.started_at < w.startMs || record.started_at >= w.endMs) continue;
    if (w.standards && !w.standards.has(standard)) continue;
    if (w.channels && !w.channels.has(record.channel)) continue;
    if (w.units && !w.units.has(record.unit) && !ancestors.some((a) => w.units!.has(a))) continue;
    return w;
  }
  return undefined;
}

/**
 * When an unanswered record's pending verdict turns into a breach: the first millisecond past the
 * allowed time (the engine fails a reply only when the elapsed time exceeds `within`).
 */
function breachAt(record: Interaction, standard: CompiledStandard): number | null {
  const m = standard.measure;
  if (m.type !== 'response_time') return null;
  const end =
    m.clock === 'business'
      ? standard.calendar.instantAfter(record.started_at, m.withinMs)
      : record.started_at + m.withinMs;
  return Number.isFinite(end) ? end + 1 : null;
}
