import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { describeEachDb } from '../../../test/test-database';
import { JPEG_1X1, pngImage, webpHeader } from '../../services/image-type.fixtures';
import { auditLogOf, EXAMPLE, setUpAudits, type Headers } from './audit-routes.fixtures';

const MiB = 1024 * 1024;

describeEachDb('photos on audits', (database) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof setUpAudits>>;
  let auditor: Headers;

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-10T09:00:00.000Z');
    s = await setUpAudits(t, database());
    auditor = s.people.auditor.headers;
  });
  afterAll(() => t.app.close());

  const upload = (
    auditId: string,
    body: Buffer | Readable,
    type: string,
    headers: Headers = auditor,
    item?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/audits/${auditId}/photos${item ? `?item=${item}` : ''}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });
  const photosDir = (auditId: string) => join(t.services.auditPhotos.directory, auditId);
  const filesOf = (auditId: string) =>
    existsSync(photosDir(auditId)) ? readdirSync(photosDir(auditId)) : [];
  const listed = async (auditId: string, headers: Headers = auditor) => {
    const res = await s.call('GET', `/audits/${auditId}/photos`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { id: string; item_id: string | null }[] }).items;
  };

  it('documents the photo and follow-up routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const methods = (p: string) => Object.keys(paths[`/api/v1${p}`] ?? {}).sort();
    expect(methods('/audits/{id}/photos')).toEqual(['get', 'post']);
    expect(methods('/audits/{id}/photos/{pid}')).toEqual(['delete', 'get']);
    expect(methods('/audits/{id}/follow-ups')).toEqual(['post']);
    expect(methods('/audits/{id}/follow-up-owners')).toEqual(['get']);
    expect(methods('/follow-ups')).toEqual(['get']);
    expect(methods('/follow-ups/{id}')).toEqual(['get', 'patch']);
  });

  it('stores a photo of an item as a file, its row from the bytes, and serves it back privately', async () => {
    const id = await s.newAudit(auditor);
    const png = pngImage(64, 48);
    const res = await upload(id, png, 'image/png', auditor, 'SMILE');
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({
      audit_id: id,
      item_id: 'SMILE',
      content_type: 'image/png',
      bytes: png.length,
      width: 64,
      height: 48,
      url: `/api/v1/audits/${id}/photos/${photo.id}`,
    });
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(filesOf(id)).toEqual([photo.id]);

    const jpeg = await upload(id, JPEG_1X1, 'image/jpeg; charset=binary');
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(jpeg.json()).toMatchObject({ item_id: null, content_type: 'image/jpeg', width: 1, height: 1 });
    const webp = await upload(id, webpHeader(800, 600), 'image/webp', auditor, 'TIDY');
    expect(webp.json()).toMatchObject({ content_type: 'image/webp', width: 800, height: 600 });

    expect((await listed(id)).map((p) => p.item_id)).toEqual(['SMILE', null, 'TIDY']);
    const bytes = await s.call('GET', `/audits/${id}/photos/${photo.id}`, s.people.headHr.headers);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['cache-control']).toMatch(/^private/);
    expect(bytes.rawPayload.equals(png)).toBe(true);

    const log = await auditLogOf(database(), 'audit_photo.create', photo.id);
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.after!)).toMatchObject({
      audit_id: id,
      item_id: 'SMILE',
      sha256: photo.sha256,
    });
  });

  it('tells the type from the bytes: a PNG sent as JPEG, text posing as an image, a GIF → 415, nothing stored', async () => {
    const id = await s.newAudit(auditor);
    const png = await upload(id, pngImage(4, 4), 'image/jpeg');
    expect(png.statusCode).toBe(415);
    expect(png.json().error).toMatchObject({
      code: 'unsupported_media_type',
      details: { declared: 'image/jpeg', detected: 'image/png' },
    });
    const text = await upload(id, Buffer.from('I am a photo, trust me. '.repeat(10)), 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.details).toMatchObject({ declared: 'image/png' });
    expect(text.json().error.details.detected).toBeUndefined();
    const gif = await upload(id, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'), 'image/gif');
    expect(gif.statusCode).toBe(415);
    const json = await s.call('POST', `/audits/${id}/photos`, auditor, { photo: 'base64…' });
    expect(json.statusCode).toBe(415);
    const tiny = await upload(id, Buffer.from([0x89, 0x50]), 'image/png');
    expect(tiny.statusCode).toBe(415);
    expect(await listed(id)).toEqual([]);
    expect(filesOf(id)).toEqual([]);
  });

  it('413 beyond 8 MiB — declared or streamed — without storing anything and without reading on', async () => {
    const id = await s.newAudit(auditor);
    const exact = pngImage(2, 2);
    const atLimit = pngImage(2, 2, 8 * MiB - exact.length - 12);
    expect(atLimit.length).toBe(8 * MiB);
    const ok = await upload(id, atLimit, 'image/png');
    expect(ok.statusCode, ok.body).toBe(201);
    const over = pngImage(2, 2, 8 * MiB - exact.length - 11);
    const declared = await upload(id, over, 'image/png');
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('payload_too_large');

    // No length declared: the body streams in 1 MiB pieces of a 32 MiB "photo"; reading stops at 8 MiB.
    let pulled = 0;
    const head = pngImage(2, 2);
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 32; i++) {
          pulled += 1;
          yield i === 0 ? Buffer.concat([head, Buffer.alloc(MiB - head.length)]) : Buffer.alloc(MiB);
        }
      })(),
    );
    const streamed = await upload(id, stream, 'image/png');
    expect(streamed.statusCode).toBe(413);
    expect(pulled).toBeLessThan(16);
    expect((await listed(id)).length).toBe(1);
    expect(filesOf(id)).toHaveLength(1);
  });

  it('over a real connection: an endless chunked body gets 413 soon after 8 MiB, and nothing is stored', async () => {
    const id = await s.newAudit(auditor);
    const port = database().dialect === 'sqlite' ? 3122 : 3123;
    await t.app.listen({ port, host: '127.0.0.1' });
    const head = pngImage(2, 2);
    const chunk = Buffer.alloc(MiB);
    let written = 0;
    // The server answers 413 and closes the connection; a client still writing may see the close
    // (EPIPE, ECONNRESET) before it reads the answer — either way it could not send on.
    const outcome = await new Promise<{ status?: number; error?: string }>((resolve) => {
      let answered = false;
      const req = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: `/api/v1/audits/${id}/photos`,
        headers: { ...auditor, 'content-type': 'image/png', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
        req.destroy();
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (answered) return;
        answered = true;
        resolve({ error: e.code ?? e.message });
      });
      // Writes until the server answers (at most 64 MiB, so a server that reads everything fails the test).
      const pump = () => {
        while (!answered && written < 64 * MiB) {
          const piece = written === 0 ? head : chunk;
          written += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    if (outcome.status === undefined) expect(['EPIPE', 'ECONNRESET']).toContain(outcome.error);
    else expect(outcome.status).toBe(413);
    expect(written).toBeLessThan(40 * MiB);
    expect(filesOf(id)).toEqual([]);
    expect(await listed(id)).toEqual([]);
  });

  it('at most 20 photos an audit', async () => {
    const id = await s.newAudit(auditor);
    for (let i = 0; i < 20; i++) expect((await upload(id, pngImage(1, 1), 'image/png')).statusCode).toBe(201);
    const more = await upload(id, pngImage(1, 1), 'image/png');
    expect(more.statusCode).toBe(409);
    expect(more.json().error.details).toMatchObject({ reason: 'photo_limit', limit: 20 });
    expect(filesOf(id)).toHaveLength(20);
  });

  it('who: the audit’s auditor or a quality lead adds; others 403; readers outside its scope get 404', async () => {
    const id = await s.newAudit(auditor);
    const first = await upload(id, pngImage(1, 1), 'image/png');
    const pid = first.json().id as string;
    expect((await upload(id, pngImage(1, 1), 'image/png', s.people.admin)).statusCode).toBe(201);
    for (const who of [s.people.auditor2, s.people.viewer, s.people.headHr]) {
      const res = await upload(id, pngImage(1, 1), 'image/png', who.headers);
      expect(res.statusCode).toBe(403);
    }
    // A head of another unit and staff not observed in it do not see the audit at all.
    for (const who of [s.people.headIt, s.people.staff]) {
      expect((await s.call('GET', `/audits/${id}/photos`, who.headers)).statusCode).toBe(404);
      expect((await s.call('GET', `/audits/${id}/photos/${pid}`, who.headers)).statusCode).toBe(404);
    }
    expect((await listed(id, s.people.viewer.headers)).length).toBe(2);
    // The staff member observed in an audit sees its photos.
    const about = await s.newAudit(auditor, { employee: 'S1' });
    await upload(about, pngImage(1, 1), 'image/png');
    expect((await listed(about, s.people.staff.headers)).length).toBe(1);
    // An unknown item is named.
    const bad = await upload(id, pngImage(1, 1), 'image/png', auditor, 'NOPE');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'item', code: 'unknown_item' }),
    ]);
  });

  it('removal on a draft; a submitted audit keeps its photos unchanged', async () => {
    const id = await s.newAudit(auditor);
    const a = (await upload(id, pngImage(3, 3), 'image/png', auditor, 'EYES')).json().id as string;
    const b = (await upload(id, pngImage(5, 5), 'image/png')).json().id as string;
    expect((await s.call('DELETE', `/audits/${id}/photos/${a}`, s.people.auditor2.headers)).statusCode).toBe(
      403,
    );
    expect((await s.call('DELETE', `/audits/${id}/photos/${a}`, auditor)).statusCode).toBe(204);
    expect(filesOf(id)).toEqual([b]);
    expect(await auditLogOf(database(), 'audit_photo.delete', a)).toHaveLength(1);
    expect((await s.call('DELETE', `/audits/${id}/photos/${a}`, auditor)).statusCode).toBe(404);

    expect((await s.call('PUT', `/audits/${id}/answers`, auditor, { answers: EXAMPLE })).statusCode).toBe(
      200,
    );
    expect((await s.call('POST', `/audits/${id}/submit`, auditor)).statusCode).toBe(200);
    const after = await upload(id, pngImage(1, 1), 'image/png');
    expect(after.statusCode).toBe(409);
    expect(after.json().error.details).toMatchObject({ reason: 'submitted' });
    expect((await s.call('DELETE', `/audits/${id}/photos/${b}`, s.people.admin)).statusCode).toBe(409);
    expect((await listed(id)).map((p) => p.id)).toEqual([b]);
    expect((await s.call('GET', `/audits/${id}/photos/${b}`, auditor)).statusCode).toBe(200);
    expect(filesOf(id)).toEqual([b]);
  });
});
