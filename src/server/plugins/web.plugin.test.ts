import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { createServices } from '../../services/services';
import { testClock, testPasswords } from '../../../test/test-app';

/** The web plugin over a tiny stand-in build: an index.html and one hashed asset. */
describe('serving the web app', () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  const root = mkdtempSync(join(tmpdir(), 'etalon-web-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Etalon</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    database = await createTestDatabase('sqlite');
    const services = createServices({
      db: database.db,
      dialect: database.dialect,
      ping: () => database.ping(),
      clock: testClock(),
      passwords: testPasswords,
      version: 'test',
      sessionHours: 12,
      dataDir: root,
    });
    app = await buildApp({ services, logLevel: false, webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a client-side route with index.html, not cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/users?q=ann' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers a missing file with a 404, not with the app page', async () => {
    for (const url of ['/favicon.ico', '/assets/app-old999.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });
});
