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
import { actorForUser } from '../core';
import { publishDirectly } from './standards-code/publish-directly.fixture';

const measure = { type: 'threshold', field: 'rings', max: 3 };
const standard = (code: string, units?: string[], target = 0.9) => ({
  code,
  title: { ru: `Стандарт ${code}`, en: `Standard ${code}` },
  kind: 'tangible',
  category: 'responsiveness',
  ...(units ? { units } : {}),
  measure,
  target,
  period: 'month',
});

describeEachDb('acknowledgements', (database) => {
  let t: TestApp;
  const unit: Record<string, string> = {};
  let anna: { ctx: { actor: ReturnType<typeof actorForUser> }; email: string; employeeId: string };
  let ivan: { ctx: { actor: ReturnType<typeof actorForUser> }; email: string };
  let viewer: { actor: ReturnType<typeof actorForUser> };

  beforeAll(async () => {
    t = await createTestApp(database());
    Object.assign(
      unit,
      await createUnits(t.services, [
        ['ORG', null],
        ['HR', 'ORG'],
        ['HR-PAY', 'HR'],
        ['IT', 'ORG'],
      ]),
    );
    const person = async (code: string, unitCode: string) => {
      const p = await createPerson(t.services, 'staff');
      const e = await createEmployee(t.services, { code, unitId: unit[unitCode]!, userId: p.user.id });
      return { ctx: { actor: actorForUser(p.user) }, email: p.email, employeeId: e.id };
    };
    anna = await person('E-ANNA', 'HR-PAY');
    ivan = await person('E-IVAN', 'HR-PAY');
    viewer = { actor: actorForUser((await createPerson(t.services, 'viewer')).user) };
    // ALL binds everyone, HR binds HR and below, IT does not bind HR-PAY.
    for (const s of [standard('ALL-01'), standard('HR-01', ['HR']), standard('IT-01', ['IT'])])
      await publishDirectly(database().db, 'standard', s, '2026-01-01T00:00:00Z');
  });
  afterAll(() => t.app.close());

  it('lists the standards binding my unit (its own, its ancestors’, organization-wide), none acknowledged yet', async () => {
    const mine = await t.services.acknowledgements.mine(anna.ctx);
    expect(mine.employee).toEqual({ id: anna.employeeId, code: 'E-ANNA' });
    expect(mine.items).toEqual([
      {
        code: 'ALL-01',
        version: 1,
        title: { ru: 'Стандарт ALL-01', en: 'Standard ALL-01' },
        acknowledged_at: null,
      },
      {
        code: 'HR-01',
        version: 1,
        title: { ru: 'Стандарт HR-01', en: 'Standard HR-01' },
        acknowledged_at: null,
      },
    ]);
    // An account without an employee record has nothing to acknowledge.
    expect(await t.services.acknowledgements.mine(viewer)).toEqual({ employee: null, items: [] });
  });

  it('acknowledges the version in force once (a second time changes nothing); refuses other versions and standards', async () => {
    const at = t.clock().toISOString();
    const once = await t.services.acknowledgements.acknowledge(anna.ctx, 'HR-01', { version: 1 });
    expect(once.items.find((i) => i.code === 'HR-01')?.acknowledged_at).toBe(at);
    t.clock.advance(60_000);
    const twice = await t.services.acknowledgements.acknowledge(anna.ctx, 'HR-01', { version: 1 });
    expect(twice).toEqual(once);
    const audit = await database()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'standard.acknowledge')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ employee: 'E-ANNA', standard: 'HR-01', version: 1 });

    await expect(
      t.services.acknowledgements.acknowledge(anna.ctx, 'HR-01', { version: 2 }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'not_in_force', version_in_force: 1 },
    });
    await expect(
      t.services.acknowledgements.acknowledge(anna.ctx, 'IT-01', { version: 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'not_binding' },
    });
    await expect(
      t.services.acknowledgements.acknowledge(anna.ctx, 'NOPE', { version: 1 }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      t.services.acknowledgements.acknowledge(viewer, 'ALL-01', { version: 1 }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a unit shows who acknowledged which; a new version needs a new acknowledgement', async () => {
    const before = await t.services.acknowledgements.forUnit(viewer, unit['HR-PAY']!);
    expect(before.unit).toMatchObject({ code: 'HR-PAY' });
    expect(before.standards.map((s) => `${s.code} v${s.version}`)).toEqual(['ALL-01 v1', 'HR-01 v1']);
    expect(before.employees.map((e) => [e.code, e.acknowledged])).toEqual([
      ['E-ANNA', ['HR-01']],
      ['E-IVAN', []],
    ]);

    await publishDirectly(
      database().db,
      'standard',
      standard('HR-01', ['HR'], 0.95),
      t.clock().toISOString(),
    );
    const after = await t.services.acknowledgements.forUnit(viewer, unit['HR-PAY']!);
    expect(after.standards.map((s) => `${s.code} v${s.version}`)).toEqual(['ALL-01 v1', 'HR-01 v2']);
    expect(after.employees.map((e) => [e.code, e.acknowledged])).toEqual([
      ['E-ANNA', []],
      ['E-IVAN', []],
    ]);
    const mine = await t.services.acknowledgements.mine(anna.ctx);
    expect(mine.items.find((i) => i.code === 'HR-01')).toMatchObject({ version: 2, acknowledged_at: null });
    await t.services.acknowledgements.acknowledge(anna.ctx, 'HR-01', { version: 2 });
    const again = await t.services.acknowledgements.forUnit(viewer, unit['HR-PAY']!);
    expect(again.employees.map((e) => [e.code, e.acknowledged])).toEqual([
      ['E-ANNA', ['HR-01']],
      ['E-IVAN', []],
    ]);
    // IT's page lists IT's standards and nobody (no employees there).
    const it = await t.services.acknowledgements.forUnit(viewer, unit.IT!);
    expect(it.standards.map((s) => s.code)).toEqual(['ALL-01', 'IT-01']);
    expect(it.employees).toEqual([]);
  });

  it('over HTTP: GET /me/standards, POST /standards/:code/acknowledgements, GET /units/:id/acknowledgements', async () => {
    const headers = await signIn(t.app, ivan.email);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/standards', headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { code: string }) => i.code)).toEqual(['ALL-01', 'HR-01']);
    const ack = await t.app.inject({
      method: 'POST',
      url: '/api/v1/standards/ALL-01/acknowledgements',
      headers,
      payload: { version: 1 },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().items[0]).toMatchObject({ code: 'ALL-01', acknowledged_at: t.clock().toISOString() });
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/v1/standards/HR-01/acknowledgements',
      headers,
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('not_in_force');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/standards/HR-01/acknowledgements',
      headers,
      payload: { version: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/units/${unit['HR-PAY']}/acknowledgements`,
      headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().employees.find((e: { code: string }) => e.code === 'E-IVAN').acknowledged).toEqual([
      'ALL-01',
    ]);
  });
});
