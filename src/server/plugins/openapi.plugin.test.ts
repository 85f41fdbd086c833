import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { VERSION } from '../../services/version';

// The document does not depend on the engine: SQLite is enough.
describe('OpenAPI', () => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('serves an OpenAPI 3 document without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: 'Etalon API', version: VERSION });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
  });

  it('describes the body of POST /api/v1/users field by field', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = doc.paths['/api/v1/users'].post.requestBody;
    expect(body.required).toBe(true);
    const schema = body.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual([
      'email',
      'invite',
      'locale',
      'name',
      'password',
      'role',
    ]);
    expect(schema.required.sort()).toEqual(['email', 'name', 'role']);
    expect(schema.properties.role.enum).toContain('viewer');
    expect(schema.properties.email.format).toBe('email');
  });

  it('lists every API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/tokens',
        '/api/v1/audit',
      ]),
    );
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
    // The security policy allows only scripts from this origin: the page must load its own files.
    const scripts = [...res.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/<script>/);
    for (const src of scripts) {
      expect(src.startsWith('/api/docs/')).toBe(true);
      expect((await t.app.inject({ method: 'GET', url: src })).statusCode, src).toBe(200);
    }
  });
});
