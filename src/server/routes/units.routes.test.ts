import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import type { Role } from '../../core';

type Headers = Record<string, string>;

describeEachDb('units API', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
    }
  });
  afterAll(() => t.app.close());

  const post = (payload: object, role: Role = 'manager') =>
    t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as[role], payload });
  const patch = (id: string, payload: object, role: Role = 'manager') =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/units/${id}`, headers: as[role], payload });
  const get = (url: string, role: Role = 'viewer') =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[role] });

  it('a manager builds a small tree ORG → HR → HR-PAY', async () => {
    const org = await post({
      code: 'ORG',
      name: { ru: 'Компания', en: 'Company' },
      timezone: 'Europe/Moscow',
      contact: { email: 'Office@Example.org', phone: '+7 495 000-00-00' },
    });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({
      code: 'ORG',
      name: { ru: 'Компания', en: 'Company' },
      parent_id: null,
      timezone: 'Europe/Moscow',
      calendar: null,
      contact: { email: 'office@example.org', phone: '+7 495 000-00-00' },
      status: 'active',
    });
    ids.ORG = org.json().id;
    const hr = await post({ code: 'HR', name: { ru: 'Отдел кадров' }, parent_id: ids.ORG });
    expect(hr.json()).toMatchObject({ name: { ru: 'Отдел кадров', en: null }, parent_id: ids.ORG });
    ids.HR = hr.json().id;
    const pay = await post({ code: 'HR-PAY', name: { en: 'Payroll' }, parent_id: ids.HR }, 'admin');
    expect(pay.statusCode).toBe(201);
    ids['HR-PAY'] = pay.json().id;
  });

  it('a viewer reads the list, one unit and the tree, but cannot write (403)', async () => {
    const list = await get('/units?parent_id=' + ids.ORG);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ code: 'HR' }] });
    expect((await get('/units?q=payroll')).json().items.map((u: { code: string }) => u.code)).toEqual([
      'HR-PAY',
    ]);
    expect((await get(`/units/${ids.HR}`)).json()).toMatchObject({ code: 'HR' });
    const tree = await get('/units/tree');
    expect(tree.statusCode).toBe(200);
    expect(tree.json().roots).toMatchObject([
      { code: 'ORG', children: [{ code: 'HR', children: [{ code: 'HR-PAY', children: [] }] }] },
    ]);
    for (const res of [
      await post({ code: 'V', name: { en: 'By a viewer' } }, 'viewer'),
      await patch(ids.HR!, { name: { en: 'Renamed' } }, 'viewer'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('answers the time zone and calendar a unit inherits, and which unit sets them', async () => {
    const root = (await post({ code: 'TZ-ROOT', name: { en: 'Root' }, timezone: 'Europe/Moscow' })).json();
    const mid = (
      await post({ code: 'TZ-MID', name: { en: 'Mid' }, parent_id: root.id, calendar: 'shifts' })
    ).json();
    const leaf = (await post({ code: 'TZ-LEAF', name: { en: 'Leaf' }, parent_id: mid.id })).json();
    const answer = await get(`/units/${leaf.id}/effective-settings`);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      unit_id: leaf.id,
      timezone: { value: 'Europe/Moscow', from_unit_id: root.id },
      calendar: { value: 'shifts', from_unit_id: mid.id },
    });
    await patch(leaf.id, { timezone: 'Asia/Yekaterinburg' });
    expect((await get(`/units/${leaf.id}/effective-settings`)).json().timezone).toEqual({
      value: 'Asia/Yekaterinburg',
      from_unit_id: leaf.id,
    });
    expect((await get(`/units/${root.id}/effective-settings`)).json().calendar).toEqual({
      value: null,
      from_unit_id: null,
    });
    for (const unit of [leaf, mid, root]) await patch(unit.id, { status: 'archived' });
  });

  it('refuses a move that would make a cycle, naming parent_id', async () => {
    for (const target of [ids.HR, ids['HR-PAY']]) {
      const res = await patch(ids.HR!, { parent_id: target });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        details: { issues: [{ path: 'parent_id', code: 'cycle' }] },
      });
    }
    expect((await get(`/units/${ids.HR}`)).json().parent_id).toBe(ids.ORG);
  });

  it('refuses an unknown parent on create and on move', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    for (const res of [
      await post({ code: 'X', name: { en: 'X' }, parent_id: unknown }),
      await patch(ids.HR!, { parent_id: unknown }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'parent_id', code: 'unknown' }),
      ]);
    }
    expect((await get('/units?q=X')).json().total).toBe(0);
  });

  it('moves a unit and writes the audit entry with before and after', async () => {
    const res = await patch(ids['HR-PAY']!, { parent_id: ids.ORG });
    expect(res.statusCode).toBe(200);
    expect(res.json().parent_id).toBe(ids.ORG);
    const audit = await get(`/audit?entity=unit&entity_id=${ids['HR-PAY']}`, 'admin');
    const [move, create] = audit.json().items;
    expect(create).toMatchObject({ action: 'unit.create', before: null, after: { code: 'HR-PAY' } });
    expect(move).toMatchObject({
      action: 'unit.move',
      before: { parent_id: ids.HR },
      after: { parent_id: ids.ORG },
    });
    expect(move.actor_label).toMatch(/^manager/);
    await patch(ids['HR-PAY']!, { parent_id: ids.HR });
  });

  it('refuses archiving a unit with active children (409), allows it once they are archived', async () => {
    const refused = await patch(ids.HR!, { status: 'archived' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'not_empty', active_children: 1, active_employees: 0 },
    });
    expect((await patch(ids['HR-PAY']!, { status: 'archived' })).json().status).toBe('archived');
    expect((await patch(ids.HR!, { status: 'archived' })).json().status).toBe('archived');
    const audit = await get(`/audit?entity=unit&entity_id=${ids.HR}&action=unit.archive`, 'admin');
    expect(audit.json().items).toHaveLength(1);
    // Nothing active goes under an archived unit: not a new unit, not a restored one.
    for (const res of [
      await post({ code: 'HR-NEW', name: { en: 'New' }, parent_id: ids.HR }),
      await patch(ids['HR-PAY']!, { status: 'active' }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'parent_id', code: 'archived' }),
      ]);
    }
    expect((await patch(ids.HR!, { status: 'active' })).json().status).toBe('active');
    expect((await patch(ids['HR-PAY']!, { status: 'active' })).json().status).toBe('active');
  });

  it('refuses a duplicate code with 409 naming the field, on create and on rename', async () => {
    for (const res of [
      await post({ code: 'HR', name: { en: 'Another HR' } }),
      await patch(ids['HR-PAY']!, { code: 'ORG' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', details: { field: 'code' } });
    }
  });

  it('lists every invalid field at once', async () => {
    const res = await post({
      code: '-bad code',
      name: {},
      parent_id: 'nope',
      timezone: 'Mars/Olympus',
      contact: { email: 'not-an-email', fax: '1' },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details.issues as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['code', 'contact', 'contact.email', 'name', 'parent_id', 'timezone']);
    expect((await patch(ids.HR!, {})).statusCode).toBe(400);
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await get('/units/01900000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/units', '/api/v1/units/tree', '/api/v1/units/{id}'])
      expect(doc.paths).toHaveProperty([path]);
    expect(doc.paths['/api/v1/units'].post.responses['201']).toBeDefined();
  });
});
