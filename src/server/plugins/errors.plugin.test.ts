import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { BODY_LIMIT } from '../app';

describeEachDb('the error envelope', (database) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(database());
    headers = await signIn(t.app, (await createPerson(t.services, 'admin')).email);
  });
  afterAll(() => t.app.close());

  type Envelope = {
    error: { code: string; message: string; details: { issues: Array<{ path: string; in: string }> } };
  };
  const expectEnvelope = (res: { headers: Record<string, unknown>; json: () => unknown }, code: string) => {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as Envelope;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/\w/);
    return body;
  };

  it('answers an unknown API route with a JSON 404', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/v2/users', '/api/nope?x=1']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      const body = expectEnvelope(res, 'not_found');
      expect(body.error.message).toContain(url.split('?')[0]);
    }
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT), email: 'a@example.org', password: 'p' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(413);
    expectEnvelope(res, 'payload_too_large');
  });

  it('answers malformed JSON with a 400 envelope', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@example.org", "password": ',
    });
    expect(res.statusCode).toBe(400);
    const body = expectEnvelope(res, 'validation_failed');
    expect(body.error.details.issues).toHaveLength(1);
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])(
    'answers a %s body (what a cross-site form can send) with 415',
    async (contentType) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': contentType },
        payload: 'email=a@example.org&password=x',
      });
      expect(res.statusCode).toBe(415);
      expectEnvelope(res, 'unsupported_media_type');
    },
  );

  it('lists every invalid query parameter', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=0&role=boss&status=gone',
      headers,
    });
    expect(res.statusCode).toBe(400);
    const body = expectEnvelope(res, 'validation_failed');
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['limit', 'role', 'status']);
    expect(body.error.details.issues.every((i) => i.in === 'query')).toBe(true);
  });

  it('answers an invalid id in the path with 400, naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers });
    expect(res.statusCode).toBe(400);
    const body = expectEnvelope(res, 'validation_failed');
    expect(body.error.details.issues).toMatchObject([{ path: 'id', in: 'params' }]);
  });

  it('answers an unknown id with 404 not_found', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/019cadc6-9a80-7150-971c-f59537b11ce0',
      headers,
    });
    expect(res.statusCode).toBe(404);
    expectEnvelope(res, 'not_found');
  });

  it('answers a request without credentials with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    expectEnvelope(res, 'unauthenticated');
  });
});
