import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createTestApp, signIn, STRONG_PASSWORD, type TestApp } from '../../../test/test-app';

const MINUTE = 60_000;
type Entry = {
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
};

/** Every kind of change, one a minute, through the API; then the log is read back. */
describeEachDb('audit log', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let adminId: string;
  const ids: Record<string, string> = {};
  const times: string[] = [];
  let all: Entry[];

  const call = async (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = admin,
  ) => {
    t.clock.advance(MINUTE);
    times.push(t.clock().toISOString());
    const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.body ? res.json() : undefined;
  };
  const audit = async (query = '', headers = admin) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Entry[]; next_cursor: string | null };
  };

  beforeAll(async () => {
    t = await createTestApp(database());
    adminId = (
      await call(
        'POST',
        '/api/v1/setup',
        { name: 'Root Admin', email: 'root.admin@example.org', password: STRONG_PASSWORD },
        {},
      )
    ).id;
    admin = await signIn(t.app, 'root.admin@example.org');
    ids.person = (
      await call('POST', '/api/v1/users', {
        email: 'pat@example.org',
        name: 'Pat',
        role: 'staff',
        password: STRONG_PASSWORD,
      })
    ).user.id;
    await call('PATCH', `/api/v1/users/${ids.person}`, { role: 'manager' });
    const invited = await call('POST', '/api/v1/users', {
      email: 'ina@example.org',
      name: 'Ina',
      role: 'viewer',
      invite: true,
    });
    ids.invited = invited.user.id;
    await call(
      'POST',
      '/api/v1/invites/accept',
      { token: invited.invite_url.split('#token=')[1], password: STRONG_PASSWORD },
      {},
    );
    const token = await call('POST', '/api/v1/tokens', { name: 'integration-bot', role: 'admin' });
    ids.token = token.token.id;
    const bot = { authorization: `Bearer ${token.secret}` };
    ids.byBot = (
      await call(
        'POST',
        '/api/v1/users',
        { email: 'bot-made@example.org', name: 'Q', role: 'staff', invite: true },
        bot,
      )
    ).user.id;
    await call('PATCH', `/api/v1/users/${ids.byBot}`, { status: 'deactivated' });
    await call('DELETE', `/api/v1/tokens/${ids.token}`);
    await call('POST', '/api/v1/me/password', {
      current_password: STRONG_PASSWORD,
      new_password: 'a brand new passphrase 7',
    });
    await call('PATCH', '/api/v1/me', { locale: 'ru' });
    all = (await audit('limit=500')).items;
  });
  afterAll(() => t.app.close());

  it('records every change, newest first, at the time it happened', () => {
    expect(all.map((e) => e.action)).toEqual([
      'user.update',
      'user.password_change',
      'token.revoke',
      'user.deactivate',
      'user.create',
      'token.create',
      'user.accept_invite',
      'user.create',
      'user.update',
      'user.create',
      'user.create',
    ]);
    expect(all.map((e) => e.at)).toEqual([...times].reverse());
  });

  it('names the actor, the entity and the state before and after', () => {
    const find = (action: string, entityId: string) =>
      all.find((e) => e.action === action && e.entity_id === entityId)!;
    expect(find('user.create', adminId)).toMatchObject({
      actor_kind: 'user',
      actor_id: adminId,
      actor_label: 'root.admin@example.org',
      before: null,
      after: { email: 'root.admin@example.org', role: 'admin' },
    });
    expect(find('user.update', ids.person!)).toMatchObject({
      entity: 'user',
      before: { role: 'staff' },
      after: { role: 'manager' },
    });
    expect(find('user.accept_invite', ids.invited!)).toMatchObject({
      actor_id: ids.invited,
      before: { status: 'invited' },
      after: { status: 'active' },
    });
    expect(find('user.create', ids.byBot!)).toMatchObject({
      actor_kind: 'token',
      actor_id: ids.token,
      actor_label: 'integration-bot',
    });
    expect(find('user.deactivate', ids.byBot!)).toMatchObject({
      actor_id: adminId,
      before: { status: 'invited' },
      after: { status: 'deactivated' },
    });
    expect(find('token.create', ids.token!)).toMatchObject({
      entity: 'token',
      before: null,
      after: { name: 'integration-bot', revoked_at: null },
    });
    expect(find('token.revoke', ids.token!)).toMatchObject({
      before: { revoked_at: null },
      after: { revoked_at: times[8] },
    });
    expect(find('user.update', adminId)).toMatchObject({ before: { locale: null }, after: { locale: 'ru' } });
    // Every change made over HTTP names its request, even setup and accepting an invitation.
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) expect(e.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never shows a password hash or a token hash', () => {
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/password_hash|token_hash|scrypt\$/);
    expect(all.find((e) => e.action === 'user.password_change')).toMatchObject({ before: null, after: null });
  });

  it('filters by entity, action and actor', async () => {
    expect((await audit('entity=token')).items.map((e) => e.action)).toEqual([
      'token.revoke',
      'token.create',
    ]);
    expect((await audit('action=user.deactivate')).items.map((e) => e.entity_id)).toEqual([ids.byBot]);
    expect((await audit(`entity=user&entity_id=${ids.person}`)).items.map((e) => e.action)).toEqual([
      'user.update',
      'user.create',
    ]);
    expect((await audit('actor=integration-bot')).items.map((e) => e.entity_id)).toEqual([ids.byBot]);
    expect((await audit(`actor=${ids.token}`)).items).toHaveLength(1);
    const byAdmin = all.filter((e) => e.actor_id === adminId);
    expect((await audit(`actor=${adminId}`)).items).toEqual(byAdmin);
    expect((await audit('actor=ROOT.ADMIN')).items).toEqual(byAdmin);
  });

  it('filters by time: from inclusive, to exclusive, in any offset', async () => {
    const expected = all.filter((e) => e.at >= times[2]! && e.at < times[5]!).map((e) => e.action);
    expect(expected).toEqual(['user.accept_invite', 'user.create', 'user.update']);
    const moscow = (iso: string) =>
      new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().replace('.000Z', '+03:00');
    const noMillis = (iso: string) => iso.replace('.000Z', 'Z');
    for (const write of [(iso: string) => iso, moscow, noMillis]) {
      const q = `from=${encodeURIComponent(write(times[2]!))}&to=${encodeURIComponent(write(times[5]!))}`;
      expect(
        (await audit(q)).items.map((e) => e.action),
        q,
      ).toEqual(expected);
    }
  });

  it('pages with a cursor, returning every entry exactly once', async () => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Entry[]; next_cursor: string | null } = await audit(
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(Math.ceil(all.length / 3));
    expect(seen).toEqual(all);
    expect(new Set(seen.map((e) => e.id)).size).toBe(all.length);
  });

  it('pages a filtered list too', async () => {
    const first = await audit('entity=user&limit=2');
    const second = await audit(`entity=user&limit=2&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items]).toEqual(all.filter((e) => e.entity === 'user').slice(0, 4));
  });

  it('refuses a cursor it did not make', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=bogus', headers: admin });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toMatchObject([{ path: 'cursor', in: 'query' }]);
  });

  it('may be read by a manager but not by a viewer', async () => {
    const manager = await signIn(t.app, 'pat@example.org');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: manager })).statusCode).toBe(
      200,
    );
    const viewer = await signIn(t.app, 'ina@example.org');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: viewer });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});
