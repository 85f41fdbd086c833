import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { systemActor, type Role } from '../../core';

type Headers = Record<string, string>;
const system = { actor: systemActor('test') };

describeEachDb('employees API', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  const units: Record<string, string> = {};
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['manager', 'staff'] as const) {
      const made = await createPerson(t.services, role);
      as[role] = await signIn(t.app, made.email);
      userId = made.user.id;
    }
    // ORG ← HR ← HR-PAY, made through the service as the CLI or an import would.
    let parent: string | null = null;
    for (const code of ['ORG', 'HR', 'HR-PAY']) {
      const unit = await t.services.units.create(system, {
        code,
        name: { en: code },
        parent_id: parent,
        timezone: null,
        calendar: null,
        contact: null,
        head_ids: [],
      });
      units[code] = parent = unit.id;
    }
  });
  afterAll(() => t.app.close());

  const post = (payload: object, role: Role = 'manager') =>
    t.app.inject({ method: 'POST', url: '/api/v1/employees', headers: as[role], payload });
  const patch = (id: string, payload: object, role: Role = 'manager') =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/employees/${id}`, headers: as[role], payload });
  const get = (url: string, role: Role = 'staff') =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[role] });
  // Sorted here: the order of the list itself is the repository test's business.
  const codes = async (query: string) =>
    ((await get(`/employees?${query}`)).json().items as Array<{ code: string }>).map((e) => e.code).sort();

  const ids: Record<string, string> = {};
  it('a manager adds employees to units', async () => {
    const anna = await post({
      code: 'E1',
      name: { ru: 'Анна', en: 'Anna' },
      position: 'Head of HR',
      unit_id: units.HR,
      email: 'Anna@Example.org',
      extensions: ['2041', '2042'],
      user_id: userId,
    });
    expect(anna.statusCode).toBe(201);
    expect(anna.json()).toMatchObject({
      code: 'E1',
      name: { ru: 'Анна', en: 'Anna' },
      email: 'anna@example.org',
      extensions: ['2041', '2042'],
      user_id: userId,
      status: 'active',
    });
    ids.E1 = anna.json().id;
    const boris = await post({ code: 'E2', name: { en: 'Boris' }, unit_id: units['HR-PAY'] });
    expect(boris.json()).toMatchObject({ position: null, email: null, extensions: [], user_id: null });
    ids.E2 = boris.json().id;
    ids.E3 = (await post({ code: 'E3', name: { en: 'Clara' }, unit_id: units.ORG })).json().id;
  });

  it('staff read employees by unit, by subtree, by text; but cannot write (403)', async () => {
    expect(await codes(`unit_id=${units.HR}`)).toEqual(['E1']);
    expect(await codes(`unit_id=${units.HR}&subtree=true`)).toEqual(['E1', 'E2']);
    expect(await codes(`unit_id=${units.ORG}&subtree=true`)).toEqual(['E1', 'E2', 'E3']);
    expect(await codes('q=clara')).toEqual(['E3']);
    expect((await get('/employees?limit=1&offset=1')).json()).toMatchObject({
      total: 3,
      items: [{ code: 'E3' }],
    });
    expect((await get(`/employees/${ids.E1}`)).json().code).toBe('E1');
    const res = await post({ code: 'E9', name: { en: 'By staff' }, unit_id: units.HR }, 'staff');
    expect(res.statusCode).toBe(403);
    expect((await patch(ids.E1!, { position: 'x' }, 'staff')).statusCode).toBe(403);
  });

  it('a unit gets heads among active employees; unknown ones are refused, each named', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const setHeads = (head_ids: string[]) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/units/${units.HR}`,
        headers: as.manager,
        payload: { head_ids },
      });
    const refused = await setHeads([ids.E1!, unknown]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'head_ids.1', code: 'unknown' }),
    ]);
    expect((await setHeads([ids.E1!, ids.E1!])).statusCode).toBe(400);
    const res = await setHeads([ids.E1!]);
    expect(res.statusCode).toBe(200);
    expect(res.json().head_ids).toEqual([ids.E1]);
    expect((await get(`/units/${units.HR}`)).json().head_ids).toEqual([ids.E1]);
    const audit = await t.services.audit.list(system, { entity: 'unit', entity_id: units.HR, limit: 1 });
    expect(audit.items[0]).toMatchObject({ before: { head_ids: [] }, after: { head_ids: [ids.E1] } });
  });

  it('an employee leaves (never deleted); the audit log keeps before and after', async () => {
    const res = await patch(ids.E2!, { status: 'left' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('left');
    expect(await codes('status=active')).toEqual(['E1', 'E3']);
    expect(await codes('status=left')).toEqual(['E2']);
    const audit = await t.services.audit.list(system, {
      entity: 'employee',
      entity_id: ids.E2,
      limit: 10,
    });
    expect(audit.items.map((a) => a.action)).toEqual(['employee.leave', 'employee.create']);
    expect(audit.items[0]).toMatchObject({ before: { status: 'active' }, after: { status: 'left' } });
    const heads = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${units['HR-PAY']}`,
      headers: as.manager,
      payload: { head_ids: [ids.E2] },
    });
    expect(heads.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'head_ids.0', code: 'left' }),
    ]);
  });

  it('archiving a unit with active employees is refused; once they left, it is allowed', async () => {
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${units.ORG}`,
      headers: as.manager,
      payload: { status: 'archived' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ active_children: 1, active_employees: 1 });
    await patch(ids.E3!, { status: 'left' });
    const payroll = await t.services.units.update(system, units['HR-PAY']!, { status: 'archived' });
    expect(payroll.status).toBe('archived');
  });

  it('refuses an unknown or archived unit and an unknown account, naming each field', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const res = await post({ code: 'E4', name: { en: 'Dora' }, unit_id: unknown, user_id: unknown });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'unit_id', code: 'unknown' }),
      expect.objectContaining({ path: 'user_id', code: 'unknown' }),
    ]);
    const archived = await patch(ids.E1!, { unit_id: units['HR-PAY'] });
    expect(archived.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'unit_id', code: 'archived' }),
    ]);
  });

  it('refuses a duplicate code with 409 naming the field', async () => {
    for (const res of [
      await post({ code: 'E1', name: { en: 'Another' }, unit_id: units.HR }),
      await patch(ids.E3!, { code: 'E1' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', details: { field: 'code' } });
    }
  });

  it('lists every invalid field at once', async () => {
    const res = await post({ code: '', name: { de: 'x' }, unit_id: 'x', email: 'no', extensions: [''] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details.issues as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['code', 'email', 'extensions.0', 'name', 'name', 'unit_id']);
    expect((await get('/employees?subtree=yes')).statusCode).toBe(400);
  });
});
