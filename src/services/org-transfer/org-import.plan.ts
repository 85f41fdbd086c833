import type { z } from 'zod';
import { ancestorsOf, wouldCreateCycle } from '../../core/org/unit-tree';
import { EmployeeCreate, EmployeeStatus } from '../../contract/employee.schema';
import type { ImportProblem } from '../../contract/org-transfer.schema';
import { Email } from '../../contract/user.schema';
import { OrgCode, OrgNames, UnitContactInput, UnitCreate, UnitStatus } from '../../contract/unit.schema';
import { TimeZone } from '../../contract/standards-file.schema';
import type { EmployeeRow } from '../../db/employee.repository';
import type { UnitRow } from '../../db/unit.repository';
import {
  EMPLOYEES_SHEET,
  splitList,
  UNITS_SHEET,
  type EmployeeColumn,
  type RowReader,
  type UnitColumn,
} from './org-columns';

/** The organization as it is, read under the tree lock. */
export interface OrgState {
  units: readonly UnitRow[];
  /** unit id → the ids of its heads. */
  heads: ReadonlyMap<string, readonly string[]>;
  employees: readonly EmployeeRow[];
}

export type ChangeKind = 'create' | 'update' | 'unchanged';

export interface UnitChange {
  kind: ChangeKind;
  before: UnitRow | undefined;
  after: UnitRow;
  headsBefore: string[];
  headsAfter: string[];
  /** Whether the heads are written (the file has a head_codes column and they differ). */
  headsChange: boolean;
  /** Depth in the tree after the import: parents are written before their children. */
  depth: number;
}

export interface EmployeeChange {
  kind: ChangeKind;
  before: EmployeeRow | undefined;
  after: EmployeeRow;
}

export interface OrgPlan {
  problems: ImportProblem[];
  units: UnitChange[];
  employees: EmployeeChange[];
}

interface Inputs {
  units?: RowReader<UnitColumn>[] | undefined;
  employees?: RowReader<EmployeeColumn>[] | undefined;
  /** The id of the Etalon user with this (lower-cased) e-mail, if any. */
  userIdByEmail: ReadonlyMap<string, string>;
  now: Date;
  newId: () => string;
}

interface UnitDraft {
  line: number;
  reader: RowReader<UnitColumn>;
  before: UnitRow | undefined;
  row: UnitRow;
  parentCode: string | null;
  headCodes: string[] | undefined;
}

interface EmployeeDraft {
  line: number;
  reader: RowReader<EmployeeColumn>;
  before: EmployeeRow | undefined;
  row: EmployeeRow;
  unitCode: string;
  userEmail: string | null | undefined;
}

const CONTACT_KEYS = ['email', 'phone', 'chat', 'url', 'note'] as const;
type Contact = Partial<Record<(typeof CONTACT_KEYS)[number], string>>;

/** Contact JSON with its keys in one order, so equal contacts are equal text; null when empty. */
function canonicalContact(contact: Contact | null): string | null {
  if (contact === null) return null;
  const out: Contact = {};
  for (const key of CONTACT_KEYS) if (contact[key] !== undefined) out[key] = contact[key];
  return Object.keys(out).length === 0 ? null : JSON.stringify(out);
}
const parseContact = (text: string | null): Contact | null =>
  text === null ? null : (JSON.parse(text) as Contact);

const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'is not valid';
const listSome = (codes: readonly string[]) =>
  codes.length <= 5 ? codes.join(', ') : `${codes.slice(0, 5).join(', ')} and ${codes.length - 5} more`;

/**
 * Checks a whole file against the organization and says what it would change: every problem of
 * every row (the same rules the unit and employee services apply, plus those only a file can
 * break: duplicate codes, cycles the file closes with the existing tree), or the changes in the
 * order they can be written (parents before children). Pure: reads nothing, writes nothing.
 */
export function planOrgImport(state: OrgState, inputs: Inputs): OrgPlan {
  const problems: ImportProblem[] = [];
  const at = inputs.now.toISOString();
  const unitsByCode = new Map(state.units.map((u) => [u.code, u]));
  const unitCodeById = new Map(state.units.map((u) => [u.id, u.code]));
  const employeesByCode = new Map(state.employees.map((e) => [e.code, e]));

  const problemAt =
    <C extends string>(sheet: string, reader: RowReader<C>, code: string | undefined) =>
    (field: C, message: string) =>
      problems.push({
        sheet,
        line: reader.line,
        ...(code === undefined ? {} : { code }),
        field,
        ...(reader.letter(field) === undefined ? {} : { column: reader.letter(field) }),
        message,
      });

  /** Code, duplicates and names: what both sheets share. */
  function readIdentity<C extends string>(
    sheet: string,
    reader: RowReader<C>,
    seen: Map<string, number>,
    before: (code: string) => { name_ru: string | null; name_en: string | null } | undefined,
  ) {
    const text = reader.get('code' as C) ?? '';
    const parsed = OrgCode.safeParse(text);
    if (!parsed.success) {
      const bad = problemAt(sheet, reader, text === '' ? undefined : text);
      bad('code' as C, text === '' ? 'a code is required' : `"${text}" ${firstIssue(parsed.error)}`);
      return undefined;
    }
    const code = parsed.data;
    const report = problemAt(sheet, reader, code);
    const first = seen.get(code);
    if (first !== undefined) {
      report('code' as C, `code ${code} is listed twice (first on line ${first})`);
      return undefined;
    }
    seen.set(code, reader.line);
    const old = before(code);
    const cell = (column: 'name_ru' | 'name_en', current: string | null | undefined) => {
      const value = reader.get(column as C);
      return value === undefined ? (current ?? undefined) : value === '' ? undefined : value;
    };
    const names = OrgNames.safeParse({
      ru: cell('name_ru', old?.name_ru),
      en: cell('name_en', old?.name_en),
    });
    let name = { ru: null as string | null, en: null as string | null };
    if (names.success) name = { ru: names.data.ru ?? null, en: names.data.en ?? null };
    else {
      for (const issue of names.error.issues) {
        const field = issue.path[0] === 'en' ? 'name_en' : 'name_ru';
        report(
          field as C,
          issue.path.length === 0 ? 'a name is required: name_ru, name_en or both' : issue.message,
        );
      }
    }
    return { code, report, name };
  }

  // ── Units: each row on its own ──────────────────────────────────────────────────────────────
  const unitDrafts: UnitDraft[] = [];
  const seenUnits = new Map<string, number>();
  for (const reader of inputs.units ?? []) {
    const identity = readIdentity(UNITS_SHEET, reader, seenUnits, (c) => unitsByCode.get(c));
    if (!identity) continue;
    const { code, report, name } = identity;
    const before = unitsByCode.get(code);
    const keep = <T>(column: UnitColumn, current: T, read: (text: string) => T): T => {
      const text = reader.get(column);
      return text === undefined ? current : read(text);
    };
    const nullable = (text: string) => (text === '' ? null : text);

    const parentCode = keep(
      'parent_code',
      before?.parent_id ? (unitCodeById.get(before.parent_id) ?? null) : null,
      nullable,
    );
    const timezone = keep('timezone', before?.timezone ?? null, nullable);
    if (timezone !== null && reader.get('timezone') !== undefined) {
      const zone = TimeZone.safeParse(timezone);
      if (!zone.success) report('timezone', `"${timezone}" ${firstIssue(zone.error)}`);
    }
    const calendar = keep('calendar', before?.calendar ?? null, nullable);
    const calendarCheck = UnitCreate.shape.calendar.safeParse(calendar);
    if (!calendarCheck.success) report('calendar', firstIssue(calendarCheck.error));

    const contact: Contact = { ...(parseContact(before?.contact ?? null) ?? {}) };
    for (const key of CONTACT_KEYS) {
      const text = reader.get(`contact_${key}`);
      if (text === undefined) continue;
      if (text === '') delete contact[key];
      else contact[key] = text;
    }
    let contactJson: string | null = null;
    if (Object.keys(contact).length > 0) {
      const parsed = UnitContactInput.safeParse(contact);
      if (parsed.success) contactJson = canonicalContact(parsed.data);
      else
        for (const issue of parsed.error.issues)
          report(`contact_${String(issue.path[0] ?? 'email')}` as UnitColumn, issue.message);
    }

    const headsText = reader.get('head_codes');
    const headCodes = headsText === undefined ? undefined : splitList(headsText);
    if (headCodes) {
      const twice = headCodes.filter((c, i) => headCodes.indexOf(c) !== i);
      if (twice.length > 0) report('head_codes', `lists ${listSome([...new Set(twice)])} twice`);
      if (headCodes.length > 20) report('head_codes', `${headCodes.length} heads; 20 at most`);
    }

    const statusText = reader.get('status')?.toLowerCase();
    let status = before?.status ?? 'active';
    if (statusText !== undefined && statusText !== '') {
      const parsed = UnitStatus.safeParse(statusText);
      if (parsed.success) status = parsed.data;
      else report('status', `"${reader.get('status')}" is not a status: active or archived`);
    }

    const row: UnitRow = {
      id: before?.id ?? inputs.newId(),
      code,
      name_ru: name.ru,
      name_en: name.en,
      parent_id: null, // resolved below, once every unit of the file has an id
      timezone,
      calendar,
      contact: contactJson,
      status,
      created_at: before?.created_at ?? at,
      updated_at: before?.updated_at ?? at,
    };
    unitDrafts.push({ line: reader.line, reader, before, row, parentCode, headCodes });
  }

  // ── Employees: each row on its own ──────────────────────────────────────────────────────────
  const employeeDrafts: EmployeeDraft[] = [];
  const seenEmployees = new Map<string, number>();
  for (const reader of inputs.employees ?? []) {
    const identity = readIdentity(EMPLOYEES_SHEET, reader, seenEmployees, (c) => employeesByCode.get(c));
    if (!identity) continue;
    const { code, report, name } = identity;
    const before = employeesByCode.get(code);
    const cell = (column: EmployeeColumn) => reader.get(column);

    let position = before?.position ?? null;
    const positionText = cell('position');
    if (positionText !== undefined) {
      const parsed = EmployeeCreate.shape.position.safeParse(positionText === '' ? null : positionText);
      if (parsed.success) position = parsed.data;
      else report('position', firstIssue(parsed.error));
    }

    const unitCode = cell('unit_code') ?? '';
    if (unitCode === '') report('unit_code', 'a unit code is required');

    let email = before?.email ?? null;
    const emailText = cell('email');
    if (emailText !== undefined) {
      const parsed = Email.nullable().safeParse(emailText === '' ? null : emailText);
      if (parsed.success) email = parsed.data;
      else report('email', `"${emailText}" is not an e-mail address`);
    }

    let extensions = before?.extensions ?? '[]';
    const extensionsText = cell('extensions');
    if (extensionsText !== undefined) {
      const parsed = EmployeeCreate.shape.extensions.safeParse(splitList(extensionsText));
      if (parsed.success) extensions = JSON.stringify(parsed.data);
      else report('extensions', firstIssue(parsed.error));
    }

    let userId = before?.user_id ?? null;
    let userEmail: string | null | undefined;
    const userText = cell('user_email');
    if (userText !== undefined) {
      const parsed = Email.nullable().safeParse(userText === '' ? null : userText);
      if (!parsed.success) report('user_email', `"${userText}" is not an e-mail address`);
      else {
        userEmail = parsed.data;
        userId = userEmail === null ? null : (inputs.userIdByEmail.get(userEmail) ?? null);
        if (userEmail !== null && userId === null)
          report('user_email', `no Etalon user has the e-mail ${userEmail}`);
      }
    }

    const statusText = cell('status')?.toLowerCase();
    let status = before?.status ?? 'active';
    if (statusText !== undefined && statusText !== '') {
      const parsed = EmployeeStatus.safeParse(statusText);
      if (parsed.success) status = parsed.data;
      else report('status', `"${cell('status')}" is not a status: active or left`);
    }

    const row: EmployeeRow = {
      id: before?.id ?? inputs.newId(),
      code,
      name_ru: name.ru,
      name_en: name.en,
      position,
      unit_id: before?.unit_id ?? '', // resolved below
      email,
      extensions,
      user_id: userId,
      status,
      created_at: before?.created_at ?? at,
      updated_at: before?.updated_at ?? at,
    };
    employeeDrafts.push({ line: reader.line, reader, before, row, unitCode, userEmail });
  }

  // ── The organization after the import ──────────────────────────────────────────────────────
  const finalUnits = new Map<string, { id: string; parentCode: string | null; status: string }>();
  for (const u of state.units)
    finalUnits.set(u.code, {
      id: u.id,
      parentCode: u.parent_id ? (unitCodeById.get(u.parent_id) ?? null) : null,
      status: u.status,
    });
  for (const d of unitDrafts)
    finalUnits.set(d.row.code, { id: d.row.id, parentCode: d.parentCode, status: d.row.status });
  const finalEmployees = new Map<string, { id: string; unitCode: string; status: string }>();
  for (const e of state.employees)
    finalEmployees.set(e.code, { id: e.id, unitCode: unitCodeById.get(e.unit_id) ?? '', status: e.status });
  for (const d of employeeDrafts)
    finalEmployees.set(d.row.code, {
      id: d.row.id,
      unitCode: d.unitCode === '' ? (d.before ? (unitCodeById.get(d.before.unit_id) ?? '') : '') : d.unitCode,
      status: d.row.status,
    });
  const links = new Map([...finalUnits].map(([code, u]) => [code, u.parentCode]));
  // A unit the file archives reports what is still active under it, once, on its own row.
  const archivedByFile = new Set(
    unitDrafts
      .filter((d) => d.row.status === 'archived' && d.before?.status !== 'archived')
      .map((d) => d.row.code),
  );

  // ── Units against each other and the tree ───────────────────────────────────────────────────
  for (const d of unitDrafts) {
    const report = problemAt(UNITS_SHEET, d.reader, d.row.code);
    const parent = d.parentCode === null ? undefined : finalUnits.get(d.parentCode);
    if (d.parentCode !== null) {
      if (!parent)
        report('parent_code', `no unit with code ${d.parentCode} (neither in the file nor in Etalon)`);
      else if (d.parentCode === d.row.code) report('parent_code', 'a unit cannot be its own parent');
      else if (wouldCreateCycle(links, d.row.code, d.parentCode)) {
        const loop = [d.row.code, ...ancestorsOf(links, d.row.code), d.row.code];
        report('parent_code', `would close a loop: ${loop.join(' → ')} (each under the next)`);
      } else if (
        parent.status === 'archived' &&
        d.row.status === 'active' &&
        !archivedByFile.has(d.parentCode) &&
        // Like the unit service: checked when the unit is new, moves or is restored.
        (!d.before || d.before.parent_id !== parent.id || d.before.status !== 'active')
      )
        report('parent_code', `unit ${d.parentCode} is archived; an active unit cannot be under it`);
      else d.row.parent_id = parent.id;
    }
    if (d.row.status === 'archived' && d.before?.status !== 'archived') {
      const children = [...finalUnits]
        .filter(([, u]) => u.parentCode === d.row.code && u.status === 'active')
        .map(([code]) => code)
        .sort();
      const staff = [...finalEmployees]
        .filter(([, e]) => e.unitCode === d.row.code && e.status === 'active')
        .map(([code]) => code)
        .sort();
      if (children.length > 0 || staff.length > 0) {
        const what = [
          children.length > 0 ? `active unit(s) ${listSome(children)}` : '',
          staff.length > 0 ? `active employee(s) ${listSome(staff)}` : '',
        ].filter((s) => s !== '');
        report('status', `cannot archive ${d.row.code}: it still has ${what.join(' and ')}`);
      }
    }
    const headsBefore = new Set(d.before ? (state.heads.get(d.before.id) ?? []) : []);
    for (const code of d.headCodes ?? []) {
      const head = finalEmployees.get(code);
      if (!head) report('head_codes', `no employee with code ${code} (neither in the file nor in Etalon)`);
      // A head who left since stays listed until the heads change (as the unit service keeps them).
      else if (head.status !== 'active' && !headsBefore.has(head.id))
        report('head_codes', `employee ${code} has left; heads must be active`);
    }
  }

  // ── Employees against the units ─────────────────────────────────────────────────────────────
  for (const d of employeeDrafts) {
    if (d.unitCode === '') continue;
    const report = problemAt(EMPLOYEES_SHEET, d.reader, d.row.code);
    const unit = finalUnits.get(d.unitCode);
    if (!unit) report('unit_code', `no unit with code ${d.unitCode} (neither in the file nor in Etalon)`);
    else if (
      unit.status === 'archived' &&
      d.row.status === 'active' &&
      !archivedByFile.has(d.unitCode) &&
      // Like the employee service: checked when the employee is new or changes unit.
      (!d.before || d.before.unit_id !== unit.id)
    )
      report('unit_code', `unit ${d.unitCode} is archived; an active employee cannot be in it`);
    else d.row.unit_id = unit.id;
  }

  if (problems.length > 0) return { problems: sortProblems(problems), units: [], employees: [] };

  // ── What changes ────────────────────────────────────────────────────────────────────────────
  const employeeIdByCode = new Map([...finalEmployees].map(([code, e]) => [code, e.id]));
  const units = unitDrafts.map((d): UnitChange => {
    const headsBefore = d.before ? [...(state.heads.get(d.before.id) ?? [])].sort() : [];
    const headsAfter = d.headCodes ? d.headCodes.map((c) => employeeIdByCode.get(c)!).sort() : headsBefore;
    const headsChange = headsAfter.join() !== headsBefore.join();
    const same =
      d.before !== undefined &&
      !headsChange &&
      d.before.name_ru === d.row.name_ru &&
      d.before.name_en === d.row.name_en &&
      d.before.parent_id === d.row.parent_id &&
      d.before.timezone === d.row.timezone &&
      d.before.calendar === d.row.calendar &&
      canonicalContact(parseContact(d.before.contact)) === d.row.contact &&
      d.before.status === d.row.status;
    if (!same) d.row.updated_at = at;
    return {
      kind: d.before === undefined ? 'create' : same ? 'unchanged' : 'update',
      before: d.before,
      after: d.row,
      headsBefore,
      headsAfter,
      headsChange,
      depth: ancestorsOf(links, d.row.code).length,
    };
  });
  units.sort((a, b) => a.depth - b.depth);
  const employees = employeeDrafts.map((d): EmployeeChange => {
    const b = d.before;
    const same =
      b !== undefined &&
      b.name_ru === d.row.name_ru &&
      b.name_en === d.row.name_en &&
      b.position === d.row.position &&
      b.unit_id === d.row.unit_id &&
      b.email === d.row.email &&
      b.extensions === d.row.extensions &&
      b.user_id === d.row.user_id &&
      b.status === d.row.status;
    if (!same) d.row.updated_at = at;
    return { kind: b === undefined ? 'create' : same ? 'unchanged' : 'update', before: b, after: d.row };
  });
  return { problems: [], units, employees };
}

/** In the order of `sheets` (units before employees by default), then by line, then by column. */
export function sortProblems(
  problems: ImportProblem[],
  sheets: readonly string[] = [UNITS_SHEET, EMPLOYEES_SHEET],
): ImportProblem[] {
  const column = (p: ImportProblem) => (p.column ?? '').padStart(3, ' ');
  return [...problems].sort(
    (a, b) =>
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
      a.line - b.line ||
      column(a).localeCompare(column(b)),
  );
}
