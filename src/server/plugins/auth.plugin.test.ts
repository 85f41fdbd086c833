import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, createToken, signIn, type TestApp } from '../../../test/test-app';

describeEachDb('authentication and CSRF defence', (database) => {
  let t: TestApp;
  let admin: { email: string; password: string };
  let headers: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    t = await createTestApp(database());
    admin = await createPerson(t.services, 'admin');
    headers = await signIn(t.app, admin.email);
  });
  afterAll(() => t.app.close());

  const rename = (h: Record<string, string>, name: string) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: h, payload: { name } });
  const myName = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: headers.cookie } })
    ).json().user.name;

  it('refuses a cookie-authenticated write without X-CSRF-Token', async () => {
    const before = await myName();
    const res = await rename({ cookie: headers.cookie }, 'Forged Name');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect(await myName()).toBe(before);
  });

  it('refuses a wrong CSRF token, also one of the same length', async () => {
    const wrong = headers['x-csrf-token'].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of ['nope', wrong]) {
      const res = await rename({ cookie: headers.cookie, 'x-csrf-token': token }, 'Forged Name');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
    }
  });

  it('refuses the CSRF token of another session', async () => {
    const other = await signIn(t.app, admin.email);
    const res = await rename(
      { cookie: headers.cookie, 'x-csrf-token': other['x-csrf-token'] },
      'Forged Name',
    );
    expect(res.statusCode).toBe(403);
  });

  it('accepts a write with the session’s CSRF token', async () => {
    const res = await rename(headers, 'Renamed Admin');
    expect(res.statusCode).toBe(200);
    expect(await myName()).toBe('Renamed Admin');
  });

  it('needs no CSRF token for reads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: headers.cookie },
    });
    expect(res.statusCode).toBe(200);
  });

  it('needs no CSRF token for bearer-token writes', async () => {
    const token = await createToken(t.services, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: token.headers,
      payload: { email: 'by-token@example.org', name: 'By Token', role: 'staff', invite: true },
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses sign-in from another origin', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: 'etalon.example.org', origin },
        payload: { email: admin.email, password: admin.password },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('accepts sign-in from its own origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: 'etalon.example.org', origin: 'http://etalon.example.org' },
      payload: { email: admin.email, password: admin.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 to a request with no credentials', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/tokens'],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/auth/session'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('answers 401 to an unknown or malformed bearer token, even with a valid cookie', async () => {
    for (const authorization of ['Bearer etn_unknown', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users',
        headers: { authorization, cookie: headers.cookie },
      });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('clears a cookie that names no session', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: 'etalon_session=forged' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'etalon_session')?.value).toBe('');
  });
});

describeEachDb('the Origin check behind a reverse proxy, and encoded paths', (database) => {
  let t: TestApp;
  let admin: { email: string; password: string };
  beforeAll(async () => {
    t = await createTestApp(database(), { publicUrl: 'https://etalon.example.org' });
    admin = await createPerson(t.services, 'admin');
  });
  afterAll(() => t.app.close());

  const login = (headers: Record<string, string>, url = '/api/v1/auth/login') =>
    t.app.inject({ method: 'POST', url, headers, payload: { email: admin.email, password: admin.password } });

  it('accepts the public address as Origin when the proxy sends its own Host', async () => {
    const res = await login({ host: '127.0.0.1:3000', origin: 'https://etalon.example.org' });
    expect(res.statusCode).toBe(200);
  });

  it('still refuses any other origin', async () => {
    const res = await login({ host: '127.0.0.1:3000', origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });

  it('applies the same checks to a percent-encoded path to the API', async () => {
    const res = await login(
      { host: '127.0.0.1:3000', origin: 'https://evil.example' },
      '/%61pi/v1/auth/login',
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });
});
