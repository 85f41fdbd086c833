import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { EmployeesTable, UnitsTable } from './database';
import { isForeignKeyViolation, isUniqueViolation } from './dialect/driver-errors';
import { employeeRepository, type EmployeeFilter } from './employee.repository';
import { newId } from './ids';
import { unitRepository } from './unit.repository';

const AT = '2026-03-02T09:00:00.000Z';
const unit = (code: string, parent_id: string | null): UnitsTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: code,
  parent_id,
  timezone: null,
  calendar: null,
  contact: null,
  status: 'active',
  created_at: AT,
  updated_at: AT,
});
const HR = unit('HR', null);
const HR_PAY = unit('HR-PAY', HR.id);
const IT = unit('IT', null);

const employee = (code: string, u: UnitsTable, extra: Partial<EmployeesTable> = {}): EmployeesTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: null,
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
const PEOPLE = [
  employee('E1', HR, { name_ru: 'Анна Иванова', email: 'anna@example.org' }),
  employee('E2', HR_PAY, { name_en: 'Boris Payroll' }),
  employee('E3', HR_PAY, { name_en: 'clara Left', status: 'left' }),
  employee('E4', IT, { name_en: 'Dmitri Desk', extensions: '["2041"]' }),
];

describeEachDb('employee repository', (database) => {
  const db = () => database().db;
  beforeAll(async () => {
    for (const row of [HR, HR_PAY, IT]) await unitRepository.insert(db(), row);
    for (const row of PEOPLE) await employeeRepository.insert(db(), row);
  });

  const codes = async (filter: EmployeeFilter) =>
    (await employeeRepository.list(db(), filter, { limit: 100, offset: 0 })).map((e) => e.code);

  it('filters by units (a subtree), status and text; sorts by name', async () => {
    // By lower-cased name, Russian first where there is one: Latin sorts before Cyrillic.
    expect(await codes({})).toEqual(['E2', 'E3', 'E4', 'E1']);
    expect(await codes({ unit_ids: [HR.id] })).toEqual(['E1']);
    expect(await codes({ unit_ids: await unitRepository.subtreeIds(db(), HR.id) })).toEqual([
      'E2',
      'E3',
      'E1',
    ]);
    expect(await codes({ unit_ids: [] })).toEqual([]);
    expect(await codes({ unit_ids: [HR_PAY.id], status: 'active' })).toEqual(['E2']);
    expect(await codes({ q: 'ИВАНОВА' })).toEqual(['E1']);
    expect(await codes({ q: 'anna@' })).toEqual(['E1']);
    expect(await codes({ q: 'e4' })).toEqual(['E4']);
    expect(await employeeRepository.count(db(), { status: 'left' })).toBe(1);
  });

  it('finds by id and code, and updates', async () => {
    expect(await employeeRepository.findByCode(db(), 'E4')).toEqual(PEOPLE[3]);
    await employeeRepository.update(db(), PEOPLE[3]!.id, { status: 'left', updated_at: AT });
    expect(await employeeRepository.findById(db(), PEOPLE[3]!.id)).toMatchObject({ status: 'left' });
  });

  it('keeps and replaces the heads of units', async () => {
    const [e1, e2] = [PEOPLE[0]!.id, PEOPLE[1]!.id];
    await unitRepository.setHeads(db(), HR.id, [e2, e1]);
    await unitRepository.setHeads(db(), IT.id, [e1]);
    expect((await unitRepository.headsOf(db(), [HR.id])).get(HR.id)).toEqual([e1, e2].sort());
    await unitRepository.setHeads(db(), HR.id, [e2]);
    const all = await unitRepository.headsOf(db());
    expect(Object.fromEntries(all)).toEqual({ [HR.id]: [e2], [IT.id]: [e1] });
    await unitRepository.setHeads(db(), IT.id, []);
    expect((await unitRepository.headsOf(db(), [IT.id, HR_PAY.id])).size).toBe(0);
    expect((await unitRepository.headsOf(db(), [])).size).toBe(0);
  });

  it('refuses a duplicate code and a unit that does not exist', async () => {
    const duplicate = await employeeRepository.insert(db(), employee('E1', IT)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    const orphan = await employeeRepository.insert(db(), employee('E9', unit('GONE', null))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isForeignKeyViolation(orphan)).toBe(true);
  });
});
