import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, type TestApp } from '../../../test/test-app';
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from '../../services/auth.service';

const ATTACKER = '203.0.113.7';
const NEIGHBOUR = '198.51.100.9';

describeEachDb('login rate limit', (database) => {
  let t: TestApp;
  let email: string;
  let password: string;
  let firstFailureAt: number;
  beforeAll(async () => {
    t = await createTestApp(database());
    ({ email, password } = await createPerson(t.services, 'staff'));
  });
  afterAll(() => t.app.close());

  const login = (remoteAddress: string, pw: string, who = email) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email: who, password: pw },
    });

  it(`answers the first ${LOGIN_MAX_FAILURES} failures from one address with 401`, async () => {
    expect(LOGIN_MAX_FAILURES).toBe(10);
    firstFailureAt = t.clock().getTime();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
      // Different e-mails count too: the limit is per address.
      const res = await login(ATTACKER, 'wrong password ' + i, i % 2 ? email : `guess${i}@example.org`);
      expect(res.statusCode).toBe(401);
      t.clock.advance(10_000);
    }
  });

  it('answers the next attempt 429 with Retry-After, even with the right password', async () => {
    const res = await login(ATTACKER, password);
    expect(res.statusCode).toBe(429);
    const expected = Math.ceil((firstFailureAt + LOGIN_WINDOW_MS - t.clock().getTime()) / 1000);
    expect(expected).toBe(800);
    expect(res.headers['retry-after']).toBe(String(expected));
    expect(res.json().error).toMatchObject({
      code: 'rate_limited',
      details: { retry_after_seconds: expected },
    });
    expect(res.cookies.find((c) => c.name === 'etalon_session')).toBeUndefined();
  });

  it('leaves other addresses alone', async () => {
    expect((await login(NEIGHBOUR, password)).statusCode).toBe(200);
  });

  it('still refuses one second before Retry-After is over', async () => {
    t.clock.advance(799_000);
    const res = await login(ATTACKER, password);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('lets the address in again once Retry-After has passed', async () => {
    t.clock.advance(1000);
    expect(t.clock().getTime()).toBe(firstFailureAt + LOGIN_WINDOW_MS);
    expect((await login(ATTACKER, password)).statusCode).toBe(200);
  });

  it('does not count failures older than the window', async () => {
    // Nine failures are still inside the window: one more is allowed, the eleventh is not.
    expect((await login(ATTACKER, 'wrong again')).statusCode).toBe(401);
    expect((await login(ATTACKER, password)).statusCode).toBe(429);
    t.clock.advance(LOGIN_WINDOW_MS);
    expect((await login(ATTACKER, password)).statusCode).toBe(200);
  });
});

describeEachDb('login rate limit under a burst', (database) => {
  let t: TestApp;
  let email: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    ({ email } = await createPerson(t.services, 'staff'));
  });
  afterAll(() => t.app.close());

  it(`lets at most ${LOGIN_MAX_FAILURES} of 40 simultaneous guesses reach the password check`, async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '192.0.2.40',
          payload: { email, password: `burst guess ${i}` },
        }),
      ),
    );
    const checked = results.filter((r) => r.statusCode === 401).length;
    const limited = results.filter((r) => r.statusCode === 429).length;
    expect(checked + limited).toBe(40);
    expect(checked).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(limited).toBeGreaterThanOrEqual(40 - LOGIN_MAX_FAILURES);
  });
});
