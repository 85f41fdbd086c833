import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { sha256 } from '../../services/security/secrets';

const HOUR = 3_600_000;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describeEachDb('API tokens', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let adminEmail: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    adminEmail = (await createPerson(t.services, 'admin')).email;
    admin = await signIn(t.app, adminEmail);
  });
  afterAll(() => t.app.close());

  const create = async (payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload });
    expect(res.statusCode).toBe(201);
    return res.json() as { secret: string; token: { id: string; prefix: string } & Record<string, unknown> };
  };
  const listUsers = (secret: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(secret) });
  const secrets: string[] = [];

  it('shows the secret once, at creation', async () => {
    const { secret, token } = await create({ name: 'ci', role: 'admin' });
    secrets.push(secret);
    expect(secret).toMatch(/^etn_[\w-]{40,}$/);
    expect(token).toMatchObject({
      name: 'ci',
      role: 'admin',
      created_by: adminEmail,
      revoked_at: null,
      expires_at: null,
      last_used_at: null,
    });
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.prefix.length).toBeLessThan(12);
    expect(token).not.toHaveProperty('token_hash');
  });

  it('works as a bearer token and records its use', async () => {
    const res = await listUsers(secrets[0]!);
    expect(res.statusCode).toBe(200);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin })).json()
      .items;
    expect(listed[0]).toMatchObject({ name: 'ci', last_used_at: t.clock().toISOString() });
  });

  it('never lists a secret or its hash', async () => {
    secrets.push((await create({ name: 'telephony', role: 'viewer' })).secret);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { name: string }) => x.name)).toEqual(['telephony', 'ci']);
    for (const secret of secrets) {
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain(sha256(secret));
    }
    expect(res.body).not.toContain('token_hash');
  });

  it('enforces the token’s role', async () => {
    const viewer = secrets[1]!;
    expect((await listUsers(viewer)).statusCode).toBe(403);
    const manager = (await create({ name: 'reports', role: 'manager' })).secret;
    expect((await listUsers(manager)).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(manager),
      payload: { email: 'nope@example.org', name: 'Nope', role: 'admin', invite: true },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('forbidden');
    // Only admins manage tokens: a manager token cannot mint an admin one.
    const mint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer(manager),
      payload: { name: 'x', role: 'admin' },
    });
    expect(mint.statusCode).toBe(403);
  });

  it('stops working once revoked, and stays listed as revoked', async () => {
    const { secret, token } = await create({ name: 'short-lived', role: 'admin' });
    expect((await listUsers(secret)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: token.id, revoked_at: t.clock().toISOString() });
    const after = await listUsers(secret);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin })).json()
      .items;
    expect(listed.find((x: { id: string }) => x.id === token.id).revoked_at).toBe(t.clock().toISOString());
    // Revoking again changes nothing; an unknown id is 404.
    t.clock.advance(60_000);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: admin });
    expect(again.json().revoked_at).toBe(res.json().revoked_at);
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/tokens/019cadc6-9a80-7150-971c-f59537b11ce0',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('stops working when it expires, whatever offset the expiry was given in', async () => {
    const inOneHour = new Date(t.clock().getTime() + HOUR);
    // The same instant written in Moscow time.
    const moscow = new Date(inOneHour.getTime() + 3 * HOUR).toISOString().replace('.000Z', '+03:00');
    const { secret, token } = await create({ name: 'expiring', role: 'admin', expires_at: moscow });
    expect(token.expires_at).toBe(inOneHour.toISOString());
    t.clock.advance(HOUR - 1000);
    expect((await listUsers(secret)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await listUsers(secret)).statusCode).toBe(401);
  });

  it('refuses an expiry that has already passed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin,
      payload: { name: 'stale', role: 'viewer', expires_at: t.clock().toISOString() },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'expires_at' })]);
  });

  it('refuses a token without a name or with an unknown role, listing both', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin,
      payload: { name: '  ', role: 'boss' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['name', 'role']);
  });
});
