import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createEmployee, createPerson, createTestApp, createUnits, type TestApp } from '../../test/test-app';
import { actorForUser, type PersonRole } from '../core';
import {
  ProposalCreate,
  ProposalDecide,
  type ProposalChangeInput,
  type ProposalCreateBody,
  type StandardDefinitionInput,
} from '../contract/catalog.schema';
import type { CallContext } from './service-context';

const standard = (code: string, extra: Partial<StandardDefinitionInput> = {}): StandardDefinitionInput => ({
  code,
  title: { en: `Standard ${code}`, ru: `Стандарт ${code}` },
  kind: 'tangible',
  category: 'responsiveness',
  measure: { type: 'threshold', field: 'rings', max: 3 },
  target: 0.9,
  period: 'month',
  ...extra,
});

const add = (code: string, extra: Partial<StandardDefinitionInput> = {}): ProposalChangeInput => ({
  entity: 'standard',
  action: 'add',
  code,
  definition: standard(code, extra),
});

const change = (
  code: string,
  base: number,
  extra: Partial<StandardDefinitionInput> = {},
): ProposalChangeInput => ({
  entity: 'standard',
  action: 'change',
  code,
  base_version: base,
  definition: standard(code, extra),
});

describeEachDb('proposal service', (database) => {
  let t: TestApp;
  const unit: Record<string, string> = {};
  const as: Record<string, CallContext> = {};
  const userId: Record<string, string> = {};
  const email: Record<string, string> = {};

  /** A user of `role`, optionally an employee heading `heads`. */
  async function person(name: string, role: PersonRole, heads?: string) {
    const { user } = await createPerson(t.services, role);
    as[name] = { actor: actorForUser(user) };
    userId[name] = user.id;
    email[name] = user.email;
    if (heads !== undefined)
      await createEmployee(t.services, {
        code: `E-${name}`,
        name,
        unitId: unit[heads]!,
        userId: user.id,
        heads: true,
      });
  }

  const create = (who: string, body: ProposalCreateBody) =>
    t.services.proposals.create(as[who]!, ProposalCreate.parse(body));
  const approve = (who: string, id: string, body: Record<string, unknown> = {}) =>
    t.services.proposals.approve(as[who]!, id, ProposalDecide.parse(body));
  const reject = (who: string, id: string, comment: string) =>
    t.services.proposals.reject(as[who]!, id, ProposalDecide.parse({ comment }));
  const inbox = async (who: string) => (await t.services.notifications.list(as[who]!, { limit: 200 })).items;
  const kinds = async (who: string, proposalId: string) =>
    (await inbox(who)).filter((n) => n.proposal?.id === proposalId).map((n) => n.kind);

  beforeAll(async () => {
    t = await createTestApp(database());
    Object.assign(
      unit,
      await createUnits(t.services, [
        ['ORG', null],
        ['HR', 'ORG'],
        ['HR-PAY', 'HR'],
        ['IT', 'ORG'],
      ]),
    );
    await person('admin', 'admin');
    await person('lead', 'manager');
    await person('lead2', 'manager');
    await person('hrHead', 'head', 'HR');
    await person('itHead', 'head', 'IT');
    await person('staff', 'staff');
  });
  afterAll(() => t.app.close());

  it('staff cannot propose; a proposal with problems names each with its standard and field', async () => {
    await expect(create('staff', { title: 'x', changes: [add('S-01')] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const failure = create('itHead', {
      title: 'Bad',
      changes: [
        add('BAD-01', { units: ['HR', 'NOPE'], calendar: 'night', owner: 'E-ghost' }),
        add('BAD-02', { grid_cells: [{ provider: 'IT', recipient: 'HR' }] }),
        change('MISSING-01', 1),
        add('BAD-01'),
      ],
    });
    await expect(failure).rejects.toMatchObject({ code: 'validation_failed' });
    const issues = (
      (await failure.catch((e: { details: { issues: unknown[] } }) => e)) as {
        details: { issues: { path: string; message: string }[] };
      }
    ).details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'changes.0.definition.units.1',
          message: 'standard BAD-01: unknown unit "NOPE"',
        }),
        expect.objectContaining({
          path: 'changes.0.definition.calendar',
          message: 'standard BAD-01: unknown calendar "night"',
        }),
        expect.objectContaining({
          path: 'changes.0.definition.owner',
          message: 'standard BAD-01: unknown employee "E-ghost"',
        }),
        expect.objectContaining({ path: 'changes.1.definition.grid_cells.0' }),
        expect.objectContaining({ path: 'changes.2.code', message: 'standard MISSING-01: does not exist' }),
        expect.objectContaining({
          path: 'changes.3.code',
          message: expect.stringMatching(/^standard BAD-01: changed twice/),
        }),
      ]),
    );
    expect(issues).toHaveLength(6);
    expect((await t.services.proposals.list(as.admin!, {})).total).toBe(0);
  });

  it('approved by the head and a manager, published at its effective date; a head of another unit cannot approve', async () => {
    t.clock.set('2026-03-02T09:00:00.000Z');
    const p = await create('itHead', {
      title: 'Answer payroll calls fast',
      effective_from: '2026-04-01T00:00:00.000Z',
      changes: [add('PAY-01', { units: ['HR-PAY'] })],
      submit: true,
    });
    expect(p).toMatchObject({ number: 1, status: 'open', author: { id: userId.itHead } });
    // HR-PAY has no head: its approval goes up to HR.
    expect(
      p.approvals.map((a) => [a.requirement, a.unit?.code ?? null, a.eligible.map((e) => e.id)]),
    ).toEqual([
      ['head', 'HR', [userId.hrHead]],
      ['manager', null, []],
    ]);
    expect(await kinds('hrHead', p.id)).toEqual(['approval_requested']);
    expect(await kinds('lead', p.id)).toEqual(['approval_requested']);
    expect(await kinds('lead2', p.id)).toEqual(['approval_requested']);
    expect(await kinds('itHead', p.id)).toEqual([]);

    // The author heads IT, not HR: nothing to decide, and naming HR's approval is refused.
    expect((await t.services.proposals.get(as.itHead!, p.id)).can.decide).toEqual([]);
    await expect(approve('itHead', p.id, { approval_id: p.approvals[0]!.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(approve('itHead', p.id)).rejects.toMatchObject({ code: 'forbidden' });

    const afterHead = await approve('hrHead', p.id);
    expect(afterHead).toMatchObject({ status: 'open', approvals_pending: 1 });
    const approved = await approve('lead', p.id, { comment: 'Good' });
    expect(approved).toMatchObject({ status: 'approved', approvals_pending: 0 });
    expect(await kinds('itHead', p.id)).toEqual(['proposal_approved']);

    // Before its date: approved, not in the catalog.
    expect(await t.services.proposals.publishDue()).toBe(0);
    await expect(t.services.catalog.getStandard(as.staff!, 'PAY-01')).rejects.toMatchObject({
      code: 'not_found',
    });

    t.clock.set('2026-04-01T00:00:30.000Z');
    expect(await t.services.proposals.publishDue()).toBe(1);
    const published = await t.services.proposals.get(as.itHead!, p.id);
    expect(published).toMatchObject({
      status: 'published',
      published_by: null,
      published_by_label: 'scheduler',
    });
    const pay = await t.services.catalog.getStandard(as.staff!, 'PAY-01');
    expect(pay).toMatchObject({
      status: 'active',
      current: { version: 1, effective_from: '2026-04-01T00:00:00.000Z', proposal_id: p.id, retired: false },
      next: null,
      applies_to: [{ code: 'HR-PAY' }],
    });
    expect(await kinds('itHead', p.id)).toEqual(['proposal_published', 'proposal_approved']);
    expect(await t.services.proposals.publishDue()).toBe(0);
  });

  it('a new version supersedes the old at its date; versions are never updated', async () => {
    t.clock.set('2026-04-10T09:00:00.000Z');
    const v1row = await database().db.selectFrom('catalog_versions').selectAll().execute();
    const p = await create('lead', {
      title: 'Faster',
      effective_from: '2026-05-01T00:00:00.000Z',
      changes: [change('PAY-01', 1, { units: ['HR-PAY'], target: 0.95 })],
      submit: true,
    });
    await approve('hrHead', p.id);
    await approve('lead2', p.id);
    expect((await t.services.proposals.get(as.lead!, p.id)).status).toBe('approved');
    expect(await t.services.proposals.publishDue()).toBe(0);

    // Published ahead of time by an administrator: v2 is scheduled, v1 stays in force until then.
    const direct = await t.services.proposals.publishNow(as.admin!, p.id, { revision: p.revision });
    expect(direct).toMatchObject({
      status: 'published',
      published_directly: true,
      published_by: { id: userId.admin },
    });
    const before = await t.services.catalog.getStandard(as.staff!, 'PAY-01');
    expect(before).toMatchObject({
      status: 'active',
      current: { version: 1, effective_until: '2026-05-01T00:00:00.000Z', definition: { target: 0.9 } },
      next: {
        version: 2,
        effective_from: '2026-05-01T00:00:00.000Z',
        published_directly: true,
        definition: { target: 0.95 },
      },
    });
    expect(before.versions.map((v) => v.version)).toEqual([2, 1]);

    t.clock.set('2026-05-01T00:00:00.000Z');
    const after = await t.services.catalog.getStandard(as.staff!, 'PAY-01');
    expect(after).toMatchObject({
      status: 'active',
      current: { version: 2, effective_until: null },
      next: null,
    });
    expect(after.versions[1]).toMatchObject({ version: 1, effective_until: '2026-05-01T00:00:00.000Z' });
    const rows = await database().db.selectFrom('catalog_versions').selectAll().orderBy('version').execute();
    expect(rows[0]).toEqual(v1row[0]);
    expect(rows).toHaveLength(2);

    const audit = (await t.services.audit.list(as.admin!, { limit: 500 })).items;
    expect(audit.find((e) => e.action === 'proposal.publish' && e.entity_id === p.id)?.after).toMatchObject({
      published_directly: true,
    });
    expect(
      audit.some((e) => e.action === 'standard.publish' && (e.after as { version: number }).version === 2),
    ).toBe(true);
  });

  it('a rejection needs a comment; editing a rejected proposal re-opens it with fresh approvals; an old revision is a 409', async () => {
    t.clock.set('2026-05-02T09:00:00.000Z');
    const p = await create('itHead', {
      title: 'IT greets',
      changes: [add('IT-01', { units: ['IT'] })],
      submit: true,
    });
    // itHead wrote it and heads IT: self-approval is off, so the head approval is for IT's head only — the author.
    await expect(reject('lead', p.id, '  ')).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'comment' }] },
    });
    const rejected = await reject('lead', p.id, 'Say which greeting');
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected.approvals.find((a) => a.requirement === 'manager')).toMatchObject({
      decision: 'rejected',
      comment: 'Say which greeting',
      decided_by: { id: userId.lead },
    });
    expect(await inbox('itHead')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'proposal_rejected', excerpt: 'Say which greeting' }),
      ]),
    );

    const edited = await t.services.proposals.update(as.itHead!, p.id, {
      revision: rejected.revision,
      changes: ProposalCreate.parse({ title: 'x', changes: [add('IT-01', { units: ['IT'], target: 0.8 })] })
        .changes,
    });
    expect(edited).toMatchObject({ status: 'open', revision: rejected.revision + 1 });
    expect(edited.approvals.every((a) => a.decision === 'pending')).toBe(true);
    expect(edited.approvals.map((a) => a.id)).not.toContain(rejected.approvals[0]!.id);

    const stale = t.services.proposals.update(as.lead!, p.id, { revision: rejected.revision, title: 'Mine' });
    await expect(stale).rejects.toMatchObject({
      code: 'edit_conflict',
      details: { current_revision: edited.revision },
    });
    expect((await t.services.proposals.get(as.lead!, p.id)).title).toBe('IT greets');
    // Staff may read but not edit.
    await expect(
      t.services.proposals.update(as.staff!, p.id, { revision: edited.revision, title: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('two edits from the same revision at once: one lands, the other is an edit_conflict', async () => {
    const p = await create('itHead', { title: 'Race', changes: [add('RACE-01', { units: ['IT'] })] });
    const results = await Promise.allSettled(
      ['One', 'Two', 'Three'].map((title) =>
        t.services.proposals.update(as.itHead!, p.id, { revision: 1, title }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'edit_conflict',
        details: { current_revision: 2 },
      });
    const final = await t.services.proposals.get(as.itHead!, p.id);
    expect(final).toMatchObject({
      revision: 2,
      title: (won[0] as PromiseFulfilledResult<{ title: string }>).value.title,
    });
    await t.services.proposals.withdraw(as.itHead!, p.id, { revision: 2 });
  });

  it('the author cannot approve their own proposal unless the setting allows it', async () => {
    const p = await create('itHead', {
      title: 'IT mail',
      changes: [add('IT-02', { units: ['IT'] })],
      submit: true,
    });
    const [headApproval] = p.approvals;
    expect(headApproval).toMatchObject({ requirement: 'head', unit: { code: 'IT' } });
    expect(p.can.decide).toEqual([]);
    await expect(approve('itHead', p.id)).rejects.toMatchObject({
      code: 'forbidden',
      details: { reason: 'self' },
    });
    await expect(
      t.services.proposals.putSettings(as.lead!, { allow_self_approval: true }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await t.services.proposals.putSettings(as.admin!, { allow_self_approval: true });
    try {
      expect(await t.services.proposals.getSettings(as.staff!)).toEqual({ allow_self_approval: true });
      expect((await t.services.proposals.get(as.itHead!, p.id)).can.decide).toEqual([headApproval!.id]);
      expect(await approve('itHead', p.id)).toMatchObject({ status: 'open', approvals_pending: 1 });
    } finally {
      await t.services.proposals.putSettings(as.admin!, { allow_self_approval: false });
    }
  });

  it('two proposals changing one standard are conflicts; publishing the second after the first is a 409 stale', async () => {
    const a = await create('lead', { title: 'A', changes: [change('PAY-01', 2, { target: 0.5 })] });
    const b = await create('lead2', { title: 'B', changes: [change('PAY-01', 2, { target: 0.6 })] });
    expect((await t.services.proposals.get(as.lead!, a.id)).conflicts).toEqual([
      { proposal_id: b.id, number: b.number, title: 'B', entity: 'standard', code: 'PAY-01' },
    ]);
    expect((await t.services.proposals.get(as.lead!, b.id)).conflicts.map((c) => c.proposal_id)).toEqual([
      a.id,
    ]);
    expect((await t.services.catalog.getStandard(as.staff!, 'PAY-01')).pending.map((x) => x.id)).toEqual([
      a.id,
      b.id,
    ]);

    await t.services.proposals.publishNow(as.admin!, a.id, { revision: a.revision });
    const count = async () =>
      (await database().db.selectFrom('catalog_versions').selectAll().execute()).length;
    const n = await count();
    await expect(
      t.services.proposals.publishNow(as.admin!, b.id, { revision: b.revision }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale', codes: ['PAY-01'] },
    });
    expect(await count()).toBe(n);
    const bNow = await t.services.proposals.get(as.lead2!, b.id);
    expect(bNow).toMatchObject({ status: 'draft', conflicts: [] });
    expect(bNow.changes[0]).toMatchObject({ stale: true, before: { target: 0.95 }, after: { target: 0.6 } });
    // Nobody is asked to approve what cannot be published: submitting it stale is refused too.
    await expect(
      t.services.proposals.submit(as.lead2!, b.id, { revision: bNow.revision }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale', codes: ['PAY-01'] },
    });
    expect((await t.services.proposals.get(as.lead2!, b.id)).status).toBe('draft');
  });

  it('an approved proposal gone stale stays approved at its date and its author is told once', async () => {
    t.clock.set('2026-06-01T09:00:00.000Z');
    const p = await create('itHead', {
      title: 'Later',
      effective_from: '2026-07-01T00:00:00.000Z',
      changes: [change('PAY-01', 3, { units: ['HR-PAY'], target: 0.7 })],
      submit: true,
    });
    await approve('hrHead', p.id);
    await approve('lead', p.id);
    const other = await create('lead', {
      title: 'Sooner',
      changes: [change('PAY-01', 3, { units: ['HR-PAY'], target: 0.75 })],
    });
    await t.services.proposals.publishNow(as.admin!, other.id, { revision: other.revision });
    t.clock.set('2026-07-02T00:00:00.000Z');
    expect(await t.services.proposals.publishDue()).toBe(0);
    expect(await t.services.proposals.publishDue()).toBe(0);
    expect((await t.services.proposals.get(as.itHead!, p.id)).status).toBe('approved');
    expect((await kinds('itHead', p.id)).filter((k) => k === 'proposal_stale')).toHaveLength(1);
  });

  it('comments notify the mentioned, the author and the approvers, never the commenter', async () => {
    const p = await create('itHead', {
      title: 'Talk',
      changes: [add('TALK-01', { units: ['HR'] })],
      submit: true,
    });
    const local = email.lead2!.split('@')[0]!.toUpperCase();
    const c = await t.services.proposals.addComment(as.lead!, p.id, {
      body: `@${local} and @${email.staff} — please look. @nobody`,
    });
    expect(c.mentions.map((m) => m.id).sort()).toEqual([userId.lead2, userId.staff].sort());
    expect(await kinds('lead2', p.id)).toEqual(['mentioned', 'approval_requested']);
    expect(await kinds('staff', p.id)).toEqual(['mentioned']);
    expect((await kinds('itHead', p.id))[0]).toBe('commented');
    expect((await kinds('hrHead', p.id))[0]).toBe('commented');
    expect(await kinds('lead', p.id)).toEqual(['approval_requested']);
    expect((await t.services.proposals.comments(as.staff!, p.id)).items).toMatchObject([
      { author: { id: userId.lead }, mentions: expect.any(Array) },
    ]);
    // Marking read.
    const unread = (await t.services.notifications.list(as.staff!, { limit: 50, unread: true })).unread;
    expect(unread).toBeGreaterThan(0);
    const marked = await t.services.notifications.markRead(as.staff!, {});
    expect(marked.unread).toBe(0);
  });

  it("a calendar added with the standard that uses it needs only the manager; retiring binds the retired version's units; scheduled entries", async () => {
    t.clock.set('2026-08-01T09:00:00.000Z');
    const office = {
      id: 'office',
      name: { en: 'Office hours' },
      timezone: 'Europe/Moscow',
      week: { mon: ['09:00-13:00', '14:00-18:00'], fri: ['09:00-16:00'] },
      holidays: ['--01-01'],
    };
    const withCalendar = await create('lead', {
      title: 'Office calendar',
      effective_from: '2026-09-01T00:00:00.000Z',
      changes: [
        { entity: 'calendar', action: 'add', code: 'office', definition: office },
        add('CAL-01', { units: ['IT'], calendar: 'office' }),
      ],
      submit: true,
    });
    expect(withCalendar.approvals.map((a) => [a.requirement, a.unit?.code ?? null])).toEqual([
      ['head', 'IT'],
      ['manager', null],
    ]);
    // Defaults applied before storing.
    expect(withCalendar.changes[0]!.after).toMatchObject({ shifts: {}, ring_seconds: 5 });
    await t.services.proposals.publishNow(as.admin!, withCalendar.id, { revision: withCalendar.revision });
    expect(await t.services.catalog.getStandard(as.staff!, 'CAL-01')).toMatchObject({
      status: 'scheduled',
      current: { version: 1, effective_from: '2026-09-01T00:00:00.000Z' },
      next: null,
    });
    expect(
      (await t.services.catalog.listStandards(as.staff!, { status: 'scheduled' })).items.map((s) => s.code),
    ).toEqual(['CAL-01']);
    expect((await t.services.catalog.getCalendar(as.staff!, 'office')).used_by).toEqual([]);
    t.clock.set('2026-09-01T00:00:00.000Z');
    expect(await t.services.catalog.listCalendars(as.staff!)).toMatchObject({
      total: 1,
      items: [{ code: 'office', status: 'active', used_by: ['CAL-01'] }],
    });

    const retire = await create('lead', {
      title: 'Retire',
      changes: [{ entity: 'standard', action: 'retire', code: 'CAL-01', base_version: 1 }],
      submit: true,
    });
    expect(retire.approvals.map((a) => a.unit?.code ?? null)).toEqual(['IT', null]);
    await approve('itHead', retire.id);
    expect(await approve('lead2', retire.id)).toMatchObject({ status: 'published' });
    expect(await t.services.catalog.getStandard(as.staff!, 'CAL-01')).toMatchObject({
      status: 'retired',
      current: { version: 2, retired: true, definition: null },
      applies_to: [],
    });

    // Withdrawn: not after publication, and by the author or a lead only.
    await expect(
      t.services.proposals.withdraw(as.lead!, retire.id, { revision: retire.revision }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const draft = await create('itHead', { title: 'Never mind', changes: [add('GONE-01')] });
    await expect(t.services.proposals.withdraw(as.hrHead!, draft.id, { revision: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await t.services.proposals.withdraw(as.itHead!, draft.id, { revision: 1 })).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('the catalog filters by unit (its ancestors count), kind, status and text', async () => {
    const list = async (q: Record<string, string>) =>
      (await t.services.catalog.listStandards(as.staff!, q)).items.map((s) => s.code);
    expect(await list({ unit: unit['HR-PAY']! })).toEqual(['PAY-01']);
    expect(await list({ unit: unit.IT! })).toEqual([]);
    expect(await list({ q: 'стандарт pay' })).toEqual(['PAY-01']);
    expect(await list({ status: 'retired' })).toEqual(['CAL-01']);
    expect(await list({ kind: 'intangible' })).toEqual([]);
  });

  const latestOf = async (code: string) =>
    (await t.services.catalog.getStandard(as.staff!, code)).versions[0]!.version;

  it('approved after its effective date: the version takes effect at the approval, never back-dated', async () => {
    t.clock.set('2026-09-10T09:00:00.000Z');
    const p = await create('itHead', {
      title: 'Late',
      effective_from: '2026-09-05T00:00:00.000Z',
      changes: [add('LATE-01', { units: ['HR'] })],
      submit: true,
    });
    await approve('hrHead', p.id);
    expect(await approve('lead', p.id)).toMatchObject({ status: 'published' });
    expect((await t.services.catalog.getStandard(as.staff!, 'LATE-01')).current).toMatchObject({
      version: 1,
      effective_from: '2026-09-10T09:00:00.000Z',
    });
  });

  it('publish now with effective_from null takes effect now, whatever date the proposal had', async () => {
    t.clock.set('2026-09-11T09:00:00.000Z');
    const p = await create('lead', {
      title: 'Now',
      effective_from: '2026-12-01T00:00:00.000Z',
      changes: [add('NOW-01')],
    });
    await t.services.proposals.publishNow(as.admin!, p.id, { revision: p.revision, effective_from: null });
    expect(await t.services.catalog.getStandard(as.staff!, 'NOW-01')).toMatchObject({
      status: 'active',
      current: { effective_from: '2026-09-11T09:00:00.000Z' },
    });
  });

  it('an approved proposal gone stale is rebased by editing it, which re-opens it; so does a new effective date', async () => {
    t.clock.set('2026-09-12T09:00:00.000Z');
    const base = await latestOf('PAY-01');
    const p = await create('itHead', {
      title: 'Rebase me',
      effective_from: '2026-10-01T00:00:00.000Z',
      changes: [change('PAY-01', base, { units: ['HR-PAY'], target: 0.8 })],
      submit: true,
    });
    await approve('hrHead', p.id);
    expect(await approve('lead', p.id)).toMatchObject({ status: 'approved' });
    const other = await create('lead', {
      title: 'First',
      changes: [change('PAY-01', base, { units: ['HR-PAY'], target: 0.85 })],
    });
    await t.services.proposals.publishNow(as.admin!, other.id, { revision: other.revision });
    const stale = await t.services.proposals.get(as.itHead!, p.id);
    expect(stale).toMatchObject({ status: 'approved', can: { edit: true } });
    expect(stale.changes[0]!.stale).toBe(true);

    const rebased = await t.services.proposals.update(as.itHead!, p.id, {
      revision: stale.revision,
      changes: [
        ProposalCreate.parse({
          title: 'x',
          changes: [change('PAY-01', base + 1, { units: ['HR-PAY'], target: 0.8 })],
        }),
      ].flatMap((c) => c.changes),
    });
    expect(rebased).toMatchObject({ status: 'open', approvals_pending: 2 });
    expect(rebased.changes[0]!.stale).toBe(false);
    await approve('hrHead', p.id);
    expect(await approve('lead', p.id)).toMatchObject({ status: 'approved' });

    // A new date is a new text to approve: fresh approvals.
    const moved = await t.services.proposals.update(as.itHead!, p.id, {
      revision: (await t.services.proposals.get(as.itHead!, p.id)).revision,
      effective_from: '2026-09-20T00:00:00.000Z',
    });
    expect(moved).toMatchObject({ status: 'open', approvals_pending: 2 });
    // A new title alone is not.
    const renamed = await t.services.proposals.update(as.itHead!, p.id, {
      revision: moved.revision,
      title: 'Rebased',
    });
    expect(renamed).toMatchObject({ status: 'open', approvals_pending: 2, title: 'Rebased' });
    await t.services.proposals.withdraw(as.itHead!, p.id, { revision: renamed.revision });
  });

  it('retiring a retired entry is refused naming it; changing a retired entry brings it back', async () => {
    const retired = await latestOf('CAL-01');
    const again = create('lead', {
      title: 'Retire again',
      changes: [{ entity: 'standard', action: 'retire', code: 'CAL-01', base_version: retired }],
    });
    await expect(again).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        issues: [
          {
            path: 'changes.0.action',
            message: `standard CAL-01: already retired (version ${retired})`,
          },
        ],
      },
    });
    const back = await create('lead', {
      title: 'Bring back',
      changes: [change('CAL-01', retired, { units: ['IT'] })],
    });
    await t.services.proposals.publishNow(as.admin!, back.id, { revision: back.revision });
    expect(await t.services.catalog.getStandard(as.staff!, 'CAL-01')).toMatchObject({
      status: 'active',
      current: { version: retired + 1, retired: false },
    });
  });

  it('two proposals published at once: different standards both land; the same one from one base gets one version and a stale 409', async () => {
    t.clock.set('2026-09-13T09:00:00.000Z');
    const first = await create('lead', { title: 'Race base', changes: [add('RACE-AB')] });
    await t.services.proposals.publishNow(as.admin!, first.id, { revision: first.revision });
    const base = await latestOf('RACE-AB');
    const drafts = await Promise.all([
      create('lead', { title: 'Race A', changes: [change('RACE-AB', base, { target: 0.61 })] }),
      create('lead2', { title: 'Race B', changes: [change('RACE-AB', base, { target: 0.62 })] }),
      create('lead', { title: 'Race C', changes: [add('RACE-C')] }),
      create('lead2', { title: 'Race D', changes: [add('RACE-D')] }),
    ]);
    const results = await Promise.allSettled(
      drafts.map((d) => t.services.proposals.publishNow(as.admin!, d.id, { revision: d.revision })),
    );
    const [a, b, c, d] = results;
    expect([a!.status, b!.status].sort()).toEqual(['fulfilled', 'rejected']);
    const lost = [a, b].find((r) => r!.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict', details: { reason: 'stale', codes: ['RACE-AB'] } });
    expect(await latestOf('RACE-AB')).toBe(base + 1);
    expect([c!.status, d!.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(await latestOf('RACE-C')).toBe(1);
    expect(await latestOf('RACE-D')).toBe(1);
    const numbers = drafts.map((x) => x.number);
    expect(new Set(numbers).size).toBe(4);
  });

  it('the scheduler publishes as the system, skips a stale one, and one failing does not stop the others', async () => {
    t.clock.set('2026-09-14T09:00:00.000Z');
    const due = async (title: string, code: string) => {
      const p = await create('itHead', {
        title,
        effective_from: '2026-09-15T00:00:00.000Z',
        changes: [add(code, { units: ['HR'] })],
        submit: true,
      });
      await approve('hrHead', p.id);
      expect(await approve('lead', p.id)).toMatchObject({ status: 'approved' });
      return p;
    };
    const good = await due('Due good', 'DUE-01');
    const broken = await due('Due broken', 'DUE-02');
    const stale = await due('Due stale', 'DUE-03');
    const first = await create('lead', { title: 'DUE-03 first', changes: [add('DUE-03')] });
    await t.services.proposals.publishNow(as.admin!, first.id, { revision: first.revision });
    const db = database().db;
    const saved = (
      await db.selectFrom('proposals').select('changes').where('id', '=', broken.id).executeTakeFirstOrThrow()
    ).changes;
    await db.updateTable('proposals').set({ changes: '{not json' }).where('id', '=', broken.id).execute();
    t.clock.set('2026-09-15T00:01:00.000Z');
    try {
      await expect(t.services.proposals.publishDue()).rejects.toThrow(
        /1 due proposal\(s\) failed \(1 published\)/,
      );
    } finally {
      await db.updateTable('proposals').set({ changes: saved }).where('id', '=', broken.id).execute();
    }
    expect(await t.services.proposals.get(as.itHead!, good.id)).toMatchObject({
      status: 'published',
      published_by: null,
      published_by_label: 'scheduler',
    });
    expect((await t.services.proposals.get(as.itHead!, stale.id)).status).toBe('approved');
    expect(await kinds('itHead', stale.id)).toContain('proposal_stale');
    const audit = (await t.services.audit.list(as.admin!, { limit: 500 })).items;
    expect(audit.find((e) => e.action === 'proposal.publish' && e.entity_id === good.id)).toMatchObject({
      actor_kind: 'system',
      actor_label: 'scheduler',
    });
    expect(await t.services.proposals.publishDue()).toBe(1);
    expect((await t.services.proposals.get(as.itHead!, broken.id)).status).toBe('published');
  });

  it('a deactivated head is no longer eligible: the head above decides in their place', async () => {
    await person('orgHead', 'head', 'ORG');
    await person('hrHead2', 'head', 'HR'); // now HR's only head
    const p = await create('lead', {
      title: 'After a head left',
      changes: [add('LEFT-01', { units: ['HR'] })],
      submit: true,
    });
    const head = p.approvals.find((a) => a.requirement === 'head')!;
    expect(head.eligible.map((e) => e.id).sort()).toEqual([userId.hrHead2, userId.orgHead].sort());
    await t.services.users.update(as.admin!, userId.hrHead2!, { status: 'deactivated' });
    // Their session's actor, were it still used, is refused; they are not listed any more.
    await expect(approve('hrHead2', p.id)).rejects.toMatchObject({ code: 'forbidden' });
    const now = await t.services.proposals.get(as.lead!, p.id);
    expect(
      now.approvals
        .find((a) => a.id === head.id)!
        .eligible.map((e) => e.id)
        .sort(),
    ).toEqual([userId.orgHead]);
    expect(await approve('orgHead', p.id, { approval_id: head.id })).toMatchObject({ approvals_pending: 1 });
    expect((await t.services.proposals.get(as.lead!, p.id)).approvals[0]).toMatchObject({
      decision: 'approved',
      decided_by: { id: userId.orgHead },
    });
  });

  it('a calendar still used by a standard or a unit cannot be retired, unless the proposal moves them off it', async () => {
    const useIt = await create('lead', {
      title: 'Uses office',
      changes: [add('USE-CAL', { units: ['IT'], calendar: 'office' })],
    });
    await t.services.proposals.publishNow(as.admin!, useIt.id, { revision: useIt.revision });
    const office = await t.services.catalog.getCalendar(as.staff!, 'office');
    const retireOffice = {
      entity: 'calendar',
      action: 'retire',
      code: 'office',
      base_version: office.versions[0]!.version,
    } as const;
    const refused = create('lead', { title: 'Drop office', changes: [retireOffice] });
    await expect(refused).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        issues: [
          {
            path: 'changes.0.action',
            message: expect.stringMatching(/^calendar office: still used by standard USE-CAL/),
          },
        ],
      },
    });
    const withStandard = await create('lead', {
      title: 'Drop office and its standard',
      changes: [retireOffice, { entity: 'standard', action: 'retire', code: 'USE-CAL', base_version: 1 }],
    });
    expect(withStandard.change_count).toBe(2);
    await t.services.proposals.withdraw(as.lead!, withStandard.id, { revision: withStandard.revision });
  });

  it('effective dates are stored and answered in UTC; the same instant written with an offset is no new date', async () => {
    const p = await create('itHead', {
      title: 'Offsets',
      effective_from: '2026-12-01T00:00:00+03:00',
      changes: [add('UTC-01', { units: ['HR'] })],
      submit: true,
    });
    expect(p.effective_from).toBe('2026-11-30T21:00:00.000Z');
    const approved = await approve('orgHead', p.id);
    expect(approved.approvals_pending).toBe(1);
    const renamed = await t.services.proposals.update(as.itHead!, p.id, {
      revision: approved.revision,
      title: 'Offsets, renamed',
      effective_from: '2026-12-01T00:00:00+03:00',
    });
    expect(renamed).toMatchObject({
      status: 'open',
      approvals_pending: 1,
      effective_from: '2026-11-30T21:00:00.000Z',
    });
    await t.services.proposals.withdraw(as.itHead!, p.id, { revision: renamed.revision });
  });
});
