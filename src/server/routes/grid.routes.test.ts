import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { systemActor, type Role } from '../../core';

type Headers = Record<string, string>;
type Who = Role | 'head_it';
const system = { actor: systemActor('test') };
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

/**
 * The organization every test below uses (made through the services, as the CLI would):
 *
 *   ORG ← HR ← HR-PAY          employees: anna (HR, heads HR, signs in as `head`),
 *   ORG ← IT                              vera (HR-PAY), boris (IT, heads IT, signs in as `head_it`)
 *   LEGAL (a second root)
 */
describeEachDb('grid API', (database) => {
  let t: TestApp;
  const as: Partial<Record<Who, Headers>> = {};
  const unit: Record<string, string> = {};
  const emp: Record<string, string> = {};
  const type: Record<string, string> = {};
  const cell: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['admin', 'manager', 'staff', 'viewer'] as const) {
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
    }
    const headHr = await createPerson(t.services, 'head');
    const headIt = await createPerson(t.services, 'head');
    as.head = await signIn(t.app, headHr.email);
    as.head_it = await signIn(t.app, headIt.email);
    for (const [code, parent] of [
      ['ORG', null],
      ['LEGAL', null],
      ['IT', 'ORG'],
      ['HR', 'ORG'],
      ['HR-PAY', 'HR'],
    ] as const) {
      const made = await t.services.units.create(system, {
        code,
        name: { en: `${code} unit`, ru: `Подразделение ${code}` },
        parent_id: parent === null ? null : unit[parent]!,
        timezone: null,
        calendar: null,
        contact: code === 'IT' ? { email: 'it@example.org', phone: '2000' } : null,
        head_ids: [],
      });
      unit[code] = made.id;
    }
    for (const [code, unitCode, userId] of [
      ['anna', 'HR', headHr.user.id],
      ['vera', 'HR-PAY', null],
      ['boris', 'IT', headIt.user.id],
      ['gleb', 'IT', null],
    ] as const) {
      const made = await t.services.employees.create(system, {
        code,
        name: { en: code[0]!.toUpperCase() + code.slice(1) },
        position: `${code}'s position`,
        unit_id: unit[unitCode]!,
        email: `${code}@example.org`,
        extensions: ['100'],
        user_id: userId,
      });
      emp[code] = made.id;
    }
    await t.services.units.update(system, unit.HR!, { head_ids: [emp.anna!] });
    await t.services.units.update(system, unit.IT!, { head_ids: [emp.boris!] });
    for (const st of (await t.services.supportTypes.list(system)).items) type[st.code] = st.id;
  });
  afterAll(() => t.app.close());

  const req = (method: 'POST' | 'PATCH' | 'DELETE', url: string, who: Who, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload && { payload }) });
  const get = (url: string, who: Who = 'viewer') =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[who] });
  const newCell = (payload: object, who: Who = 'manager') => req('POST', '/grid/cells', who, payload);
  const issuesOf = (res: { json: () => unknown }) =>
    (
      res.json() as { error: { details: { issues: { path: string; code: string }[] } } }
    ).error.details.issues.map((i) => [i.path, i.code]);

  it('every grid route is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/v1/support-types')).toEqual(['get', 'post']);
    expect(methods('/api/v1/support-types/{id}')).toEqual(['delete', 'get', 'patch']);
    expect(methods('/api/v1/grid/cells')).toEqual(['get', 'post']);
    expect(methods('/api/v1/grid/cells/{id}')).toEqual(['delete', 'get', 'patch']);
    for (const path of ['/api/v1/grid', '/api/v1/grid/ask', '/api/v1/grid/history']) {
      expect(methods(path)).toEqual(['get']);
    }
  });

  it('everyone reads the six built-in support types, in the vocabulary’s order', async () => {
    const res = await get('/support-types', 'staff');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    expect(body.items.map((s: { code: string }) => s.code)).toEqual([
      'information',
      'paperwork',
      'deadlines',
      'consultation',
      'escalation',
      'document_delivery',
    ]);
    expect(body.items[0]).toMatchObject({
      name: { ru: 'Информационная поддержка', en: 'Information support' },
      builtin: true,
      status: 'active',
      cell_count: 0,
    });
    expect(body.items[2].name.en).toBe('Help preparing to hand work in on time');
    expect(new Set(body.items.map((s: { color: string }) => s.color)).size).toBe(6);
  });

  it('a manager creates a cell; its types come back in the vocabulary’s order', async () => {
    const res = await newCell({
      provider: { kind: 'unit', id: unit.IT },
      recipient_unit_id: unit.HR,
      support_type_ids: [type.paperwork, type.information],
      instructions: 'Open a ticket in the service desk, category "HR systems"',
      expected_response: 'Within one working day',
      contact_employee_id: emp.gleb,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      provider: { kind: 'unit', id: unit.IT },
      recipient_unit_id: unit.HR,
      support_type_ids: [type.information, type.paperwork],
      contact_employee_id: emp.gleb,
      created_at: '2026-03-02T09:00:00.000Z',
    });
    cell.itToHr = res.json().id;
    expect((await get(`/grid/cells/${cell.itToHr}`)).json().instructions).toMatch(/service desk/);
    expect((await get(`/support-types/${type.paperwork}`)).json().cell_count).toBe(1);
  });

  it('a second cell for the same provider and recipient is a 409 naming the first', async () => {
    const res = await newCell(
      {
        provider: { kind: 'unit', id: unit.IT },
        recipient_unit_id: unit.HR,
        support_type_ids: [type.escalation],
      },
      'admin',
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'duplicate_cell', cell_id: cell.itToHr },
    });
    expect((await get(`/grid/cells?provider_unit_id=${unit.IT}`)).json().total).toBe(1);
  });

  it('the same provider may help another unit, and an employee may help the same unit', async () => {
    const toOrg = await newCell({
      provider: { kind: 'unit', id: unit.IT },
      recipient_unit_id: unit.ORG,
      support_type_ids: [type.consultation],
      instructions: 'Call the IT hotline',
    });
    expect(toOrg.statusCode).toBe(201);
    cell.itToOrg = toOrg.json().id;
    const gleb = await newCell({
      provider: { kind: 'employee', id: emp.gleb },
      recipient_unit_id: unit.HR,
      support_type_ids: [type.escalation],
      instructions: 'Write to Gleb when the ticket is stuck',
    });
    expect(gleb.statusCode).toBe(201);
    cell.glebToHr = gleb.json().id;
  });

  it('validation names every bad field at once', async () => {
    const res = await newCell({
      provider: { kind: 'employee', id: UNKNOWN },
      recipient_unit_id: UNKNOWN,
      support_type_ids: [type.information, type.paperwork, UNKNOWN],
      contact_employee_id: UNKNOWN,
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      ['provider.id', 'unknown'],
      ['recipient_unit_id', 'unknown'],
      ['support_type_ids.2', 'unknown'],
      ['contact_employee_id', 'unknown'],
    ]);
    const self = await newCell({
      provider: { kind: 'unit', id: unit.HR },
      recipient_unit_id: unit.HR,
      support_type_ids: [type.information],
    });
    expect(self.statusCode).toBe(400);
    expect(issuesOf(self)).toEqual([['recipient_unit_id', 'self']]);
    expect(self.json().error.details.issues[0].message).toBe('Unit HR cannot be its own provider');
  });

  it('the contract refuses an empty or repeated list of support types', async () => {
    for (const support_type_ids of [[], [type.information, type.information]]) {
      const res = await newCell({
        provider: { kind: 'unit', id: unit.LEGAL },
        recipient_unit_id: unit.HR,
        support_type_ids,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('support_type_ids');
    }
  });

  it('viewers and staff may not write cells (403)', async () => {
    for (const who of ['viewer', 'staff'] as const) {
      for (const res of [
        await newCell(
          {
            provider: { kind: 'unit', id: unit.LEGAL },
            recipient_unit_id: unit.HR,
            support_type_ids: [type.information],
          },
          who,
        ),
        await req('PATCH', `/grid/cells/${cell.itToHr}`, who, { instructions: 'x' }),
        await req('DELETE', `/grid/cells/${cell.itToHr}`, who),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect((await get(`/grid/cells/${cell.itToHr}`)).json().instructions).toMatch(/service desk/);
  });

  it('a head edits cells provided by their unit, units below it and their employees — no others', async () => {
    // anna heads HR: HR itself, HR-PAY below it and vera of HR-PAY are hers.
    const mine = [
      { provider: { kind: 'unit', id: unit.HR }, recipient_unit_id: unit.IT },
      { provider: { kind: 'unit', id: unit['HR-PAY'] }, recipient_unit_id: unit.HR },
      { provider: { kind: 'employee', id: emp.vera }, recipient_unit_id: unit.LEGAL },
    ];
    for (const [i, c] of mine.entries()) {
      const res = await newCell({ ...c, support_type_ids: [type.paperwork] }, 'head');
      expect(res.statusCode, JSON.stringify(c)).toBe(201);
      cell[`head${i}`] = res.json().id;
    }
    const notMine = await newCell(
      {
        provider: { kind: 'unit', id: unit.ORG },
        recipient_unit_id: unit.HR,
        support_type_ids: [type.paperwork],
      },
      'head',
    );
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.details).toMatchObject({ reason: 'not_your_unit' });
    // IT's cell to HR is addressed to anna's unit but provided by IT: not hers to edit.
    for (const res of [
      await req('PATCH', `/grid/cells/${cell.itToHr}`, 'head', { instructions: 'Changed by HR' }),
      await req('DELETE', `/grid/cells/${cell.itToHr}`, 'head'),
    ]) {
      expect(res.statusCode).toBe(403);
    }
    // …but it is boris's, who heads IT.
    const byIt = await req('PATCH', `/grid/cells/${cell.itToHr}`, 'head_it', {
      expected_response: 'Same day',
    });
    expect(byIt.statusCode).toBe(200);
    const own = await req('PATCH', `/grid/cells/${cell.head1}`, 'head', {
      support_type_ids: [type.deadlines, type.information],
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().support_type_ids).toEqual([type.information, type.deadlines]);
    const boris = await req('DELETE', `/grid/cells/${cell.head2}`, 'head_it');
    expect(boris.statusCode).toBe(403);
  });

  it('update checks only what it changes, naming the field', async () => {
    const res = await req('PATCH', `/grid/cells/${cell.itToHr}`, 'manager', {
      support_type_ids: [type.information, UNKNOWN],
      contact_employee_id: UNKNOWN,
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      ['support_type_ids.1', 'unknown'],
      ['contact_employee_id', 'unknown'],
    ]);
    const missing = await req('PATCH', `/grid/cells/${UNKNOWN}`, 'manager', { instructions: 'x' });
    expect(missing.statusCode).toBe(404);
  });

  it('the matrix: rows in tree order with depths, unit columns then providing employees, cells', async () => {
    const res = await get('/grid', 'staff');
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.recipients.map((r: { code: string; depth: number }) => [r.code, r.depth])).toEqual([
      ['LEGAL', 0],
      ['ORG', 0],
      ['HR', 1],
      ['HR-PAY', 2],
      ['IT', 1],
    ]);
    expect(
      m.providers.map((p: { kind: string; code: string; depth: number }) => [p.kind, p.code, p.depth]),
    ).toEqual([
      ['unit', 'LEGAL', 0],
      ['unit', 'ORG', 0],
      ['unit', 'HR', 1],
      ['unit', 'HR-PAY', 2],
      ['unit', 'IT', 1],
      ['employee', 'vera', 3],
      ['employee', 'gleb', 2],
    ]);
    expect(m.providers.find((p: { code: string }) => p.code === 'vera').unit_id).toBe(unit['HR-PAY']);
    expect(m.support_types).toHaveLength(6);
    // Ordered by row (recipient), then column (provider).
    expect(m.cells.map((c: { id: string }) => c.id)).toEqual([
      cell.head2, // vera → LEGAL
      cell.itToOrg, // IT → ORG
      cell.head1, // HR-PAY → HR
      cell.itToHr, // IT → HR
      cell.glebToHr, // gleb → HR
      cell.head0, // HR → IT
    ]);
    expect(m.cells[3]).toEqual({
      id: cell.itToHr,
      provider_kind: 'unit',
      provider_id: unit.IT,
      recipient_unit_id: unit.HR,
      support_type_ids: [type.information, type.paperwork],
    });
  });

  it('the matrix narrows to a subtree (with whoever helps it from elsewhere) and to one support type', async () => {
    const hr = (await get(`/grid?unit_id=${unit.HR}`)).json();
    expect(hr.recipients.map((r: { code: string }) => r.code)).toEqual(['HR', 'HR-PAY']);
    // IT and gleb help HR from outside its branch: they are columns, so HR is not shown as a gap.
    // LEGAL and ORG help nobody in HR's branch; vera (in HR-PAY) provides elsewhere but is in view.
    expect(hr.providers.map((p: { code: string; depth: number }) => [p.code, p.depth])).toEqual([
      ['HR', 1],
      ['HR-PAY', 2],
      ['IT', 1],
      ['vera', 3],
      ['gleb', 2],
    ]);
    expect(hr.cells.map((c: { id: string }) => c.id)).toEqual([cell.head1, cell.itToHr, cell.glebToHr]);

    const esc = (await get(`/grid?support_type_id=${type.escalation}`)).json();
    expect(esc.recipients).toHaveLength(5);
    expect(esc.providers).toHaveLength(7);
    expect(esc.cells.map((c: { id: string }) => c.id)).toEqual([cell.glebToHr]);

    expect((await get(`/grid?unit_id=${UNKNOWN}`)).statusCode).toBe(404);
  });

  it('whom do I ask: the unit’s own cells first, then its parent’s, then the root’s', async () => {
    const res = await get(`/grid/ask?unit_id=${unit['HR-PAY']}`, 'staff');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    // Within one recipient, unit providers (by code) before employees; HR-PAY's own help to HR
    // (head1) is not help for HR-PAY, so it is left out.
    expect(items.map((a: { cell_id: string; via_unit_id: string }) => [a.cell_id, a.via_unit_id])).toEqual([
      [cell.itToHr, unit.HR],
      [cell.glebToHr, unit.HR],
      [cell.itToOrg, unit.ORG],
    ]);
    const fromHr = (await get(`/grid/ask?unit_id=${unit.HR}`)).json().items;
    expect(fromHr.map((a: { cell_id: string }) => a.cell_id)).toEqual([
      cell.head1,
      cell.itToHr,
      cell.glebToHr,
      cell.itToOrg,
    ]);
    const fromIt = items.find((a: { cell_id: string }) => a.cell_id === cell.itToHr);
    expect(fromIt).toMatchObject({
      provider: { kind: 'unit', id: unit.IT, code: 'IT', unit_id: unit.IT },
      support_types: [{ code: 'information' }, { code: 'paperwork' }],
      expected_response: 'Same day',
      contact: { code: 'gleb', email: 'gleb@example.org', extensions: ['100'], position: "gleb's position" },
      provider_contact: { email: 'it@example.org', phone: '2000' },
    });
    const gleb = items.find((a: { cell_id: string }) => a.cell_id === cell.glebToHr);
    expect(gleb.provider).toMatchObject({ kind: 'employee', code: 'gleb', unit_id: unit.IT });
    expect(gleb.provider_contact).toEqual({ email: 'it@example.org', phone: '2000' });
  });

  it('whom do I ask, filtered by support type and by text (any case, types’ names too)', async () => {
    const ids = async (query: string) =>
      (await get(`/grid/ask?unit_id=${unit['HR-PAY']}&${query}`))
        .json()
        .items.map((a: { cell_id: string }) => a.cell_id);
    expect(await ids(`support_type_id=${type.consultation}`)).toEqual([cell.itToOrg]);
    expect(await ids('q=HOTLINE')).toEqual([cell.itToOrg]);
    expect(await ids('q=stuck')).toEqual([cell.glebToHr]);
    expect(await ids('q=same%20DAY')).toEqual([cell.itToHr]);
    expect(await ids(`q=${encodeURIComponent('эскалац')}`)).toEqual([cell.glebToHr]);
    expect(await ids('q=gleb')).toEqual([cell.glebToHr]);
    expect(await ids('q=nothing-like-this')).toEqual([]);
    expect((await get(`/grid/ask?unit_id=${UNKNOWN}`)).statusCode).toBe(404);
    expect((await get('/grid/ask')).statusCode).toBe(400);
  });

  it('history lists cell changes newest first, with codes, for everyone, a page at a time', async () => {
    const res = await get('/grid/history?limit=2', 'viewer');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).not.toBeNull();
    const [latest] = page.items;
    expect(latest).toMatchObject({
      action: 'grid_cell.update',
      entity: 'grid_cell',
      entity_id: cell.head1,
      before: {
        provider: { kind: 'unit', id: unit['HR-PAY'], code: 'HR-PAY' },
        recipient_unit_code: 'HR',
        support_type_codes: ['paperwork'],
      },
      after: { support_type_codes: ['information', 'deadlines'] },
    });
    expect(latest.actor_label).toMatch(/^head/);
    const all: { action: string; entity: string }[] = [];
    let cursor: string | null = null;
    do {
      const next: { items: typeof all; next_cursor: string | null } = (
        await get(`/grid/history?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...next.items);
      cursor = next.next_cursor;
    } while (cursor);
    expect(all.filter((e) => e.action === 'grid_cell.create')).toHaveLength(6);
    expect(new Set(all.map((e) => e.entity))).toEqual(new Set(['grid_cell']));
    expect(all.map((e) => e.action)).not.toContain('unit.create');
  });

  it('an employee who leaves and a unit archived drop out of the matrix; their cells stay stored', async () => {
    await t.services.employees.update(system, emp.gleb!, { status: 'left' });
    const m = (await get('/grid')).json();
    expect(m.providers.map((p: { code: string }) => p.code)).not.toContain('gleb');
    expect(m.cells.map((c: { id: string }) => c.id)).not.toContain(cell.glebToHr);
    expect((await get(`/grid/cells/${cell.glebToHr}`)).statusCode).toBe(200);
    // Asking no longer offers the departed provider, and a departed contact is not offered either.
    const asked = (await get(`/grid/ask?unit_id=${unit.HR}`)).json().items;
    expect(asked.map((a: { cell_id: string }) => a.cell_id)).not.toContain(cell.glebToHr);
    expect(asked.find((a: { cell_id: string }) => a.cell_id === cell.itToHr).contact).toBeNull();
    // A left employee cannot be named anew.
    const res = await req('PATCH', `/grid/cells/${cell.itToOrg}`, 'manager', {
      contact_employee_id: emp.gleb,
    });
    expect(issuesOf(res)).toEqual([['contact_employee_id', 'left']]);
    const again = await newCell({
      provider: { kind: 'employee', id: emp.gleb },
      recipient_unit_id: unit.ORG,
      support_type_ids: [type.information],
    });
    expect(issuesOf(again)).toEqual([['provider.id', 'left']]);

    await t.services.units.update(system, unit.LEGAL!, { status: 'archived' });
    const after = (await get('/grid')).json();
    expect(after.recipients.map((r: { code: string }) => r.code)).toEqual(['ORG', 'HR', 'HR-PAY', 'IT']);
    expect(after.cells.map((c: { id: string }) => c.id)).not.toContain(cell.head2);
    const toArchived = await newCell({
      provider: { kind: 'unit', id: unit.IT },
      recipient_unit_id: unit.LEGAL,
      support_type_ids: [type.information],
    });
    expect(issuesOf(toArchived)).toEqual([['recipient_unit_id', 'archived']]);
  });

  it('deleting a cell answers 204, is audited with the cell as it was, and is a 404 afterwards', async () => {
    const res = await req('DELETE', `/grid/cells/${cell.itToOrg}`, 'manager');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await get(`/grid/cells/${cell.itToOrg}`)).statusCode).toBe(404);
    expect((await req('DELETE', `/grid/cells/${cell.itToOrg}`, 'manager')).statusCode).toBe(404);
    const [latest] = (await get('/grid/history?limit=1')).json().items;
    expect(latest).toMatchObject({
      action: 'grid_cell.delete',
      entity_id: cell.itToOrg,
      before: { provider: { code: 'IT' }, recipient_unit_code: 'ORG', support_type_codes: ['consultation'] },
      after: null,
    });
  });

  it('support types: a manager creates, edits and deletes an unused one; staff may not', async () => {
    const made = await req('POST', '/support-types', 'manager', {
      code: 'training',
      name: { en: 'Training', ru: 'Обучение' },
      description: { en: 'Shows how' },
      color: 'lime',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      code: 'training',
      builtin: false,
      status: 'active',
      cell_count: 0,
      description: { en: 'Shows how', ru: null },
    });
    const id = made.json().id;
    const list = (await get('/support-types')).json().items.map((s: { code: string }) => s.code);
    expect(list.at(-1)).toBe('training');
    const dup = await req('POST', '/support-types', 'admin', { code: 'training', name: { en: 'Again' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual({ field: 'code' });
    for (const res of [
      await req('POST', '/support-types', 'staff', { code: 'x', name: { en: 'X' } }),
      await req('PATCH', `/support-types/${id}`, 'head', { color: 'red' }),
      await req('DELETE', `/support-types/${id}`, 'viewer'),
    ]) {
      expect(res.statusCode).toBe(403);
    }
    const renamed = await req('PATCH', `/support-types/${id}`, 'manager', {
      code: 'coaching',
      color: 'pink',
    });
    expect(renamed.json()).toMatchObject({ code: 'coaching', color: 'pink' });
    const deleted = await req('DELETE', `/support-types/${id}`, 'manager');
    expect(deleted.statusCode).toBe(204);
    expect((await get(`/support-types/${id}`)).statusCode).toBe(404);
    const actions = (await get('/grid/history?limit=3'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['support_type.delete', 'support_type.update', 'support_type.create']);
  });

  it('support types: a built-in one is never deleted nor recoded; one in use is archived instead', async () => {
    const builtin = await req('DELETE', `/support-types/${type.document_delivery}`, 'manager');
    expect(builtin.statusCode).toBe(409);
    expect(builtin.json().error).toMatchObject({ code: 'conflict', details: { reason: 'builtin' } });
    expect(builtin.json().error.message).toMatch(/archive it instead/);
    const recode = await req('PATCH', `/support-types/${type.paperwork}`, 'manager', { code: 'docs' });
    expect(issuesOf(recode)).toEqual([['code', 'builtin']]);

    const custom = (
      await req('POST', '/support-types', 'manager', { code: 'courier', name: { en: 'Courier' } })
    ).json();
    expect(custom.color).toBe('gray');
    const used = await newCell({
      provider: { kind: 'unit', id: unit.ORG },
      recipient_unit_id: unit.IT,
      support_type_ids: [custom.id],
    });
    expect(used.statusCode).toBe(201);
    const inUse = await req('DELETE', `/support-types/${custom.id}`, 'manager');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.details).toEqual({ reason: 'in_use', cell_count: 1 });

    const archived = await req('PATCH', `/support-types/${custom.id}`, 'manager', { status: 'archived' });
    expect(archived.json()).toMatchObject({ status: 'archived', cell_count: 1 });
    const [entry] = (await get('/grid/history?limit=1')).json().items;
    expect(entry).toMatchObject({ action: 'support_type.archive', before: { status: 'active' } });
    // Still listed (with its cell), but no longer offered for new help.
    expect((await get('/support-types')).json().items.map((s: { code: string }) => s.code)).toContain(
      'courier',
    );
    const refused = await newCell({
      provider: { kind: 'unit', id: unit.HR },
      recipient_unit_id: unit.ORG,
      support_type_ids: [type.information, custom.id],
    });
    expect(issuesOf(refused)).toEqual([['support_type_ids.1', 'archived']]);
  });

  it('lists cells filtered by recipient, provider and support type', async () => {
    const ids = async (query: string) =>
      (await get(`/grid/cells?${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await ids(`recipient_unit_id=${unit.HR}`)).toEqual([cell.itToHr, cell.glebToHr, cell.head1]);
    expect(await ids(`provider_employee_id=${emp.vera}`)).toEqual([cell.head2]);
    expect(await ids(`provider_unit_id=${unit.IT}&support_type_id=${type.paperwork}`)).toEqual([cell.itToHr]);
    const page = (await get('/grid/cells?limit=2&offset=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(6);
  });
});
