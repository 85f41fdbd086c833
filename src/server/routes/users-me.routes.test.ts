import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import {
  createPerson,
  createTestApp,
  createToken,
  signIn,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/test-app';

const NEW_PASSWORD = 'seven silver lanterns 9';

/** A person's own profile and password. */
describeEachDb('users API: me', (database) => {
  let t: TestApp;
  let email: string;
  let mine: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(database());
    email = (await createPerson(t.services, 'staff')).email;
    mine = await signIn(t.app, email);
  });
  afterAll(() => t.app.close());

  const changePassword = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload });
  const session = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });

  it('changes one’s own name and language, whatever the role', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: mine,
      payload: { name: 'Sam Staff', locale: 'ru' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email, name: 'Sam Staff', locale: 'ru', role: 'staff' });
    expect((await session(mine)).json().user).toMatchObject({ name: 'Sam Staff', locale: 'ru' });
  });

  it('refuses a wrong current password', async () => {
    const res = await changePassword(mine, {
      current_password: 'not my password',
      new_password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'invalid_credentials',
      details: { field: 'current_password' },
    });
    expect((await session(mine)).statusCode).toBe(200);
  });

  it('refuses a weak new password on the new_password field', async () => {
    const res = await changePassword(mine, { current_password: STRONG_PASSWORD, new_password: 'sam' });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as Array<{ path: string }>;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.path === 'new_password')).toBe(true);
  });

  it('changes the password, ending every other session but this one', async () => {
    const other = await signIn(t.app, email);
    const res = await changePassword(mine, { current_password: STRONG_PASSWORD, new_password: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await session(mine)).statusCode).toBe(200);
    expect((await session(other)).statusCode).toBe(401);
    await expect(signIn(t.app, email)).rejects.toThrow(/401/);
    await expect(signIn(t.app, email, NEW_PASSWORD)).resolves.toHaveProperty('cookie');
  });

  it('is for people only: a token has no “me”', async () => {
    const token = await createToken(t.services, 'admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: token.headers,
      payload: { name: 'Bot' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});
