import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import {
  createEmployee,
  createPerson,
  createTestApp,
  createUnits,
  createToken,
  signIn,
  type TestApp,
} from '../../../test/test-app';
import type { PersonRole } from '../../core';

type Headers = Record<string, string>;

const telephone = (code: string, units: string[], target = 0.9) => ({
  code,
  title: { en: 'Answer by the third ring', ru: 'Ответ до третьего звонка' },
  kind: 'tangible',
  category: 'responsiveness',
  channels: ['phone'],
  units,
  measure: { type: 'threshold', field: 'rings', max: 3 },
  target,
  period: 'month',
});

/** The agreement flow over HTTP: two people in two sessions, a head and a quality lead. */
describeEachDb('proposals API', (database) => {
  let t: TestApp;
  const as: Record<string, Headers> = {};
  const unit: Record<string, string> = {};

  async function person(name: string, role: PersonRole, heads?: string) {
    const { user, email } = await createPerson(t.services, role);
    if (heads !== undefined)
      await createEmployee(t.services, {
        code: `E-${name}`,
        name,
        unitId: unit[heads]!,
        userId: user.id,
        heads: true,
      });
    as[name] = await signIn(t.app, email);
  }

  beforeAll(async () => {
    t = await createTestApp(database());
    Object.assign(
      unit,
      await createUnits(t.services, [
        ['ORG', null],
        ['SALES', 'ORG'],
        ['HR', 'ORG'],
      ]),
    );
    await person('admin', 'admin');
    await person('lead', 'manager');
    await person('sales', 'head', 'SALES');
    await person('hr', 'head', 'HR');
    await person('staff', 'staff');
    await person('viewer', 'viewer');
  });
  afterAll(() => t.app.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });

  it('a head proposes, the other unit head is refused, the head and a manager approve, it is published', async () => {
    expect((await call('staff', 'POST', '/proposals', { title: 'x' })).statusCode).toBe(403);

    const created = await call('lead', 'POST', '/proposals', {
      title: 'Phones in sales',
      rationale: 'Customers wait too long',
      changes: [
        { entity: 'standard', action: 'add', code: 'TEL-01', definition: telephone('TEL-01', ['SALES']) },
      ],
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      number: 1,
      status: 'draft',
      revision: 1,
      can: { edit: true, submit: true },
    });
    // Defaults are stored applied (zod output).
    expect(draft.changes[0].after).toMatchObject({ code: 'TEL-01', target: 0.9 });

    const submitted = await call('lead', 'POST', `/proposals/${draft.id}/submit`, { revision: 1 });
    expect(submitted.statusCode).toBe(200);
    expect(
      submitted
        .json()
        .approvals.map((a: { requirement: string; unit: { code: string } | null }) => [
          a.requirement,
          a.unit?.code ?? null,
        ]),
    ).toEqual([
      ['head', 'SALES'],
      ['manager', null],
    ]);

    const waiting = await call('sales', 'GET', '/proposals?awaiting_me=true');
    expect(waiting.json().items.map((p: { id: string }) => p.id)).toEqual([draft.id]);
    expect((await call('hr', 'GET', '/proposals?awaiting_me=true')).json().items).toEqual([]);

    // The head of HR may not decide for SALES.
    const refused = await call('hr', 'POST', `/proposals/${draft.id}/approve`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    // The author (the manager) may not approve their own proposal.
    const self = await call('lead', 'POST', `/proposals/${draft.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details).toMatchObject({ reason: 'self' });

    const notes = await call('sales', 'GET', '/notifications');
    expect(notes.json()).toMatchObject({
      unread: 1,
      items: [{ kind: 'approval_requested', proposal: { id: draft.id, number: 1 }, read_at: null }],
    });
    const read = await call('sales', 'POST', '/notifications/read', {});
    expect(read.json().unread).toBe(0);

    expect(
      (await call('sales', 'POST', `/proposals/${draft.id}/approve`, { comment: 'Yes' })).json(),
    ).toMatchObject({
      status: 'open',
      approvals_pending: 1,
    });
    // An API token is not a person: approving or rejecting is a plain 403, never a 500 (decided_by is a user).
    for (const role of ['admin', 'head'] as const) {
      const token = await createToken(t.services, role);
      for (const [path, payload] of [
        ['approve', {}],
        ['reject', { comment: 'No' }],
        ['approve', { approval_id: submitted.json().approvals[1].id }],
      ] as const) {
        const byToken = await t.app.inject({
          method: 'POST',
          url: `/api/v1/proposals/${draft.id}/${path}`,
          headers: token.headers,
          payload,
        });
        expect(byToken.statusCode).toBe(403);
        expect(byToken.json().error.details).toMatchObject({ reason: 'not_a_person' });
      }
    }
    // The second manager approval: an administrator counts as a quality lead.
    const approved = await call('admin', 'POST', `/proposals/${draft.id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'published', published_directly: false });

    const standard = await call('staff', 'GET', '/standards/TEL-01');
    expect(standard.statusCode).toBe(200);
    expect(standard.json()).toMatchObject({
      code: 'TEL-01',
      status: 'active',
      current: { version: 1, proposal_id: draft.id, proposal_title: 'Phones in sales' },
      applies_to: [{ code: 'SALES' }],
    });
    expect((await call('staff', 'GET', `/standards?unit=${unit.SALES}&channel=phone`)).json().total).toBe(1);
    expect((await call('staff', 'GET', `/standards?unit=${unit.HR}`)).json().total).toBe(0);
    expect((await call('staff', 'GET', '/standards/NOPE')).statusCode).toBe(404);
    expect((await call('lead', 'GET', '/notifications')).json().items[0]).toMatchObject({
      kind: 'proposal_published',
    });
  });

  it('an edit naming an old revision is a 409 edit_conflict; a validation error names the standard and the unit', async () => {
    const bad = await call('sales', 'POST', '/proposals', {
      title: 'Bad',
      changes: [
        { entity: 'standard', action: 'add', code: 'TEL-09', definition: telephone('TEL-09', ['MARS']) },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({
        path: 'changes.0.definition.units.0',
        message: 'standard TEL-09: unknown unit "MARS"',
      }),
    ]);

    const p = (
      await call('sales', 'POST', '/proposals', {
        title: 'Faster',
        changes: [
          {
            entity: 'standard',
            action: 'change',
            code: 'TEL-01',
            base_version: 1,
            definition: telephone('TEL-01', ['SALES'], 0.95),
          },
        ],
      })
    ).json();
    const first = await call('sales', 'PATCH', `/proposals/${p.id}`, {
      revision: 1,
      title: 'Faster answers',
    });
    expect(first.json()).toMatchObject({ revision: 2, title: 'Faster answers' });
    const second = await call('lead', 'PATCH', `/proposals/${p.id}`, { revision: 1, title: 'Other' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'edit_conflict', details: { current_revision: 2 } });

    // A competing proposal is a conflict of this one; publishing it first makes this one stale.
    const rival = (
      await call('lead', 'POST', '/proposals', {
        title: 'Slower',
        changes: [
          {
            entity: 'standard',
            action: 'change',
            code: 'TEL-01',
            base_version: 1,
            definition: telephone('TEL-01', ['SALES'], 0.8),
          },
        ],
      })
    ).json();
    expect((await call('sales', 'GET', `/proposals/${p.id}`)).json().conflicts).toMatchObject([
      { proposal_id: rival.id, code: 'TEL-01' },
    ]);
    expect((await call('lead', 'POST', `/proposals/${rival.id}/publish`, { revision: 1 })).statusCode).toBe(
      403,
    );
    const direct = await call('admin', 'POST', `/proposals/${rival.id}/publish`, { revision: 1 });
    expect(direct.json()).toMatchObject({ status: 'published', published_directly: true });
    const stale = await call('admin', 'POST', `/proposals/${p.id}/publish`, { revision: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'stale', codes: ['TEL-01'] },
    });
    const versions = (await call('staff', 'GET', '/standards/TEL-01')).json().versions;
    expect(
      versions.map((v: { version: number; published_directly: boolean }) => [
        v.version,
        v.published_directly,
      ]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('comments mention people; settings are read by all and changed by administrators', async () => {
    const list = (await call('staff', 'GET', '/proposals')).json();
    const id = list.items.find((p: { title: string }) => p.title === 'Faster answers').id;
    const hrEmail = (await call('hr', 'GET', '/auth/session')).json().user.email as string;
    const posted = await call('staff', 'POST', `/proposals/${id}/comments`, {
      body: `@${hrEmail} have a look`,
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().mentions).toMatchObject([{ email: hrEmail }]);
    expect((await call('hr', 'GET', '/notifications?unread=true')).json().items[0]).toMatchObject({
      kind: 'mentioned',
      excerpt: `@${hrEmail} have a look`,
    });
    expect((await call('sales', 'GET', '/notifications')).json().items[0]).toMatchObject({
      kind: 'commented',
    });
    expect((await call('lead', 'GET', `/proposals/${id}/comments`)).json()).toMatchObject({ total: 1 });
    // A viewer reads everything (drafts too) but writes nothing, comments included.
    expect((await call('viewer', 'GET', `/proposals/${id}/comments`)).json()).toMatchObject({ total: 1 });
    expect((await call('viewer', 'GET', '/proposals?status=draft')).statusCode).toBe(200);
    expect((await call('viewer', 'GET', '/notifications')).statusCode).toBe(200);
    expect((await call('viewer', 'POST', `/proposals/${id}/comments`, { body: 'Me too' })).statusCode).toBe(
      403,
    );
    expect((await call('viewer', 'POST', '/proposals', { title: 'x' })).statusCode).toBe(403);

    expect((await call('staff', 'GET', '/settings/standards')).json()).toEqual({
      allow_self_approval: false,
    });
    expect((await call('lead', 'PUT', '/settings/standards', { allow_self_approval: true })).statusCode).toBe(
      403,
    );
    expect((await call('admin', 'PUT', '/settings/standards', { allow_self_approval: true })).json()).toEqual(
      {
        allow_self_approval: true,
      },
    );
  });

  it('the routes are in the OpenAPI document under the standards tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/standards',
      '/api/v1/standards/{code}',
      '/api/v1/calendars',
      '/api/v1/proposals/{id}/approve',
      '/api/v1/notifications/read',
      '/api/v1/settings/standards',
    ])
      expect(doc.paths[path], path).toBeDefined();
    expect(doc.paths['/api/v1/proposals'].post.tags).toEqual(['standards']);
  });
});
