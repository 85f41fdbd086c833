import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { SupportTypesTable, UnitsTable } from './database';
import { isForeignKeyViolation, isUniqueViolation } from './dialect/driver-errors';
import { gridCellRepository, providerKey } from './grid-cell.repository';
import { newId } from './ids';
import { supportTypeRepository } from './support-type.repository';
import { unitRepository } from './unit.repository';

const AT = '2026-03-02T09:00:00.000Z';
const type = (
  code: string,
  sort_order: number,
  extra: Partial<SupportTypesTable> = {},
): SupportTypesTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: `${code} help`,
  description_ru: null,
  description_en: null,
  color: 'gray',
  builtin: 0,
  status: 'active',
  sort_order,
  created_at: AT,
  updated_at: AT,
  ...extra,
});
const unit = (code: string): UnitsTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: code,
  parent_id: null,
  timezone: null,
  calendar: null,
  contact: null,
  status: 'active',
  created_at: AT,
  updated_at: AT,
});

const BUILTIN = ['information', 'paperwork', 'deadlines', 'consultation', 'escalation', 'document_delivery'];

describeEachDb('support type repository', (database) => {
  const db = () => database().db;
  // Between the built-in ones (10…60): `Zeta` and `alpha` share 25, so the code breaks the tie.
  const ZETA = type('Zeta', 25);
  const ALPHA = type('alpha', 25, { status: 'archived' });
  const A = unit('A');
  const B = unit('B');
  beforeAll(async () => {
    for (const row of [ZETA, ALPHA]) await supportTypeRepository.insert(db(), row);
    for (const row of [A, B]) await unitRepository.insert(db(), row);
  });

  it('the migration seeds the six built-in types, numbered 1 and in steps of 10', async () => {
    const info = await supportTypeRepository.findByCode(db(), 'information');
    expect(info).toMatchObject({
      builtin: 1,
      status: 'active',
      sort_order: 10,
      name_en: 'Information support',
    });
    expect(typeof info!.builtin).toBe('number');
  });

  it('lists by sort order, then code ignoring case, active and archived, with cell counts', async () => {
    const cellId = newId();
    await gridCellRepository.insert(
      db(),
      {
        id: cellId,
        provider_kind: 'unit',
        provider_unit_id: A.id,
        provider_employee_id: null,
        provider_key: providerKey('unit', A.id),
        recipient_unit_id: B.id,
        instructions: null,
        expected_response: null,
        contact_employee_id: null,
        created_at: AT,
        updated_at: AT,
      },
      [ZETA.id],
    );
    const rows = await supportTypeRepository.list(db());
    expect(rows.map((r) => r.code)).toEqual([...BUILTIN.slice(0, 2), 'alpha', 'Zeta', ...BUILTIN.slice(2)]);
    expect(rows.find((r) => r.code === 'Zeta')!.cell_count).toBe(1);
    expect(rows.find((r) => r.code === 'alpha')!.cell_count).toBe(0);
    expect(await supportTypeRepository.cellCount(db(), ZETA.id)).toBe(1);
    expect((await supportTypeRepository.list(db(), [ALPHA.id])).map((r) => r.code)).toEqual(['alpha']);
    expect(await supportTypeRepository.list(db(), [])).toEqual([]);

    // In use: the database refuses the delete too, whatever a service checked before.
    let error: unknown;
    try {
      await supportTypeRepository.delete(db(), ZETA.id);
    } catch (e) {
      error = e;
    }
    expect(isForeignKeyViolation(error)).toBe(true);
    await gridCellRepository.delete(db(), cellId);
    await supportTypeRepository.delete(db(), ZETA.id);
    expect(await supportTypeRepository.findById(db(), ZETA.id)).toBeUndefined();
  });

  it('refuses a second type with the same code; numbers new ones after the last', async () => {
    let error: unknown;
    try {
      await supportTypeRepository.insert(db(), type('alpha', 99));
    } catch (e) {
      error = e;
    }
    expect(isUniqueViolation(error)).toBe(true);
    expect(await supportTypeRepository.nextSortOrder(db())).toBe(70);
  });
});
