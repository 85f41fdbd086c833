import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { VERSION } from '../../services/version';

describeEachDb('GET /api/health', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('answers ok with the version and the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: VERSION, database: database().dialect });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describeEachDb('GET /api/health with the database gone', (database) => {
  it('answers 503 when the database does not respond', async () => {
    const t = await createTestApp(database(), { ping: async () => false });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: database().dialect });
    await t.app.close();
  });
});

describe('health of a closed database', () => {
  it('ping reports false once the connection is closed', async () => {
    const { createTestDatabase } = await import('../../../test/test-database');
    const db = await createTestDatabase('sqlite');
    await db.close();
    expect(await db.ping()).toBe(false);
  });
});
