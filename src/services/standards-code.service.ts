import { Document, isScalar, visit } from 'yaml';
import { AppError, assertCan } from '../core';
import { organizationZone } from '../core/org/unit-settings';
import { parseIsoDate } from '../core/time/civil-date';
import { zonedTime } from '../core/time/zoned-time';
import {
  ProposalSummary,
  type ApplyResult,
  type CalendarDefinition,
  type ProposalChange,
  type ProposalChangeView,
  type StandardDefinition,
} from '../contract/catalog.schema';
import type { ImportProblem } from '../contract/org-transfer.schema';
import {
  parseStandardsFile,
  STANDARDS_FILE_VERSION,
  type LocalizedName,
} from '../contract/standards-file.schema';
import { OrgCode, OrgNames } from '../contract/unit.schema';
import { catalogRepository, type CatalogEntryWithVersions } from '../db/catalog.repository';
import type { Db } from '../db/database';
import { employeeRepository, type EmployeeRow } from '../db/employee.repository';
import { gridCellRepository } from '../db/grid-cell.repository';
import { newId } from '../db/ids';
import { settingRepository } from '../db/setting.repository';
import { unitRepository, type UnitRow } from '../db/unit.repository';
import { recordChange } from './audit-recorder';
import { catalogInForce } from './catalog-in-force';
import { refuseImport } from './org-transfer.service';
import { presentEmployee, presentUnit } from './presenters';
import { createProposalService } from './proposal.service';
import type { CallContext, ServiceDeps } from './service-context';
import { bindsUnit, indexUnits } from './standards-code/binding';
import { namesOf, normalizeCalendar, normalizeStandard, sameDefinition } from './standards-code/definitions';
import { readYaml } from './standards-code/yaml-file';
import { TREE_LOCK } from './unit.service';

export interface ExportOptions {
  /** A unit code: only the standards that bind it. */
  unit?: string | undefined;
}

export interface ApplyOptions {
  dryRun: boolean;
  /** Publish at once (administrators) instead of leaving the proposal for approval. */
  publish: boolean;
  /** ISO instant the changes take effect (may be in the past when publishing at once). */
  effectiveFrom?: string | undefined;
  title?: string | undefined;
  /** Named in the proposal's title and in every problem (`standards.yaml:12`). */
  fileName: string;
}

interface OrgState {
  units: UnitRow[];
  employees: EmployeeRow[];
  standards: CatalogEntryWithVersions[];
  calendars: CatalogEntryWithVersions[];
  /** Calendars in force now: what a standard may name besides the file's own. */
  calendarsInForce: CalendarDefinition[];
  /** The grid's cells as `provider_key|recipient_unit_id`. */
  cells: Set<string>;
}

/** A unit or employee of the file to create or update, with the row it becomes. */
interface OrgWrite<R> {
  before: R | undefined;
  after: R;
}

interface Plan {
  changes: ProposalChange[];
  views: ProposalChangeView[];
  units: OrgWrite<UnitRow>[];
  employees: OrgWrite<EmployeeRow>[];
  summary: string;
  /** The zone a bare date (`--effective-from 2026-01-01`) starts in: the file's, else the organization's. */
  zone: string;
}

/** Strings a YAML 1.1 reader would not read back as strings: times, dates, numbers, yes/no. */
const AMBIGUOUS = /^(?:[-+.:\d][-+.:\deE_]*|y|n|yes|no|on|off|true|false|null|~)$/i;

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The latest version of an entry (undefined when it has none). */
const latest = (e: CatalogEntryWithVersions | undefined) =>
  e?.versions.reduce<(typeof e.versions)[number] | undefined>(
    (best, v) => (best === undefined || v.version > best.version ? v : best),
    undefined,
  );

/**
 * Standards as code: the catalog in force written as an `etalon/v1` file, and a file applied back —
 * its standards and calendars as a proposal (published at once with `publish`), its units and
 * employees created or updated by code. A file that does not validate, against itself and the
 * database, changes nothing. Entries missing from a file are kept (files may be partial).
 */
export function createStandardsCodeService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const proposals = createProposalService(deps);

  async function loadState(tx: Db): Promise<OrgState> {
    const total = await employeeRepository.count(tx);
    const [units, employees, standards, calendars, inForce, cells] = await Promise.all([
      unitRepository.all(tx),
      employeeRepository.list(tx, {}, { limit: total, offset: 0 }),
      catalogRepository.entriesWithVersions(tx, 'standard'),
      catalogRepository.entriesWithVersions(tx, 'calendar'),
      catalogInForce(tx, 'calendar', clock().toISOString()),
      gridCellRepository.all(tx),
    ]);
    return {
      units,
      employees,
      standards,
      calendars,
      calendarsInForce: inForce.map((c) => normalizeCalendar(c.definition)),
      cells: new Set(cells.map((c) => `${c.provider_key}|${c.recipient_unit_id}`)),
    };
  }

  /**
   * Checks the file against the schema and the database, and works out what it changes. The
   * schema's cross-references see the database's units and the catalog's calendars as if the file
   * listed them too, so a file may name what already exists. Every problem refuses the file.
   */
  function plan(text: string, state: OrgState, options: ApplyOptions, at: Date): Plan {
    const fileName = options.fileName;
    const read = readYaml(text, fileName);
    if (!read.ok) refuseImport(read.problems);
    const problems: ImportProblem[] = [];
    const problem = (keys: (string | number)[], message: string) =>
      problems.push({ sheet: fileName, line: read.lineOf(keys), field: keys.join('.'), message });

    const raw = read.raw;
    const rawObject =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as Record<string, unknown>)
        : undefined;
    const rawList = (key: string) => {
      const v = rawObject?.[key];
      return v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : undefined;
    };
    const codesIn = (items: unknown[] | undefined, key: string) =>
      new Set(
        (items ?? []).flatMap((i) => {
          const c = (i as Record<string, unknown> | null)?.[key];
          return typeof c === 'string' ? [c] : [];
        }),
      );
    const fileUnits = rawList('units');
    const fileCalendars = rawList('calendars');
    const unitById = new Map(state.units.map((u) => [u.id, u]));
    const input = rawObject ? { ...rawObject } : raw;
    if (rawObject && fileUnits) {
      const listed = codesIn(fileUnits, 'code');
      const stubs = state.units
        .filter((u) => !listed.has(u.code))
        .map((u) => {
          const parent = u.parent_id ? unitById.get(u.parent_id)?.code : undefined;
          return { code: u.code, name: u.code, ...(parent ? { parent } : {}) };
        });
      (input as Record<string, unknown>).units = [...fileUnits, ...stubs];
    }
    if (rawObject && fileCalendars) {
      const listed = codesIn(fileCalendars, 'id');
      const known = state.calendarsInForce.filter((c) => !listed.has(c.id));
      (input as Record<string, unknown>).calendars = [...fileCalendars, ...known];
    }
    const parsed = parseStandardsFile(input);
    if (!parsed.ok)
      for (const issue of parsed.issues) {
        // Issues about what the database lent the check are not the file's (and cannot be placed).
        const [section, index] = issue.keys;
        const count =
          section === 'units'
            ? fileUnits?.length
            : section === 'calendars'
              ? fileCalendars?.length
              : undefined;
        if (typeof index === 'number' && count !== undefined && index >= count) continue;
        problem(issue.keys, issue.message);
      }

    // The organization's own rules for codes and names, and references the schema leaves to the
    // server — checked on the file as written even when its shape is wrong, so all come at once.
    type Loose = Record<string, unknown>;
    const objects = (items: unknown[] | undefined): Loose[] =>
      (items ?? []).map((x) => (x !== null && typeof x === 'object' ? (x as Loose) : {}));
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const strings = (v: unknown) => (Array.isArray(v) ? v.map(str) : []);
    const looseUnits = objects(fileUnits);
    const looseEmployees = objects(rawList('employees'));
    const looseStandards = objects(rawList('standards'));
    const dbUnit = new Map(state.units.map((u) => [u.code, u]));
    const dbEmployee = new Map(state.employees.map((e) => [e.code, e]));
    const fileEmployeeCodes = new Set(looseEmployees.flatMap((e) => str(e.code) ?? []));
    const checkOrg = (section: 'units' | 'employees', i: number, item: Loose) => {
      const what = section === 'units' ? 'unit' : 'employee';
      const code = str(item.code);
      if (code === undefined) return;
      const c = OrgCode.safeParse(code);
      if (!c.success || c.data !== code)
        problem(
          [section, i, 'code'],
          `${what} ${code}: code ${c.success ? 'has spaces around it' : c.error.issues[0]!.message}`,
        );
      const name = item.name;
      if (typeof name !== 'string' && (name === null || typeof name !== 'object')) return;
      const n = OrgNames.safeParse(
        Object.fromEntries(Object.entries(namesOf(name as LocalizedName)).filter(([, v]) => v !== null)),
      );
      if (!n.success) problem([section, i, 'name'], `${what} ${code}: name ${n.error.issues[0]!.message}`);
    };
    // Applying keeps a unit's status: one archived in the database stays archived.
    const archived = (code: string | undefined) =>
      code !== undefined && dbUnit.get(code)?.status === 'archived';
    looseUnits.forEach((u, i) => {
      checkOrg('units', i, u);
      if (!archived(str(u.code)) && archived(str(u.parent)))
        problem(['units', i, 'parent'], `unit ${str(u.code)}: parent unit "${str(u.parent)}" is archived`);
    });
    looseEmployees.forEach((e, i) => {
      checkOrg('employees', i, e);
      if (archived(str(e.unit)) && dbEmployee.get(str(e.code) ?? '')?.status !== 'left')
        problem(['employees', i, 'unit'], `employee ${str(e.code)}: unit "${str(e.unit)}" is archived`);
    });
    const employeeKnown = (code: string) => fileEmployeeCodes.has(code) || dbEmployee.has(code);
    const providerKey = (provider: string) => {
      if (!provider.startsWith('employee:'))
        return dbUnit.has(provider) ? `unit:${dbUnit.get(provider)!.id}` : undefined;
      const e = dbEmployee.get(provider.slice('employee:'.length));
      return e ? `employee:${e.id}` : undefined;
    };
    looseStandards.forEach((s, i) => {
      const code = str(s.code) ?? `#${i + 1}`;
      strings(s.units).forEach((unit, j) => {
        if (archived(unit))
          problem(['standards', i, 'units', j], `standard ${code}: unit "${unit}" is archived`);
      });
      const owner = str(s.owner);
      if (owner !== undefined && !employeeKnown(owner))
        problem(['standards', i, 'owner'], `standard ${code}: unknown owner employee "${owner}"`);
      // A file cannot make grid cells: the cells a standard backs must be in the grid already.
      objects(Array.isArray(s.grid_cells) ? s.grid_cells : []).forEach((cell, j) => {
        const [provider, recipientCode] = [str(cell.provider), str(cell.recipient)];
        if (provider === undefined || recipientCode === undefined) return;
        const key = providerKey(provider);
        const recipient = dbUnit.get(recipientCode);
        if (key === undefined || recipient === undefined || !state.cells.has(`${key}|${recipient.id}`))
          problem(
            ['standards', i, 'grid_cells', j],
            `standard ${code}: no grid cell from "${provider}" to "${recipientCode}"`,
          );
      });
    });
    // In line order; issues on one line keep the order they were found in.
    if (!parsed.ok || problems.length > 0) refuseImport([...problems].sort((a, b) => a.line - b.line));
    const file = parsed.value;
    const units = file.units.slice(0, fileUnits?.length ?? 0);
    const calendars = file.calendars.slice(0, fileCalendars?.length ?? 0);

    // Standards and calendars: each against its entry's latest version.
    const changes: ProposalChange[] = [];
    const views: ProposalChangeView[] = [];
    const diff = <D>(
      entity: 'standard' | 'calendar',
      code: string,
      definition: D,
      entries: CatalogEntryWithVersions[],
      normalize: (d: unknown) => D,
    ) => {
      const entry = entries.find((e) => e.entry.code === code);
      const last = latest(entry);
      const before = last?.definition ? normalize(JSON.parse(last.definition)) : null;
      if (before !== null && sameDefinition(before, definition)) return;
      const action = last === undefined ? 'add' : 'change';
      const base = last?.version ?? null;
      changes.push({ entity, action, code, base_version: base, definition } as ProposalChange);
      views.push({
        entity,
        action,
        code,
        base_version: base,
        before: before as StandardDefinition | CalendarDefinition | null,
        after: definition as StandardDefinition | CalendarDefinition,
        stale: false,
      });
    };
    for (const c of calendars)
      diff('calendar', c.id, normalizeCalendar(c), state.calendars, normalizeCalendar);
    for (const s of file.standards)
      diff('standard', s.code, normalizeStandard(s), state.standards, normalizeStandard);

    // Units (parents first) and employees, created or updated by code; other fields kept.
    const stamp = at.toISOString();
    const unitWrites: OrgWrite<UnitRow>[] = [];
    const idOfUnit = new Map(state.units.map((u) => [u.code, u.id]));
    for (const u of units) if (!idOfUnit.has(u.code)) idOfUnit.set(u.code, newId(at.getTime()));
    const parentOf = new Map(
      state.units.map((u) => [u.code, u.parent_id ? unitById.get(u.parent_id)?.code : undefined]),
    );
    for (const u of units) parentOf.set(u.code, u.parent);
    const depth = (code: string) => {
      let d = 0;
      for (let up = parentOf.get(code); up !== undefined && d <= parentOf.size; up = parentOf.get(up)) d++;
      return d;
    };
    for (const u of [...units].sort((a, b) => depth(a.code) - depth(b.code) || byCode(a, b))) {
      const names = namesOf(u.name);
      const parentId = u.parent === undefined ? null : idOfUnit.get(u.parent)!;
      const before = dbUnit.get(u.code);
      if (
        before &&
        before.name_ru === names.ru &&
        before.name_en === names.en &&
        before.parent_id === parentId
      )
        continue;
      unitWrites.push({
        before,
        after: before
          ? { ...before, name_ru: names.ru, name_en: names.en, parent_id: parentId, updated_at: stamp }
          : {
              id: idOfUnit.get(u.code)!,
              code: u.code,
              name_ru: names.ru,
              name_en: names.en,
              parent_id: parentId,
              // The file's time zone is the organization's: a new top unit takes it.
              timezone: parentId === null ? (file.timezone ?? null) : null,
              calendar: null,
              contact: null,
              status: 'active',
              created_at: stamp,
              updated_at: stamp,
            },
      });
    }
    const employeeWrites: OrgWrite<EmployeeRow>[] = [];
    for (const e of file.employees) {
      const names = namesOf(e.name);
      const unitId = idOfUnit.get(e.unit)!;
      const before = dbEmployee.get(e.code);
      if (before && before.name_ru === names.ru && before.name_en === names.en && before.unit_id === unitId)
        continue;
      employeeWrites.push({
        before,
        after: before
          ? { ...before, name_ru: names.ru, name_en: names.en, unit_id: unitId, updated_at: stamp }
          : {
              id: newId(at.getTime()),
              code: e.code,
              name_ru: names.ru,
              name_en: names.en,
              position: null,
              unit_id: unitId,
              email: null,
              extensions: '[]',
              user_id: null,
              status: 'active',
              created_at: stamp,
              updated_at: stamp,
            },
      });
    }

    const count = (entity: string, action: string) =>
      changes.filter((c) => c.entity === entity && c.action === action).length;
    const parts = [
      [count('standard', 'add'), 'standard(s) added'],
      [count('standard', 'change'), 'standard(s) changed'],
      [count('calendar', 'add'), 'calendar(s) added'],
      [count('calendar', 'change'), 'calendar(s) changed'],
    ] as const;
    const summary =
      `Applied from ${fileName}: ` +
      (parts
        .filter(([n]) => n > 0)
        .map(([n, what]) => `${n} ${what}`)
        .join(', ') || 'no standard or calendar changes') +
      '. Standards and calendars missing from the file are kept as they are.';
    const firstCalendar = fileCalendars?.[0] as { timezone?: unknown } | undefined;
    const zone =
      [rawObject?.timezone, firstCalendar?.timezone].find((z): z is string => typeof z === 'string') ??
      organizationZone(state.units);
    return { changes, views, units: unitWrites, employees: employeeWrites, summary, zone };
  }

  async function writeOrg(tx: Db, ctx: CallContext, p: Plan, now: Date) {
    for (const u of p.units) {
      if (u.before) {
        const { id, created_at: _created, ...changes } = u.after;
        await unitRepository.update(tx, id, changes);
      } else await unitRepository.insert(tx, u.after);
    }
    for (const e of p.employees) {
      if (e.before) {
        const { id, created_at: _created, ...changes } = e.after;
        await employeeRepository.update(tx, id, changes);
      } else await employeeRepository.insert(tx, e.after);
    }
    const heads = await unitRepository.headsOf(tx);
    for (const u of p.units) {
      const h = heads.get(u.after.id) ?? [];
      await recordChange(tx, ctx, now, {
        action: !u.before
          ? 'unit.create'
          : u.before.parent_id !== u.after.parent_id
            ? 'unit.move'
            : 'unit.update',
        entity: 'unit',
        entityId: u.after.id,
        ...(u.before ? { before: presentUnit(u.before, h) } : {}),
        after: presentUnit(u.after, h),
      });
    }
    for (const e of p.employees)
      await recordChange(tx, ctx, now, {
        action: e.before ? 'employee.update' : 'employee.create',
        entity: 'employee',
        entityId: e.after.id,
        ...(e.before ? { before: presentEmployee(e.before) } : {}),
        after: presentEmployee(e.after),
      });
  }

  return {
    /**
     * The published catalog in force now as an `etalon/v1` file: calendars, active units and
     * employees (and any a standard names), standards; each sorted by code. With `unit`, only the
     * standards binding that unit (its own, its ancestors', organization-wide ones).
     */
    async exportYaml(ctx: CallContext, options: ExportOptions = {}): Promise<string> {
      assertCan(ctx.actor, 'standards.read');
      assertCan(ctx.actor, 'org.read');
      const now = clock().toISOString();
      const state = await loadState(db);
      const tree = indexUnits(state.units);
      let standards = (await catalogInForce(db, 'standard', now)).map((s) => normalizeStandard(s.definition));
      if (options.unit !== undefined) {
        const unit = state.units.find((u) => u.code === options.unit);
        if (!unit)
          throw new AppError('not_found', `No unit with code ${options.unit}`, {
            entity: 'unit',
            code: options.unit,
          });
        standards = standards.filter((s) => bindsUnit(s, unit, tree));
      }
      const calendars = (await catalogInForce(db, 'calendar', now)).map((c) =>
        normalizeCalendar(c.definition),
      );

      // Active people and units, and whatever a standard names even if it left or was archived.
      const employees = state.employees.filter((e) => e.status === 'active');
      const named = new Set(
        standards.flatMap((s) => [
          ...(s.owner ? [s.owner] : []),
          ...(s.grid_cells ?? []).flatMap((c) =>
            c.provider.startsWith('employee:') ? [c.provider.slice('employee:'.length)] : [],
          ),
        ]),
      );
      for (const e of state.employees) if (e.status !== 'active' && named.has(e.code)) employees.push(e);
      const unitCodes = new Set(state.units.filter((u) => u.status === 'active').map((u) => u.code));
      for (const s of standards) {
        for (const code of s.units ?? []) unitCodes.add(code);
        for (const c of s.grid_cells ?? []) {
          unitCodes.add(c.recipient);
          if (!c.provider.startsWith('employee:')) unitCodes.add(c.provider);
        }
      }
      const unitByCode = new Map(state.units.map((u) => [u.code, u]));
      for (const e of employees) unitCodes.add(tree.byId.get(e.unit_id)?.code ?? '');
      for (const code of [...unitCodes])
        for (const id of unitByCode.has(code) ? tree.chain(unitByCode.get(code)!.id) : [])
          unitCodes.add(tree.byId.get(id)!.code);
      const names = (row: { name_ru: string | null; name_en: string | null }) => ({
        ...(row.name_ru !== null ? { ru: row.name_ru } : {}),
        ...(row.name_en !== null ? { en: row.name_en } : {}),
      });
      const units = state.units
        .filter((u) => unitCodes.has(u.code))
        .sort(byCode)
        .map((u) => ({
          code: u.code,
          name: names(u),
          ...(u.parent_id ? { parent: tree.byId.get(u.parent_id)!.code } : {}),
        }));
      const file: Record<string, unknown> = { version: STANDARDS_FILE_VERSION };
      if (calendars.length === 0) {
        file.timezone = organizationZone(state.units);
      }
      file.calendars = calendars.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      file.units = units;
      file.employees = employees.sort(byCode).map((e) => ({
        code: e.code,
        name: names(e),
        unit: tree.byId.get(e.unit_id)!.code,
      }));
      file.standards = standards.sort(byCode);
      const doc = new Document(file);
      // Short lists on one line, and strings another YAML reader could take for a number, a date
      // or a boolean (09:00, 2026-01-01, yes) in quotes: the file reads like the documented one.
      visit(doc, {
        Seq(_key, node) {
          if (node.items.every((item) => isScalar(item))) node.flow = true;
        },
        Scalar(_key, node) {
          if (typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = 'QUOTE_DOUBLE';
        },
      });
      doc.commentBefore =
        ` Etalon standards catalog in force at ${now}` +
        (options.unit !== undefined ? `, standards binding unit ${options.unit}` : '') +
        `\n Apply with: etalon standards apply -f <file> (docs/formats/standards-file.md)`;
      return doc.toString({ lineWidth: 0 });
    },

    /**
     * Applies a standards file: refuses it whole (422 `import_refused`, every problem with its line)
     * when anything is wrong; else creates or updates its units and employees, and opens a proposal
     * of its standard and calendar changes (published at once with `publish`). A dry run only says
     * what would change; a file equal to the catalog changes nothing (`no_changes`).
     */
    async apply(ctx: CallContext, text: string, options: ApplyOptions): Promise<ApplyResult> {
      assertCan(ctx.actor, 'standards.propose');
      if (options.publish) assertCan(ctx.actor, 'standards.publish');
      const now = clock();
      const result = (p: Plan, proposal: ApplyResult['proposal']): ApplyResult => ({
        dry_run: options.dryRun,
        no_changes: p.views.length === 0 && p.units.length === 0 && p.employees.length === 0,
        changes: p.views,
        units: {
          created: p.units.filter((u) => !u.before).map((u) => u.after.code),
          updated: p.units.filter((u) => u.before).map((u) => u.after.code),
        },
        employees: {
          created: p.employees.filter((e) => !e.before).map((e) => e.after.code),
          updated: p.employees.filter((e) => e.before).map((e) => e.after.code),
        },
        proposal,
      });

      if (options.dryRun) return result(plan(text, await loadState(db), options, now), null);
      const p = await db.transaction().execute(async (tx) => {
        await settingRepository.lock(tx, TREE_LOCK, now.toISOString());
        const planned = plan(text, await loadState(tx), options, now);
        if (planned.units.length > 0 || planned.employees.length > 0) {
          assertCan(ctx.actor, 'org.write');
          await writeOrg(tx, ctx, planned, now);
        }
        return planned;
      });
      if (p.changes.length === 0) return result(p, null);
      const effectiveFrom =
        options.effectiveFrom === undefined ? undefined : startOfDayIn(options.effectiveFrom, p.zone);
      // The organization first: the proposal's approvers are the heads of the units it binds.
      let proposal = await proposals.create(ctx, {
        title: options.title ?? `Apply ${options.fileName}`,
        rationale: p.summary,
        effective_from: options.publish ? null : (effectiveFrom ?? null),
        changes: p.changes,
        // Published at once: nobody is asked to approve what is published a moment later.
        submit: !options.publish,
      });
      if (options.publish)
        proposal = await proposals.publishNow(ctx, proposal.id, {
          revision: proposal.revision,
          ...(effectiveFrom !== undefined ? { effective_from: effectiveFrom } : {}),
        });
      return result(p, ProposalSummary.parse(proposal));
    },
  };
}

export type StandardsCodeService = ReturnType<typeof createStandardsCodeService>;

/**
 * An effective date as an instant: an ISO instant stays as it is; a day `YYYY-MM-DD` is its start
 * in `zone` (the organization's), so "from 2026-01-01" covers all of New Year's Day there.
 * Example: `startOfDayIn('2026-01-01', 'Europe/Moscow')` → `2025-12-31T21:00:00.000Z`.
 */
export function startOfDayIn(when: string, zone: string): string {
  const day = parseIsoDate(when);
  if (day === undefined) return new Date(Date.parse(when)).toISOString();
  return new Date(zonedTime(zone).instantOf(day, 0)).toISOString();
}
