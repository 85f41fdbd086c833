import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { UnitsTable } from './database';
import { isUniqueViolation } from './dialect/driver-errors';
import { newId } from './ids';
import { unitRepository } from './unit.repository';

const AT = '2026-03-02T09:00:00.000Z';
const unit = (code: string, parent: UnitsTable | null, extra: Partial<UnitsTable> = {}): UnitsTable => ({
  id: newId(),
  code,
  name_ru: null,
  name_en: `${code} unit`,
  parent_id: parent?.id ?? null,
  timezone: null,
  calendar: null,
  contact: null,
  status: 'active',
  created_at: AT,
  updated_at: AT,
  ...extra,
});

// ORG ← HR ← HR-PAY ← HR-PAY-1, ORG ← IT (archived), LEGAL a second root.
const ORG = unit('ORG', null, { name_ru: 'Организация' });
const HR = unit('HR', ORG, { name_ru: 'Отдел кадров', name_en: 'Human resources' });
const HR_PAY = unit('HR-PAY', HR);
const HR_PAY_1 = unit('HR-PAY-1', HR_PAY);
const IT = unit('it', ORG, { status: 'archived' });
const LEGAL = unit('LEGAL', null);
const ALL = [ORG, HR, HR_PAY, HR_PAY_1, IT, LEGAL];

describeEachDb('unit repository', (database) => {
  const db = () => database().db;
  beforeAll(async () => {
    for (const row of ALL) await unitRepository.insert(db(), row);
  });

  const codes = async (filter: Parameters<typeof unitRepository.list>[1]) =>
    (await unitRepository.list(db(), filter, { limit: 100, offset: 0 })).map((u) => u.code);

  it('finds the subtree of a unit at any depth, and only it', async () => {
    expect((await unitRepository.subtreeIds(db(), HR.id)).sort()).toEqual(
      [HR.id, HR_PAY.id, HR_PAY_1.id].sort(),
    );
    expect((await unitRepository.subtreeIds(db(), ORG.id)).length).toBe(5);
    expect(await unitRepository.subtreeIds(db(), LEGAL.id)).toEqual([LEGAL.id]);
    expect(await unitRepository.subtreeIds(db(), newId())).toEqual([]);
  });

  it('lists sorted by code ignoring case, filtered by text (code or either name), parent, status', async () => {
    expect(await codes({})).toEqual(['HR', 'HR-PAY', 'HR-PAY-1', 'it', 'LEGAL', 'ORG']);
    expect(await codes({ q: 'кадров' })).toEqual(['HR']);
    expect(await codes({ q: 'HUMAN' })).toEqual(['HR']);
    expect(await codes({ q: 'pay' })).toEqual(['HR-PAY', 'HR-PAY-1']);
    expect(await codes({ parent_id: ORG.id })).toEqual(['HR', 'it']);
    expect(await codes({ parent_id: ORG.id, status: 'active' })).toEqual(['HR']);
    expect(await unitRepository.count(db(), { status: 'archived' })).toBe(1);
    const page = await unitRepository.list(db(), {}, { limit: 2, offset: 1 });
    expect(page.map((u) => u.code)).toEqual(['HR-PAY', 'HR-PAY-1']);
  });

  it('finds by id and code, gives every parent link, and updates', async () => {
    expect(await unitRepository.findByCode(db(), 'HR')).toEqual(HR);
    expect(await unitRepository.findByCode(db(), 'hr')).toBeUndefined();
    const links = await unitRepository.parentLinks(db());
    expect(links.get(HR_PAY.id)).toBe(HR.id);
    expect(links.get(ORG.id)).toBeNull();
    await unitRepository.update(db(), LEGAL.id, {
      parent_id: ORG.id,
      updated_at: '2026-03-03T00:00:00.000Z',
    });
    expect(await unitRepository.findById(db(), LEGAL.id)).toMatchObject({ parent_id: ORG.id, code: 'LEGAL' });
  });

  it('reports a duplicate code as a unique violation; codes differing in case are distinct', async () => {
    const error = await unitRepository.insert(db(), unit('HR', null)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    await unitRepository.insert(db(), unit('IT', null));
    expect(await unitRepository.count(db())).toBe(ALL.length + 1);
  });
});
