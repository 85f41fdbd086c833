import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, STRONG_PASSWORD, type TestApp } from '../../../test/test-app';
import { systemActor, type Role } from '../../core';

type Headers = Record<string, string>;
const newPerson = (email: string, role: Role = 'staff') => ({
  email,
  name: `Person ${email}`,
  role,
  password: STRONG_PASSWORD,
});

describeEachDb('users API: who may do what', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
    }
  });
  afterAll(() => t.app.close());

  const list = (role: Role) => t.app.inject({ method: 'GET', url: '/api/v1/users', headers: as[role] });
  const create = (role: Role, email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: as[role], payload: newPerson(email) });

  it('a viewer can neither list nor create people', async () => {
    for (const res of [await list('viewer'), await create('viewer', 'v-made@example.org')]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('a manager can list but not create', async () => {
    expect((await list('manager')).statusCode).toBe(200);
    const res = await create('manager', 'm-made@example.org');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('an admin can list and create', async () => {
    expect((await create('admin', 'a-made@example.org')).statusCode).toBe(201);
    const res = await list('admin');
    expect(res.statusCode).toBe(200);
    const emails = (res.json().items as Array<{ email: string }>).map((u) => u.email);
    expect(emails).toContain('a-made@example.org');
    expect(emails).not.toContain('v-made@example.org');
    expect(emails).not.toContain('m-made@example.org');
    expect(res.json().total).toBe(4);
  });

  it('anyone may read their own record, not others’', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as.viewer })).json()
      .user;
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/users/${me.id}`, headers: as.viewer });
    expect(own.statusCode).toBe(200);
    const admin = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as.admin })
    ).json().user;
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/users/${admin.id}`, headers: as.viewer }))
        .statusCode,
    ).toBe(403);
  });
});

describeEachDb('users API: people', (database) => {
  let t: TestApp;
  const lookup = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invites/lookup', payload: { token } });
  let admin: Headers;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    const made = await createPerson(t.services, 'admin');
    adminId = made.user.id;
    admin = await signIn(t.app, made.email);
  });
  afterAll(() => t.app.close());

  const post = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload });
  const patch = (id: string, payload: object, headers = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload });

  it('creates a person with a password, who can then sign in', async () => {
    const res = await post(newPerson('With.Password@Example.org', 'staff'));
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: 'with.password@example.org',
      role: 'staff',
      status: 'active',
    });
    expect(res.json().invite_url).toBeUndefined();
    expect(res.body).not.toMatch(/password_hash|scrypt/);
    await expect(signIn(t.app, 'with.password@example.org')).resolves.toHaveProperty('cookie');
  });

  it('refuses a weak password for a new person', async () => {
    const res = await post({ ...newPerson('weak@example.org'), password: 'weak12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'password', code: 'too_short' });
  });

  it('refuses a duplicate e-mail, whatever its case, with 409 conflict', async () => {
    const res = await post(newPerson('WITH.password@example.org'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { field: 'email' } });
  });

  it('invites a person: the link shows who it is for, sets a password once, then is gone', async () => {
    const res = await post({
      email: 'invited@example.org',
      name: 'Ina Invited',
      role: 'manager',
      invite: true,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user.status).toBe('invited');
    expect(body.invite_expires_at).toBe(new Date(t.clock().getTime() + 7 * 86_400_000).toISOString());
    const match = /\/invite#token=([\w-]+)$/.exec(body.invite_url);
    expect(match).not.toBeNull();
    const token = match![1]!;

    expect(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'invited@example.org', password: STRONG_PASSWORD },
      }),
    ).toHaveProperty('statusCode', 401);
    const info = await lookup(token);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email: 'invited@example.org', name: 'Ina Invited' });

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, password: 'invited-2026' },
    });
    expect(weak.statusCode).toBe(400);

    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toEqual({ email: 'invited@example.org' });
    const session = await signIn(t.app, 'invited@example.org');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session });
    expect(me.json().user).toMatchObject({ status: 'active', role: 'manager' });

    for (const used of [
      await lookup(token),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/invites/accept',
        payload: { token, password: 'another good passphrase' },
      }),
    ]) {
      expect(used.statusCode).toBe(410);
      expect(used.json().error.code).toBe('invite_invalid');
    }
    await expect(signIn(t.app, 'invited@example.org')).resolves.toHaveProperty('cookie');
  });

  it('re-issues a lost invitation: the new link works, the old one no longer does', async () => {
    const created = (
      await post({ email: 'lost-link@example.org', name: 'Lou Lost', role: 'staff', invite: true })
    ).json();
    const tokenOf = (url: string) => /#token=([\w-]+)$/.exec(url)![1]!;
    const oldToken = tokenOf(created.invite_url);
    t.clock.advance(60_000);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${created.user.id}/invite`,
      headers: admin,
    });
    expect(again.statusCode).toBe(201);
    const newToken = tokenOf(again.json().invite_url);
    expect(newToken).not.toBe(oldToken);
    expect(again.json().invite_expires_at).toBe(new Date(t.clock().getTime() + 7 * 86_400_000).toISOString());
    expect((await lookup(oldToken)).statusCode).toBe(410);
    expect((await lookup(newToken)).statusCode).toBe(200);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token: newToken, password: STRONG_PASSWORD },
    });
    expect(accept.statusCode).toBe(200);
    // Once they have a password, there is nothing to invite them to.
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${created.user.id}/invite`,
      headers: admin,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('conflict');
  });

  it('lets one link be used once, even by two requests at the same moment', async () => {
    const created = (
      await post({ email: 'racing-link@example.org', name: 'Rae Racing', role: 'staff', invite: true })
    ).json();
    const token = /#token=([\w-]+)$/.exec(created.invite_url)![1]!;
    const accept = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/invites/accept', payload: { token, password } });
    const results = await Promise.all([accept('first copper lantern 8'), accept('second copper lantern 9')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const accepted = await database()
      .db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'user.accept_invite')
      .where('entity_id', '=', created.user.id)
      .execute();
    expect(accepted).toHaveLength(1);
  });

  it('never puts an invitation token in a URL path, where access logs would keep it', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(spec.paths).filter((p) => p.includes('/invites'));
    expect(paths.sort()).toEqual(['/api/v1/invites/accept', '/api/v1/invites/lookup']);
  });

  it('answers an unknown invitation with 410', async () => {
    const res = await lookup('abcdefghijklmnopqrstuvwxyz');
    expect(res.statusCode).toBe(410);
  });

  it('changes a role, which the person’s open session feels at once', async () => {
    const { user, email } = await createPerson(t.services, 'viewer');
    const theirs = await signIn(t.app, email);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: theirs })).statusCode).toBe(
      403,
    );
    const res = await patch(user.id, { role: 'manager' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, role: 'manager', updated_at: t.clock().toISOString() });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: theirs })).statusCode).toBe(
      200,
    );
  });

  it('deactivates a person: their sessions end and they cannot sign in', async () => {
    const { user, email } = await createPerson(t.services, 'staff');
    const theirs = await signIn(t.app, email);
    const res = await patch(user.id, { status: 'deactivated' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('deactivated');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: theirs })).statusCode,
    ).toBe(401);
    await expect(signIn(t.app, email)).rejects.toThrow(/403/);
    const count = await database()
      .db.selectFrom('sessions')
      .where('user_id', '=', user.id)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('reactivates a person who never chose a password as invited, not active', async () => {
    const created = (
      await post({ email: 'never@example.org', name: 'Never Accepted', role: 'staff', invite: true })
    ).json();
    expect((await patch(created.user.id, { status: 'deactivated' })).json().status).toBe('deactivated');
    expect((await patch(created.user.id, { status: 'active' })).json().status).toBe('invited');
  });

  it('refuses to let admins deactivate themselves or change their own role', async () => {
    for (const payload of [{ status: 'deactivated' }, { role: 'viewer' }]) {
      const res = await patch(adminId, payload);
      expect(res.statusCode).toBe(403);
      // The reason tells the web app this is about "yourself", not about the role's rights.
      expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'self' } });
    }
    expect((await patch(adminId, { name: 'Still Admin' })).statusCode).toBe(200);
  });

  it('refuses an empty change', async () => {
    const res = await patch(adminId, {});
    expect(res.statusCode).toBe(400);
  });

  it('has no way to delete a person', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${adminId}`, headers: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/users/${adminId}`, headers: admin })).statusCode,
    ).toBe(200);
  });

  it('filters the list by text, role and status, and pages it', async () => {
    const get = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/users?${query}`, headers: admin })).json();
    const byText = await get('q=INA%20INV');
    expect(byText.items.map((u: { email: string }) => u.email)).toEqual(['invited@example.org']);
    const managers = await get('role=manager');
    expect(managers.items.every((u: { role: string }) => u.role === 'manager')).toBe(true);
    expect(managers.total).toBe(2);
    const deactivated = await get('status=deactivated');
    expect(deactivated.total).toBe(1);
    const all = await get('limit=500');
    const page = await get('limit=2&offset=1');
    expect(page.total).toBe(all.total);
    expect(page.items).toEqual(all.items.slice(1, 3));
  });

  // Last: moving the clock a week ends the admin's session too.
  it('lets an invitation expire after 7 days', async () => {
    const created = await t.services.users.create(
      { actor: systemActor('test') },
      { email: 'late@example.org', name: 'Late', role: 'staff', invite: true },
    );
    const token = created.invite_url!.split('#token=')[1]!;
    t.clock.advance(7 * 86_400_000 - 1000);
    expect((await lookup(token)).statusCode).toBe(200);
    t.clock.advance(1000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invite_invalid');
  });
});
