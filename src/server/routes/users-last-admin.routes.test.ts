import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, createToken, signIn, type TestApp } from '../../../test/test-app';

/** Only a token or another admin can demote an admin; the last active one must stay. */
describeEachDb('users API: the last active administrator', (database) => {
  let t: TestApp;
  let soleAdminId: string;
  let soleAdmin: Record<string, string>;
  let token: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(database());
    const made = await createPerson(t.services, 'admin');
    soleAdminId = made.user.id;
    soleAdmin = await signIn(t.app, made.email);
    token = (await createToken(t.services, 'admin')).headers;
  });
  afterAll(() => t.app.close());

  const patch = (id: string, payload: object, headers = token) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload });

  it('cannot be demoted or deactivated', async () => {
    for (const payload of [
      { role: 'manager' },
      { status: 'deactivated' },
      { role: 'viewer', status: 'deactivated' },
    ]) {
      const res = await patch(soleAdminId, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin');
    }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: soleAdmin });
    expect(me.json().user).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('may be renamed', async () => {
    expect((await patch(soleAdminId, { name: 'Renamed', role: 'admin' })).statusCode).toBe(200);
  });

  it('can be demoted once there is another active admin', async () => {
    const second = await createPerson(t.services, 'admin');
    // With two, the first admin may demote the second…
    expect((await patch(second.user.id, { role: 'manager' }, soleAdmin)).statusCode).toBe(200);
    // …after which the first is alone again.
    expect((await patch(soleAdminId, { role: 'manager' })).statusCode).toBe(409);

    const third = await createPerson(t.services, 'admin');
    const res = await patch(soleAdminId, { role: 'manager' });
    expect(res.statusCode).toBe(200);
    expect((await patch(third.user.id, { status: 'deactivated' })).json().error.code).toBe('last_admin');
  });

  it('does not count deactivated admins', async () => {
    const fourth = await createPerson(t.services, 'admin');
    expect((await patch(fourth.user.id, { status: 'deactivated' })).statusCode).toBe(200);
    const admins = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=admin&status=active',
      headers: token,
    });
    expect(admins.json().total).toBe(1);
    const [last] = admins.json().items;
    expect((await patch(last.id, { role: 'viewer' })).json().error.code).toBe('last_admin');
  });
});

describeEachDb('users API: two admins demoting each other at once', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('leaves exactly one of them an admin, every time', async () => {
    for (let round = 0; round < 5; round += 1) {
      // Start each round with exactly two active admins.
      const admins = await t.services.users.list(
        { actor: { kind: 'system', id: 'test', label: 'test', role: 'admin', units: 'all' } },
        { role: 'admin', status: 'active', limit: 500, offset: 0 },
      );
      expect(admins.total).toBeLessThanOrEqual(1);
      const a = await createPerson(t.services, 'admin');
      const b = admins.total === 1 ? { user: admins.items[0]! } : await createPerson(t.services, 'admin');
      const tokenA = (await createToken(t.services, 'admin')).headers;
      const tokenB = (await createToken(t.services, 'admin')).headers;
      const results = await Promise.all([
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${b.user.id}`,
          headers: tokenA,
          payload: { role: 'viewer' },
        }),
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${a.user.id}`,
          headers: tokenB,
          payload: { role: 'viewer' },
        }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const left = await database()
        .db.selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .execute();
      expect(left).toHaveLength(1);
    }
  });
});
