import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import {
  createEmployee,
  createPerson,
  createTestApp,
  createUnits,
  signIn,
  type TestApp,
} from '../../test/test-app';
import { actorForUser, systemActor } from '../core';
import { publishDirectly } from './standards-code/publish-directly.fixture';

const system = { actor: systemActor('test') };
const calendar = (id: string) => ({ id, timezone: 'Europe/Moscow', week: { mon: ['09:00-18:00'] } });
const standard = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  title: { en: `Standard ${code}` },
  kind: 'tangible',
  category: 'responsiveness',
  measure: { type: 'threshold', field: 'rings', max: 3 },
  target: 0.9,
  period: 'month',
  ...extra,
});

describeEachDb('handbook', (database) => {
  let t: TestApp;
  const unit: Record<string, string> = {};
  const cell: Record<string, string> = {};
  let staff: { actor: ReturnType<typeof actorForUser> };
  let email: string;

  beforeAll(async () => {
    t = await createTestApp(database());
    const named = (code: string, calendar: string | null = null) => ({
      name: { ru: `${code} ру`, en: code },
      calendar,
    });
    Object.assign(
      unit,
      await createUnits(t.services, [
        ['ORG', null, named('ORG', 'office')],
        ['HR', 'ORG', named('HR')],
        ['HR-PAY', 'HR', named('HR-PAY')],
        ['IT', 'ORG', named('IT', 'desk')],
      ]),
    );
    const e = await createEmployee(t.services, { code: 'E-PAY', name: 'Pay clerk', unitId: unit['HR-PAY']! });
    const types = (await t.services.supportTypes.list(system)).items.map((s) => s.id);
    const make = async (
      name: string,
      provider: { kind: 'unit' | 'employee'; id: string },
      recipient: string,
    ) => {
      cell[name] = (
        await t.services.grid.createCell(system, {
          provider,
          recipient_unit_id: unit[recipient]!,
          support_type_ids: [types[0]!],
          instructions: `ask ${name}`,
          expected_response: null,
          contact_employee_id: null,
        })
      ).id;
    };
    await make('pay→it', { kind: 'unit', id: unit['HR-PAY']! }, 'IT');
    await make('clerk→hr', { kind: 'employee', id: e.id }, 'HR');
    await make('it→pay', { kind: 'unit', id: unit.IT! }, 'HR-PAY');
    await make('it→hr', { kind: 'unit', id: unit.IT! }, 'HR');

    const db = database().db;
    for (const id of ['office', 'desk', 'night'])
      await publishDirectly(db, 'calendar', calendar(id), '2026-01-01T00:00:00Z');
    await publishDirectly(db, 'standard', standard('ALL-01'), '2026-01-01T00:00:00Z');
    await publishDirectly(
      db,
      'standard',
      standard('HR-01', { units: ['HR'], calendar: 'night' }),
      '2026-01-01T00:00:00Z',
    );
    await publishDirectly(
      db,
      'standard',
      standard('IT-01', { units: ['IT'], calendar: 'desk' }),
      '2026-01-01T00:00:00Z',
    );
    // Published, but in force only next year: not in any handbook yet.
    await publishDirectly(db, 'standard', standard('NEXT-01'), '2027-01-01T00:00:00Z');
    const p = await createPerson(t.services, 'staff');
    staff = { actor: actorForUser(p.user) };
    email = p.email;
  });
  afterAll(() => t.app.close());

  it("a unit's handbook: its path, the standards binding it (ancestors' and organization-wide ones too), calendars, grid row and column", async () => {
    const book = await t.services.handbook.get(staff, unit['HR-PAY']);
    expect(book.unit).toEqual({
      id: unit['HR-PAY'],
      code: 'HR-PAY',
      name: { ru: 'HR-PAY ру', en: 'HR-PAY' },
    });
    expect(book.path.map((u) => u.code)).toEqual(['ORG', 'HR', 'HR-PAY']);
    expect(book.standards.map((s) => [s.code, s.version, s.definition.code])).toEqual([
      ['ALL-01', 1, 'ALL-01'],
      ['HR-01', 1, 'HR-01'],
    ]);
    // HR-01's calendar, and the one HR-PAY inherits from ORG.
    expect(book.unit_calendar).toBe('office');
    expect(book.calendars.map((c) => c.id).sort()).toEqual(['night', 'office']);
    // Gives: cells the unit or its employees provide; receives: cells addressed to it.
    expect(book.grid.gives.map((c) => c.id)).toEqual([cell['pay→it'], cell['clerk→hr']]);
    expect(book.grid.receives.map((c) => c.id)).toEqual([cell['it→pay']]);
    expect(book.grid.gives[1]).toMatchObject({
      provider: { kind: 'employee' },
      instructions: 'ask clerk→hr',
    });
    expect(book.generated_at).toBe(t.clock().toISOString());
  });

  it("the organization's handbook has every standard in force and no grid", async () => {
    const book = await t.services.handbook.get(staff);
    expect(book.unit).toBeNull();
    expect(book.path).toEqual([]);
    expect(book.standards.map((s) => s.code)).toEqual(['ALL-01', 'HR-01', 'IT-01']);
    expect(book.calendars.map((c) => c.id).sort()).toEqual(['desk', 'night']);
    expect(book.grid).toEqual({ gives: [], receives: [] });
  });

  it('over HTTP: GET /handbook?unit=, 404 for an unknown unit', async () => {
    const headers = await signIn(t.app, email);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/handbook?unit=${unit.IT}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const book = res.json();
    expect(book.standards.map((s: { code: string }) => s.code)).toEqual(['ALL-01', 'IT-01']);
    expect(book.unit_calendar).toBe('desk');
    expect(book.grid.gives.map((c: { id: string }) => c.id)).toEqual([cell['it→pay'], cell['it→hr']]);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/handbook?unit=01900000-0000-7000-8000-000000000000',
      headers,
    });
    expect(unknown.statusCode).toBe(404);
    const org = await t.app.inject({ method: 'GET', url: '/api/v1/handbook', headers });
    expect(org.json().standards).toHaveLength(3);
  });
});
