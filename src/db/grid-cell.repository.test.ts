import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { EmployeesTable, GridCellsTable, UnitsTable } from './database';
import { isUniqueViolation } from './dialect/driver-errors';
import { employeeRepository } from './employee.repository';
import { employeesByIds, gridCellRepository, providerKey, unitsHeadedByUser } from './grid-cell.repository';
import { newId } from './ids';
import { supportTypeRepository } from './support-type.repository';
import { unitRepository } from './unit.repository';
import { userRepository } from './user.repository';

const AT = '2026-03-02T09:00:00.000Z';
const unit = (code: string, parent: UnitsTable | null = null): UnitsTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: code,
  parent_id: parent?.id ?? null,
  timezone: null,
  calendar: null,
  contact: null,
  status: 'active',
  created_at: AT,
  updated_at: AT,
});
const employee = (code: string, u: UnitsTable, extra: Partial<EmployeesTable> = {}): EmployeesTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: code,
  position: null,
  unit_id: u.id,
  email: null,
  extensions: '[]',
  user_id: null,
  status: 'active',
  created_at: AT,
  updated_at: AT,
  ...extra,
});
const cell = (
  provider: { kind: 'unit' | 'employee'; id: string },
  recipient: UnitsTable,
  extra: Partial<GridCellsTable> = {},
): GridCellsTable => ({
  id: newId(),
  provider_kind: provider.kind,
  provider_unit_id: provider.kind === 'unit' ? provider.id : null,
  provider_employee_id: provider.kind === 'employee' ? provider.id : null,
  provider_key: providerKey(provider.kind, provider.id),
  recipient_unit_id: recipient.id,
  instructions: null,
  expected_response: null,
  contact_employee_id: null,
  created_at: AT,
  updated_at: AT,
  ...extra,
});

const failure = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (e) {
    return e;
  }
  return undefined;
};

describeEachDb('grid cell repository', (database) => {
  const db = () => database().db;
  const ORG = unit('ORG');
  const HR = unit('HR', ORG);
  const IT = unit('IT', ORG);
  const ANNA = employee('anna', HR);
  const GLEB = employee('gleb', IT, { status: 'left' });
  const types: Record<string, string> = {};
  const IT_TO_HR = cell({ kind: 'unit', id: IT.id }, HR);
  const GLEB_TO_HR = cell({ kind: 'employee', id: GLEB.id }, HR);
  const HR_TO_ORG = cell({ kind: 'unit', id: HR.id }, ORG);
  beforeAll(async () => {
    for (const row of [ORG, HR, IT]) await unitRepository.insert(db(), row);
    for (const row of [ANNA, GLEB]) await employeeRepository.insert(db(), row);
    for (const code of ['information', 'paperwork', 'escalation']) {
      types[code] = (await supportTypeRepository.findByCode(db(), code))!.id;
    }
    await gridCellRepository.insert(db(), IT_TO_HR, [types.escalation!, types.information!]);
    await gridCellRepository.insert(db(), GLEB_TO_HR, [types.escalation!]);
    await gridCellRepository.insert(db(), HR_TO_ORG, [types.paperwork!]);
  });

  it('holds one cell per (provider, recipient): a unit and an employee are different providers', async () => {
    const again = await failure(() =>
      gridCellRepository.insert(db(), cell({ kind: 'unit', id: IT.id }, HR), [types.paperwork!]),
    );
    expect(isUniqueViolation(again)).toBe(true);
    expect(await gridCellRepository.count(db())).toBe(3);
  });

  it('refuses a provider key that does not match the provider columns', async () => {
    // Neither clashes with an existing cell: only the CHECK constraint can refuse them.
    const lying = cell({ kind: 'unit', id: ORG.id }, IT, { provider_key: providerKey('unit', HR.id) });
    const both = cell({ kind: 'unit', id: IT.id }, ORG, { provider_employee_id: ANNA.id });
    const kindless = cell({ kind: 'employee', id: ANNA.id }, ORG, { provider_kind: 'unit' });
    for (const row of [lying, both, kindless]) {
      const error = await failure(() => gridCellRepository.insert(db(), row, []));
      expect(error).toBeDefined();
      expect(isUniqueViolation(error)).toBe(false);
    }
    expect(await gridCellRepository.count(db())).toBe(3);
  });

  it('answers each cell’s types in the vocabulary’s order, whatever order they were given in', async () => {
    const all = await gridCellRepository.typesOf(db());
    expect(all.get(IT_TO_HR.id)).toEqual([types.information, types.escalation]);
    expect(all.get(HR_TO_ORG.id)).toEqual([types.paperwork]);
    const some = await gridCellRepository.typesOf(db(), [GLEB_TO_HR.id]);
    expect([...some.keys()]).toEqual([GLEB_TO_HR.id]);
    expect(await gridCellRepository.typesOf(db(), [])).toEqual(new Map());
  });

  it('filters by recipient(s), provider and support type, oldest first', async () => {
    const ids = async (filter: Parameters<typeof gridCellRepository.all>[1]) =>
      (await gridCellRepository.all(db(), filter)).map((c) => c.id);
    expect(await ids({})).toEqual([IT_TO_HR.id, GLEB_TO_HR.id, HR_TO_ORG.id]);
    expect(await ids({ recipient_unit_id: HR.id })).toEqual([IT_TO_HR.id, GLEB_TO_HR.id]);
    expect(await ids({ recipient_unit_ids: [ORG.id, IT.id] })).toEqual([HR_TO_ORG.id]);
    expect(await ids({ recipient_unit_ids: [] })).toEqual([]);
    expect(await ids({ provider_unit_id: IT.id })).toEqual([IT_TO_HR.id]);
    expect(await ids({ provider_employee_id: GLEB.id })).toEqual([GLEB_TO_HR.id]);
    expect(await ids({ support_type_id: types.escalation })).toEqual([IT_TO_HR.id, GLEB_TO_HR.id]);
    expect(await ids({ support_type_id: types.escalation, provider_unit_id: HR.id })).toEqual([]);
    const page = await gridCellRepository.list(db(), { recipient_unit_id: HR.id }, { limit: 1, offset: 1 });
    expect(page.map((c) => c.id)).toEqual([GLEB_TO_HR.id]);
    expect(await gridCellRepository.count(db(), { support_type_id: types.paperwork })).toBe(1);
  });

  it('finds the employees who provide (whatever their status) and employees by id', async () => {
    expect((await gridCellRepository.providingEmployees(db())).map((e) => e.code)).toEqual(['gleb']);
    expect((await employeesByIds(db(), [ANNA.id, GLEB.id, ANNA.id])).map((e) => e.code).sort()).toEqual([
      'anna',
      'gleb',
    ]);
    expect(await employeesByIds(db(), [])).toEqual([]);
  });

  it('finds the units a person heads through their active employee records', async () => {
    const user = {
      id: newId(),
      email: 'anna@example.org',
      name: 'Anna',
      role: 'head' as const,
      status: 'active' as const,
      password_hash: null,
      locale: null,
      created_at: AT,
      updated_at: AT,
      last_login_at: null,
    };
    await userRepository.insert(db(), user);
    expect(await unitsHeadedByUser(db(), user.id)).toEqual([]);
    await employeeRepository.update(db(), ANNA.id, { user_id: user.id });
    await unitRepository.setHeads(db(), HR.id, [ANNA.id]);
    await unitRepository.setHeads(db(), IT.id, [ANNA.id]);
    expect(await unitsHeadedByUser(db(), user.id)).toEqual([HR.id, IT.id].sort());
    await employeeRepository.update(db(), ANNA.id, { status: 'left' });
    expect(await unitsHeadedByUser(db(), user.id)).toEqual([]);
  });

  it('updates a cell, replaces its types, and deletes it with its types', async () => {
    await gridCellRepository.update(db(), HR_TO_ORG.id, { instructions: 'Ask at the desk' });
    await gridCellRepository.setTypes(db(), HR_TO_ORG.id, [types.information!, types.paperwork!]);
    expect((await gridCellRepository.findById(db(), HR_TO_ORG.id))!.instructions).toBe('Ask at the desk');
    expect((await gridCellRepository.typesOf(db(), [HR_TO_ORG.id])).get(HR_TO_ORG.id)).toHaveLength(2);
    await gridCellRepository.delete(db(), HR_TO_ORG.id);
    expect(await gridCellRepository.findById(db(), HR_TO_ORG.id)).toBeUndefined();
    expect(await gridCellRepository.typesOf(db(), [HR_TO_ORG.id])).toEqual(new Map());
  });
});
