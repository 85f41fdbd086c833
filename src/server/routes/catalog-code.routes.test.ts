import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, createToken, signIn, type TestApp } from '../../../test/test-app';
import { BOOTSTRAP } from '../../services/standards-code/standards-code.fixture';

describeEachDb('standards as code over HTTP', (database) => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(database());
    admin = (await createToken(t.services, 'admin')).headers;
  });
  afterAll(() => t.app.close());

  const apply = (query: string, body: string, headers: Record<string, string>, type = 'application/yaml') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/apply${query}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });

  it('POST /catalog/apply takes YAML (application/yaml or text/yaml) and answers ApplyResult JSON; other bodies are 415', async () => {
    const dry = await apply('?dry_run=true', BOOTSTRAP, admin, 'text/yaml; charset=utf-8');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.headers['content-type']).toMatch(/^application\/json/);
    expect(dry.json()).toMatchObject({ dry_run: true, no_changes: false, proposal: null });
    expect(dry.json().changes).toHaveLength(6);

    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/apply',
      headers: admin,
      payload: { version: 'etalon/v1' },
    });
    expect(json.statusCode).toBe(415);
    const plain = await apply('', BOOTSTRAP, admin, 'text/plain');
    expect(plain.statusCode).toBe(415);

    const published = await apply(
      '?publish=true&effective_from=2026-01-01T00:00:00Z&title=First%20catalog',
      BOOTSTRAP,
      admin,
    );
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().proposal).toMatchObject({ title: 'First catalog', status: 'published' });
  });

  it('a broken file is 422 import_refused with every problem and its line', async () => {
    const res = await apply('', BOOTSTRAP.replace('target: 0.9\n', 'target: 9\n'), admin);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'import_refused',
      details: {
        problems: [
          {
            sheet: 'standards.yaml',
            line: 34,
            field: 'standards.0.target',
            message: 'standard TEL-01: target must be between 0 and 1',
          },
        ],
      },
    });
  });

  it('GET /catalog/export answers application/yaml that applies back as no changes; a head may not publish', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/export?unit=HR', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(res.body).toContain('version: etalon/v1');
    expect(res.body).toContain('code: TEL-01');
    const again = await apply('', res.body, admin);
    expect(again.json()).toMatchObject({ no_changes: true, proposal: null });

    const head = await createPerson(t.services, 'head');
    const headers = await signIn(t.app, head.email);
    const refused = await apply('?publish=true', res.body, headers);
    expect(refused.statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/export?unit=NOPE', headers });
    expect(missing.statusCode).toBe(404);
  });

  it('is in the OpenAPI document with its YAML media types', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/v1/catalog/apply'].post;
    expect(Object.keys(post.requestBody.content)).toContain('application/yaml');
    expect(doc.paths['/api/v1/catalog/export'].get).toBeDefined();
  });
});
