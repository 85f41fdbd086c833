import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, STRONG_PASSWORD, type TestApp } from '../../../test/test-app';
import { systemActor } from '../../core';

const ADMIN = { name: 'Joan Admin', email: 'joan.admin@example.org', password: STRONG_PASSWORD };
const HOUR = 3_600_000;

const sessionCookie = (res: { cookies: Array<{ name: string }> }) =>
  res.cookies.find((c) => c.name === 'etalon_session');
type Cookie = {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  expires?: Date;
};

describeEachDb('first-run setup and sign-in', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  const setup = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/setup', payload });
  const login = (payload: object, extra: { headers?: Record<string, string> } = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, ...extra });

  it('needs setup on an empty instance', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(res.json()).toEqual({ needed: true });
  });

  it('refuses a weak password, listing every problem on the password field', async () => {
    const res = await setup({ name: 'Joan Admin', email: 'joan@example.org', password: 'joan12345' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    const issues = error.details.issues as Array<{ path: string; code: string }>;
    expect(issues.map((i) => i.path)).toEqual(['password', 'password']);
    expect(issues.map((i) => i.code).sort()).toEqual(['contains_identity', 'too_short']);
  });

  it('lists every invalid field, not only the first', async () => {
    const res = await setup({ email: 'not-an-email', password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    const paths = (error.details.issues as Array<{ path: string; in: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(['email', 'name']);
    expect(error.message).toContain('email');
    expect(error.message).toContain('name');
  });

  it('still needs setup after refused attempts', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
  });

  it('creates the first administrator once', async () => {
    const res = await setup({ ...ADMIN, email: 'Joan.Admin@Example.org' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: ADMIN.email,
      name: ADMIN.name,
      role: 'admin',
      status: 'active',
    });
    expect(res.body).not.toContain('password');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
  });

  it('refuses a second setup with setup_done', async () => {
    const res = await setup({ name: 'Mallory', email: 'mallory@example.org', password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('setup_done');
    expect((await login({ email: 'mallory@example.org', password: STRONG_PASSWORD })).statusCode).toBe(401);
  });

  it('signs in: an httpOnly, SameSite=Lax cookie, not Secure over plain http', async () => {
    const res = await login({ email: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: ADMIN.email,
      role: 'admin',
      last_login_at: t.clock().toISOString(),
    });
    expect(body.csrf_token).toMatch(/^[\w-]{20,}$/);
    expect(body.expires_at).toBe(new Date(t.clock().getTime() + 12 * HOUR).toISOString());
    const cookie = sessionCookie(res) as Cookie;
    expect(cookie.value.length).toBeGreaterThan(30);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.expires?.toISOString()).toBe(new Date(body.expires_at).toISOString());

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `etalon_session=${cookie.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { email: ADMIN.email }, csrf_token: body.csrf_token });
  });

  it('ignores X-Forwarded-Proto unless the proxy is trusted', async () => {
    const res = await login(
      { email: ADMIN.email, password: ADMIN.password },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(res.statusCode).toBe(200);
    expect((sessionCookie(res) as Cookie).secure).toBeFalsy();
  });

  it('accepts the e-mail in any case', async () => {
    expect((await login({ email: 'JOAN.ADMIN@example.ORG', password: ADMIN.password })).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail alike, with invalid_credentials', async () => {
    const wrong = await login({ email: ADMIN.email, password: 'not the password at all' });
    const unknown = await login({ email: 'nobody@example.org', password: ADMIN.password });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
      expect(res.json().error.message).toMatch(/wrong e-mail or password/i);
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('refuses a deactivated account with account_inactive', async () => {
    const { user } = await t.services.users.create(
      { actor: systemActor('test') },
      { email: 'gone@example.org', name: 'Gone', role: 'staff', password: STRONG_PASSWORD, invite: false },
    );
    expect((await login({ email: 'gone@example.org', password: STRONG_PASSWORD })).statusCode).toBe(200);
    await t.services.users.update({ actor: systemActor('test') }, user.id, { status: 'deactivated' });
    const res = await login({ email: 'gone@example.org', password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_inactive');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('signs out: the cookie is cleared and the session ends', async () => {
    const headers = await signIn(t.app, ADMIN.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(res.statusCode).toBe(204);
    const cleared = sessionCookie(res) as Cookie;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThanOrEqual(Date.now());
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('keeps an active session alive and ends an idle one after 12 hours', async () => {
    const headers = await signIn(t.app, ADMIN.email);
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(11 * HOUR); // 33 hours in all, never 12 idle
      const res = await get();
      expect(res.statusCode).toBe(200);
      const renewed = sessionCookie(res) as Cookie;
      expect(renewed.expires?.toISOString()).toBe(new Date(t.clock().getTime() + 12 * HOUR).toISOString());
    }
    t.clock.advance(12 * HOUR + 1000);
    const res = await get();
    expect(res.statusCode).toBe(401);
    expect((sessionCookie(res) as Cookie | undefined)?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode).toBe(401);
  });

  it('sweeps sessions that have ended when someone signs in', async () => {
    await signIn(t.app, ADMIN.email);
    const count = async () =>
      (await database().db.selectFrom('sessions').select('expires_at').execute()).filter(
        (s) => s.expires_at <= t.clock().toISOString(),
      ).length;
    t.clock.advance(13 * HOUR);
    expect(await count()).toBeGreaterThan(0);
    await signIn(t.app, ADMIN.email);
    expect(await count()).toBe(0);
  });
});

describeEachDb('the session cookie behind a proxy', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // What ETALON_TRUST_PROXY=true means: a proxy on this machine (inject comes from 127.0.0.1).
    t = await createTestApp(database(), { trustProxy: 'loopback' });
    await t.services.users.create(
      { actor: systemActor('test') },
      { email: 'proxy@example.org', name: 'Proxy', role: 'staff', password: STRONG_PASSWORD, invite: false },
    );
  });
  afterAll(() => t.app.close());

  const login = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      remoteAddress,
      payload: { email: 'proxy@example.org', password: STRONG_PASSWORD },
    });

  it('ignores forwarded headers from anyone but the trusted proxy', async () => {
    const res = await login({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '6.6.6.6' }, '203.0.113.5');
    expect(res.statusCode).toBe(200);
    expect((sessionCookie(res) as Cookie).secure).toBeFalsy();
    const sessions = await database().db.selectFrom('sessions').select('ip').execute();
    expect(sessions.map((x) => x.ip)).toContain('203.0.113.5');
    expect(sessions.map((x) => x.ip)).not.toContain('6.6.6.6');
  });

  it('is Secure when the proxy says the client used https', async () => {
    const res = await login({ 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect((sessionCookie(res) as Cookie).secure).toBe(true);
  });

  it('is not Secure when the proxy says http', async () => {
    const res = await login({ 'x-forwarded-proto': 'http' });
    expect((sessionCookie(res) as Cookie).secure).toBeFalsy();
  });
});

describeEachDb('racing setups', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('lets exactly one of several simultaneous setups win', async () => {
    const attempts = await Promise.all(
      ['a', 'b', 'c', 'd'].map((who) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { name: `Admin ${who}`, email: `admin.${who}@example.org`, password: STRONG_PASSWORD },
        }),
      ),
    );
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const lost of attempts.filter((r) => r.statusCode === 409))
      expect(lost.json().error.code).toBe('setup_done');
    expect(await t.services.users.setupNeeded()).toBe(false);
    const users = await database().db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toEqual([
      { email: attempts.find((r) => r.statusCode === 201)!.json().email, role: 'admin' },
    ]);
  });
});

describeEachDb('a session 30 days after sign-in', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database(), { sessionHours: 24 * 30 });
  });
  afterAll(() => t.app.close());

  it('ends however often it is used', async () => {
    const { email } = await createPerson(t.services, 'staff');
    const headers = await signIn(t.app, email);
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    for (let day = 0; day < 29; day += 1) {
      t.clock.advance(24 * HOUR);
      expect((await get()).statusCode).toBe(200);
    }
    t.clock.advance(24 * HOUR);
    expect((await get()).statusCode).toBe(401);
  });
});
