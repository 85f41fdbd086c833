import {
  AppError,
  assertCan,
  roleCan,
  systemActor,
  ValidationError,
  type Actor,
  type FieldIssue,
} from '../core';
import {
  ProposalChange,
  type Approval,
  type CatalogEntity,
  type Comment,
  type CommentCreate,
  type CommentList,
  type Proposal,
  type ProposalAct,
  type ProposalChangeView,
  type ProposalConflict,
  type ProposalCreate,
  type ProposalDecide,
  type ProposalList,
  type ProposalPublish,
  type ProposalQuery,
  type ProposalSummary,
  type ProposalUpdate,
  type StandardDefinition,
  type StandardsSettings,
} from '../contract/catalog.schema';
import type { NotificationKind } from '../contract/notification.schema';
import { ancestorsOf } from '../core/org/unit-tree';
import { versionInForce } from '../core/standards/versions';
import { catalogRepository, type CatalogEntryWithVersions } from '../db/catalog.repository';
import type { Db } from '../db/database';
import { employeeRepository } from '../db/employee.repository';
import { newId } from '../db/ids';
import { notificationRepository } from '../db/notification.repository';
import {
  proposalRepository,
  UNPUBLISHED_STATUSES,
  type ApprovalRow,
  type PersonRow,
  type ProposalRow,
} from '../db/proposal.repository';
import { settingRepository } from '../db/setting.repository';
import { unitRepository } from '../db/unit.repository';
import { recordChange } from './audit-recorder';
import { catalogInForce } from './catalog-in-force';
import { personRef, unitRef } from './catalog.service';
import { found } from './entity-errors';
import { createNotificationService, excerptOf } from './notification.service';
import type { CallContext, ServiceDeps } from './service-context';
import { enqueueRejudge } from './monitoring/rejudge-queue';

export const SELF_APPROVAL_KEY = 'standards.allow_self_approval';

type Status = ProposalRow['status'];
type Definition = ProposalChangeView['after'];

const isLead = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
const isAuthor = (p: ProposalRow, actor: Actor) =>
  actor.kind === 'user' ? p.author_id === actor.id : p.author_id === null && p.author_label === actor.label;
const changesOf = (p: ProposalRow) => JSON.parse(p.changes) as ProposalChange[];
const keyOf = (c: { entity: CatalogEntity; code: string }) => `${c.entity}:${c.code}`;
/** An approved proposal stays editable so a stale one can be rebased (which re-opens it). */
const editable: readonly Status[] = ['draft', 'open', 'rejected', 'approved'];

/** `@anna` (an e-mail's local part) or `@anna@example.org`, not inside a word or an address. */
const MENTION = /(?<![\w.@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** An instant as stored and answered: ISO UTC (`+03:00` offsets are accepted on input). */
const utc = <T extends string | null | undefined>(instant: T): T =>
  (typeof instant === 'string' ? new Date(instant).toISOString() : instant) as T;

/** Who an actor is when writing authorship columns: a user id, or null with the actor's label. */
const signature = (actor: Actor) => ({ id: actor.kind === 'user' ? actor.id : null, label: actor.label });

/** The catalog entries a change set names, with every version, in two queries (not one per change). */
async function catalogState(tx: Db, changes: readonly { entity: CatalogEntity; code: string }[]) {
  const codes = (entity: CatalogEntity) => [
    ...new Set(changes.filter((c) => c.entity === entity).map((c) => c.code)),
  ];
  const out = new Map<string, CatalogEntryWithVersions>();
  for (const entity of ['standard', 'calendar'] as const)
    for (const e of await catalogRepository.entriesWithVersions(tx, entity, codes(entity)))
      out.set(keyOf(e.entry), e);
  return {
    entry: (c: { entity: CatalogEntity; code: string }) => out.get(keyOf(c)),
    /** The highest version of the entry, 0 when it has none. */
    latest: (c: { entity: CatalogEntity; code: string }) =>
      Math.max(0, ...(out.get(keyOf(c))?.versions.map((v) => v.version) ?? [])),
    definition: (c: { entity: CatalogEntity; code: string }, version: number | null) => {
      const v = out.get(keyOf(c))?.versions.find((x) => x.version === version);
      return v?.definition ? (JSON.parse(v.definition) as Definition) : null;
    },
  };
}
type CatalogState = Awaited<ReturnType<typeof catalogState>>;

/** The codes whose entry moved on since the proposal was written (or, for an add, exists now). */
const staleIn = (state: CatalogState, changes: readonly ProposalChange[]) =>
  changes
    .filter((c) => (c.action === 'add' ? state.entry(c) !== undefined : state.latest(c) !== c.base_version))
    .map((c) => c.code);

/** What the organization looks like to the agreement flow: units, their heads with accounts. */
async function orgSnapshot(tx: Db) {
  const units = await unitRepository.all(tx);
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const links = new Map(units.map((u) => [u.id, u.parent_id]));
  const users = new Map((await proposalRepository.activeUsers(tx)).map((u) => [u.id, u]));
  const rawHeads = await proposalRepository.headUsersByUnit(tx);
  /** Heads of exactly this unit who may approve (active account, a role holding standards.approve). */
  const headsOf = (unitId: string) =>
    (rawHeads.get(unitId) ?? []).filter((uid) => {
      const u = users.get(uid);
      return u !== undefined && roleCan(u.role, 'standards.approve');
    });
  /** Who may decide a head approval of `unitId`: heads of it and of every unit above it. */
  const eligibleFor = (unitId: string) => [
    ...new Set([unitId, ...ancestorsOf(links, unitId)].flatMap((id) => headsOf(id))),
  ];
  /** The unit whose heads approve for `unitId`: itself, or the nearest ancestor with a head. */
  const approvingUnit = (unitId: string) =>
    [unitId, ...ancestorsOf(links, unitId)].find((id) => headsOf(id).length > 0);
  const roots = units.filter((u) => u.parent_id === null && u.status === 'active');
  const leads = () => {
    const active = [...users.values()];
    const managers = active.filter((u) => u.role === 'manager');
    return (managers.length > 0 ? managers : active.filter((u) => u.role === 'admin')).map((u) => u.id);
  };
  return { units, byId, byCode, links, users, eligibleFor, approvingUnit, roots, leads };
}
type Org = Awaited<ReturnType<typeof orgSnapshot>>;

/**
 * Proposals: how the catalog changes. Written by heads and quality leads, discussed, approved by
 * the heads of the units a change binds and a quality lead, then published on their effective date
 * (or at once by an administrator, recorded as such). Every write is audited in its transaction;
 * the people concerned are notified in the same transaction.
 */
export function createProposalService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationService(deps);

  const mustFind = async (tx: Db, id: string) =>
    found(await proposalRepository.findById(tx, id), 'proposal', id);

  async function allowSelfApproval(tx: Db) {
    return (await settingRepository.get(tx, SELF_APPROVAL_KEY)) === 'true';
  }

  const checkRevision = (p: ProposalRow, revision: number) => {
    if (p.revision !== revision)
      throw new AppError(
        'edit_conflict',
        `Proposal #${p.number} was changed meanwhile (revision ${p.revision}, not ${revision}): reload it and try again`,
        { current_revision: p.revision },
      );
  };

  const mayEdit = (p: ProposalRow, actor: Actor) =>
    roleCan(actor.role, 'standards.propose') && (isAuthor(p, actor) || isLead(actor));

  // ── Validation against the database ─────────────────────────────────────────────────────────

  /** Every problem with a change set, each naming its change: `standard TEL-01: unknown unit "X"`. */
  async function validateChanges(tx: Db, raw: readonly unknown[]): Promise<ProposalChange[]> {
    const issues: FieldIssue[] = [];
    const changes: ProposalChange[] = [];
    const issue = (path: (string | number)[], entity: string, code: string, message: string) =>
      issues.push({
        in: 'body',
        path: ['changes', ...path].join('.'),
        message: `${entity} ${code}: ${message}`,
      });
    raw.forEach((r, i) => {
      const parsed = ProposalChange.safeParse(r);
      if (parsed.success) changes.push(parsed.data);
      else {
        const c = r as { entity?: unknown; code?: unknown };
        for (const zi of parsed.error.issues)
          issue(
            [i, ...zi.path.map(String)],
            typeof c.entity === 'string' ? c.entity : 'change',
            typeof c.code === 'string' ? c.code : `#${i + 1}`,
            zi.message,
          );
      }
    });
    if (issues.length > 0) throw new ValidationError(issues);

    const org = await orgSnapshot(tx);
    const calendarsInForce = new Set(
      (await catalogInForce(tx, 'calendar', clock().toISOString())).map((c) => c.code),
    );
    const addedCalendars = new Set(
      changes.filter((c) => c.entity === 'calendar' && c.action !== 'retire').map((c) => c.code),
    );
    const state = await catalogState(tx, changes);
    const seen = new Map<string, number>();
    for (const [i, c] of changes.entries()) {
      const before = seen.get(keyOf(c));
      if (before !== undefined)
        issue([i, 'code'], c.entity, c.code, `changed twice in one proposal (also change ${before})`);
      else seen.set(keyOf(c), i);
      const entry = state.entry(c);
      if (c.action === 'add') {
        if (entry) issue([i, 'code'], c.entity, c.code, 'already exists (change it instead)');
      } else if (!entry) issue([i, 'code'], c.entity, c.code, 'does not exist');
      else {
        const latest = state.latest(c);
        if (c.base_version !== null && c.base_version > latest)
          issue(
            [i, 'base_version'],
            c.entity,
            c.code,
            `version ${c.base_version} does not exist (the latest is ${latest})`,
          );
        // Retiring twice would only add an empty version; a change of a retired entry brings it back.
        else if (c.action === 'retire' && state.definition(c, latest) === null)
          issue([i, 'action'], c.entity, c.code, `already retired (version ${latest})`);
      }
      if (c.entity !== 'standard' || c.definition === null) continue;
      const def = c.definition;
      def.units?.forEach((u, j) => {
        const unit = org.byCode.get(u);
        if (!unit || unit.status !== 'active')
          issue([i, 'definition', 'units', j], 'standard', c.code, `unknown unit "${u}"`);
      });
      if (
        def.calendar !== undefined &&
        !calendarsInForce.has(def.calendar) &&
        !addedCalendars.has(def.calendar)
      )
        issue([i, 'definition', 'calendar'], 'standard', c.code, `unknown calendar "${def.calendar}"`);
      if (def.owner !== undefined && !(await employeeRepository.findByCode(tx, def.owner)))
        issue([i, 'definition', 'owner'], 'standard', c.code, `unknown employee "${def.owner}"`);
      for (const [j, cell] of (def.grid_cells ?? []).entries()) {
        if (!(await proposalRepository.gridCellExists(tx, cell.provider, cell.recipient)))
          issue(
            [i, 'definition', 'grid_cells', j],
            'standard',
            c.code,
            `no grid cell from "${cell.provider}" to "${cell.recipient}"`,
          );
      }
    }
    await calendarsStillUsed(tx, org, changes, issue);
    if (issues.length > 0) throw new ValidationError(issues);
    return changes;
  }

  /**
   * A calendar may be retired only when nothing will use it: no standard (in force now, scheduled,
   * or as this proposal leaves it) and no active unit. Otherwise its retirement is refused naming them.
   */
  async function calendarsStillUsed(
    tx: Db,
    org: Org,
    changes: readonly ProposalChange[],
    issue: (path: (string | number)[], entity: string, code: string, message: string) => void,
  ) {
    const retiring = new Map(
      changes.flatMap((c, i) =>
        c.entity === 'calendar' && c.action === 'retire' ? [[c.code, i] as const] : [],
      ),
    );
    if (retiring.size === 0) return;
    const now = clock().getTime();
    const proposed = new Map(
      changes.flatMap((c) =>
        c.entity === 'standard' ? [[c.code, c.definition as StandardDefinition | null] as const] : [],
      ),
    );
    const users = new Map<string, string[]>();
    const use = (calendar: string | undefined | null, who: string) => {
      if (calendar && retiring.has(calendar)) users.set(calendar, [...(users.get(calendar) ?? []), who]);
    };
    for (const { entry, versions } of await catalogRepository.entriesWithVersions(tx, 'standard')) {
      if (proposed.has(entry.code)) continue;
      const inForce = versionInForce(versions, new Date(now).toISOString());
      for (const v of versions)
        if (v.definition !== null && (v === inForce || Date.parse(v.effective_from) > now))
          use((JSON.parse(v.definition) as StandardDefinition).calendar, `standard ${entry.code}`);
    }
    for (const [code, def] of proposed) use(def?.calendar, `standard ${code}`);
    for (const u of org.units) if (u.status === 'active') use(u.calendar, `unit ${u.code}`);
    for (const [calendar, who] of users)
      issue(
        [retiring.get(calendar)!, 'action'],
        'calendar',
        calendar,
        `still used by ${[...new Set(who)].join(', ')} (change or retire them first, or in this proposal)`,
      );
  }

  // ── Approvals ────────────────────────────────────────────────────────────────────────────────

  /** The definition of an entry's version (for a retirement: what it retires). */

  /** The approvals a change set needs: a head per unit it binds (or their nearest headed ancestor), one manager. */
  async function requiredApprovals(tx: Db, org: Org, changes: readonly ProposalChange[]) {
    const units = new Set<string>();
    const state = await catalogState(tx, changes);
    for (const c of changes) {
      if (c.entity !== 'standard') continue;
      const def = (c.definition ?? state.definition(c, c.base_version)) as StandardDefinition | null;
      const bound =
        def?.units === undefined
          ? org.roots.map((u) => u.id)
          : def.units.map((code) => org.byCode.get(code)?.id).filter((id): id is string => id !== undefined);
      for (const unitId of bound) {
        const approving = org.approvingUnit(unitId);
        if (approving !== undefined) units.add(approving);
      }
    }
    return [
      ...[...units].map((unitId) => ({ requirement: 'head' as const, unitId })),
      { requirement: 'manager' as const, unitId: null },
    ];
  }

  /** Starts a new approval round: fresh pending approvals, everyone who may decide is asked. */
  async function startRound(
    tx: Db,
    ctx: CallContext,
    p: ProposalRow,
    changes: readonly ProposalChange[],
    now: Date,
  ) {
    // Asking people to approve what can no longer be published wastes their time: rebase first.
    const stale = await staleCodes(tx, changes);
    if (stale.length > 0)
      throw new AppError(
        'conflict',
        `Proposal #${p.number} cannot be submitted: ${stale.join(', ')} changed since it was written — rebase it on the latest version`,
        { reason: 'stale', codes: stale },
      );
    const org = await orgSnapshot(tx);
    const needed = await requiredApprovals(tx, org, changes);
    await proposalRepository.replaceApprovals(
      tx,
      p.id,
      needed.map((n) => ({
        id: newId(now.getTime()),
        proposal_id: p.id,
        requirement: n.requirement,
        unit_id: n.unitId,
        decision: 'pending',
        decided_by: null,
        comment: null,
        decided_at: null,
      })),
    );
    const asked = needed.flatMap((n) => (n.unitId === null ? org.leads() : org.eligibleFor(n.unitId)));
    await notify(tx, ctx, asked, 'approval_requested', p.id, p.title, now);
  }

  /** Whether the actor may decide this approval now (the self-approval rule is checked apart). */
  const mayDecide = (org: Org, a: ApprovalRow, actor: Actor) => {
    if (actor.kind !== 'user' || !roleCan(actor.role, 'standards.approve')) return false;
    if (a.requirement === 'manager') return isLead(actor);
    return a.unit_id !== null && org.eligibleFor(a.unit_id).includes(actor.id);
  };

  async function notify(
    tx: Db,
    ctx: CallContext | null,
    userIds: readonly string[],
    kind: NotificationKind,
    proposalId: string,
    excerpt: string | null,
    now: Date,
  ) {
    await notifications.notify(
      tx,
      {
        userIds,
        kind,
        actorId: ctx?.actor.kind === 'user' ? ctx.actor.id : null,
        proposalId,
        excerpt: excerpt === null ? null : excerptOf(excerpt),
      },
      now.toISOString(),
    );
  }

  // ── Publishing ───────────────────────────────────────────────────────────────────────────────

  /** The codes whose entry moved on since the proposal was written (or, for an add, exists now). */
  async function staleCodes(tx: Db, changes: readonly ProposalChange[]) {
    return staleIn(await catalogState(tx, changes), changes);
  }

  const staleError = (p: ProposalRow, codes: readonly string[]) =>
    new AppError(
      'conflict',
      `Proposal #${p.number} cannot be published: ${codes.join(', ')} changed since it was written (another proposal was published first)`,
      { reason: 'stale', codes },
    );

  /**
   * Publishes in the caller's transaction (which holds the proposal's lock): a new version per
   * change, the proposal marked published, the author told, every step audited. Refuses a stale
   * proposal with nothing written.
   */
  async function publishInTx(
    tx: Db,
    ctx: CallContext,
    p: ProposalRow,
    now: Date,
    options: { effectiveFrom?: string | null | undefined; direct: boolean },
  ) {
    const at = now.toISOString();
    await settingRepository.lock(tx, 'lock.catalog', at);
    const changes = changesOf(p);
    const stale = await staleCodes(tx, changes);
    if (stale.length > 0) throw staleError(p, stale);
    // undefined: the proposal's own date (or now); null: now.
    const effective =
      utc(options.effectiveFrom === undefined ? p.effective_from : options.effectiveFrom) ?? at;
    const by = signature(ctx.actor);
    for (const c of changes) {
      let entry = await catalogRepository.findEntry(tx, c.entity, c.code);
      if (!entry) {
        entry = { id: newId(now.getTime()), entity: c.entity, code: c.code, created_at: at };
        await catalogRepository.insertEntry(tx, entry);
      }
      // Unique per entry, and serialized by the catalog lock: concurrent publications wait and then see it stale.
      const version = (await catalogRepository.latestVersion(tx, entry.id)) + 1;
      await catalogRepository.insertVersion(tx, {
        id: newId(now.getTime()),
        entry_id: entry.id,
        version,
        definition: c.definition === null ? null : JSON.stringify(c.definition),
        effective_from: effective,
        proposal_id: p.id,
        published_at: at,
        published_by: by.id,
        published_by_label: by.label,
        published_directly: options.direct ? 1 : 0,
      });
      await recordChange(tx, ctx, now, {
        action: `${c.entity}.publish`,
        entity: c.entity,
        entityId: entry.id,
        after: { code: c.code, version, action: c.action, effective_from: effective, proposal_id: p.id },
      });
    }
    // Records from the effective date on are judged again by the new versions (in the background).
    await enqueueRejudge(tx, now, {
      fromMs: Date.parse(effective),
      toMs: null,
      title: `Proposal #${p.number} published: ${p.title}`,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    });
    await proposalRepository.update(tx, p.id, {
      status: 'published',
      published_at: at,
      published_by: by.id,
      published_by_label: by.label,
      published_directly: options.direct ? 1 : 0,
      updated_at: at,
    });
    await recordChange(tx, ctx, now, {
      action: 'proposal.publish',
      entity: 'proposal',
      entityId: p.id,
      before: { status: p.status },
      after: {
        number: p.number,
        status: 'published',
        effective_from: effective,
        published_directly: options.direct,
        codes: changes.map((c) => `${c.entity}:${c.code}`),
      },
    });
    if (p.author_id !== null) await notify(tx, ctx, [p.author_id], 'proposal_published', p.id, p.title, now);
  }

  // ── Presenting ───────────────────────────────────────────────────────────────────────────────

  async function summaries(tx: Db, rows: readonly ProposalRow[]): Promise<ProposalSummary[]> {
    const ids = rows.map((r) => r.id);
    const approvals = await proposalRepository.approvalsOf(tx, ids);
    const comments = await proposalRepository.commentCounts(tx, ids);
    const people = await proposalRepository.people(
      tx,
      rows.map((r) => r.author_id),
    );
    return rows.map((r) => summary(r, approvals.get(r.id) ?? [], comments.get(r.id) ?? 0, people));
  }

  const summary = (
    r: ProposalRow,
    approvals: readonly ApprovalRow[],
    commentCount: number,
    people: Map<string, PersonRow>,
  ): ProposalSummary => {
    const author = r.author_id === null ? undefined : people.get(r.author_id);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      author: author ? personRef(author) : null,
      author_label: r.author_label,
      effective_from: r.effective_from,
      revision: r.revision,
      change_count: changesOf(r).length,
      approvals_pending: approvals.filter((a) => a.decision === 'pending').length,
      comment_count: commentCount,
      created_at: r.created_at,
      updated_at: r.updated_at,
      published_at: r.published_at,
    };
  };

  async function present(tx: Db, ctx: CallContext, p: ProposalRow): Promise<Proposal> {
    const org = await orgSnapshot(tx);
    const approvals = (await proposalRepository.approvalsOf(tx, [p.id])).get(p.id) ?? [];
    const comments = (await proposalRepository.commentCounts(tx, [p.id])).get(p.id) ?? 0;
    const changes = changesOf(p);
    const people = await proposalRepository.people(tx, [
      p.author_id,
      p.published_by,
      ...approvals.map((a) => a.decided_by),
      ...approvals.flatMap((a) => (a.unit_id === null ? [] : org.eligibleFor(a.unit_id))),
    ]);
    const ref = (id: string | null) => {
      const person = id === null ? undefined : people.get(id);
      return person ? personRef(person) : null;
    };
    const state = await catalogState(tx, changes);
    const views: ProposalChangeView[] = changes.map((c) => ({
      entity: c.entity,
      action: c.action,
      code: c.code,
      base_version: c.base_version,
      before: state.definition(c, c.base_version),
      after: c.definition,
      stale: p.status !== 'published' && staleIn(state, [c]).length > 0,
    }));
    const keys = new Set(changes.map(keyOf));
    const conflicts: ProposalConflict[] = [];
    if (p.status !== 'published' && p.status !== 'withdrawn') {
      for (const other of await proposalRepository.list(tx, UNPUBLISHED_STATUSES)) {
        if (other.id === p.id) continue;
        const shared = new Set<string>();
        for (const c of changesOf(other)) {
          if (!keys.has(keyOf(c)) || shared.has(keyOf(c))) continue;
          shared.add(keyOf(c));
          conflicts.push({
            proposal_id: other.id,
            number: other.number,
            title: other.title,
            entity: c.entity,
            code: c.code,
          });
        }
      }
    }
    const selfBlocked = isAuthor(p, ctx.actor) && !(await allowSelfApproval(tx));
    const approvalViews: Approval[] = approvals.map((a) => {
      const unit = a.unit_id === null ? undefined : org.byId.get(a.unit_id);
      return {
        id: a.id,
        requirement: a.requirement,
        unit: unit ? unitRef(unit) : null,
        eligible:
          a.unit_id === null
            ? []
            : org.eligibleFor(a.unit_id).flatMap((id) => {
                const r = ref(id);
                return r ? [r] : [];
              }),
        decision: a.decision,
        decided_by: ref(a.decided_by),
        comment: a.comment,
        decided_at: a.decided_at,
      };
    });
    const live = p.status !== 'published' && p.status !== 'withdrawn';
    return {
      ...summary(p, approvals, comments, people),
      rationale: p.rationale,
      changes: views,
      approvals: approvalViews,
      conflicts,
      published_by: ref(p.published_by),
      published_by_label: p.published_by_label,
      published_directly: p.published_directly === 1,
      can: {
        edit: mayEdit(p, ctx.actor) && editable.includes(p.status),
        submit: mayEdit(p, ctx.actor) && (p.status === 'draft' || p.status === 'rejected'),
        withdraw: mayEdit(p, ctx.actor) && live,
        decide:
          p.status === 'open' && !selfBlocked
            ? approvals
                .filter((a) => a.decision === 'pending' && mayDecide(org, a, ctx.actor))
                .map((a) => a.id)
            : [],
        publish_now: roleCan(ctx.actor.role, 'standards.publish') && live,
      },
    };
  }

  /** Runs `work` on a locked proposal in one transaction and answers the proposal as it is then. */
  async function act(
    ctx: CallContext,
    id: string,
    work: (tx: Db, p: ProposalRow, now: Date) => Promise<void>,
  ) {
    const now = clock();
    return db.transaction().execute(async (tx) => {
      await proposalRepository.lock(tx, id);
      const p = await mustFind(tx, id);
      await work(tx, p, now);
      return present(tx, ctx, await mustFind(tx, id));
    });
  }

  const refuse = (message: string, details?: unknown) => new AppError('forbidden', message, details);
  const wrongStatus = (p: ProposalRow, what: string) =>
    new AppError('conflict', `Proposal #${p.number} is ${p.status}: it cannot be ${what}`, {
      reason: 'status',
      status: p.status,
    });

  async function decide(
    ctx: CallContext,
    id: string,
    input: ProposalDecide,
    decision: 'approved' | 'rejected',
  ) {
    assertCan(ctx.actor, 'standards.approve');
    // An approval is signed by a person (decided_by is a user): tokens and the CLI are refused plainly.
    if (ctx.actor.kind !== 'user')
      throw refuse(`Approvals are decided by people: ${ctx.actor.label} is not a user account`, {
        reason: 'not_a_person',
      });
    if (decision === 'rejected' && input.comment.trim() === '')
      throw new ValidationError([
        { in: 'body', path: 'comment', message: 'a rejection needs a comment saying why', code: 'required' },
      ]);
    return act(ctx, id, async (tx, p, now) => {
      if (p.status !== 'open') throw wrongStatus(p, decision);
      if (isAuthor(p, ctx.actor) && !(await allowSelfApproval(tx)))
        throw refuse(`You wrote proposal #${p.number}: its author may not approve or reject it`, {
          reason: 'self',
        });
      const org = await orgSnapshot(tx);
      const approvals = (await proposalRepository.approvalsOf(tx, [p.id])).get(p.id) ?? [];
      let chosen: ApprovalRow[];
      if (input.approval_id !== undefined) {
        const a = found(
          approvals.find((x) => x.id === input.approval_id),
          'approval',
          input.approval_id,
        );
        if (!mayDecide(org, a, ctx.actor))
          throw refuse(
            a.requirement === 'manager'
              ? 'Only a quality lead (manager) or an administrator decides the manager approval'
              : `Only a head of ${a.unit_id === null ? 'the unit' : (org.byId.get(a.unit_id)?.code ?? 'the unit')} (or of a unit above it) decides this approval`,
            { reason: 'not_eligible' },
          );
        if (a.decision !== 'pending')
          throw new AppError('conflict', 'This approval is already decided', { reason: 'decided' });
        chosen = [a];
      } else {
        chosen = approvals.filter((a) => a.decision === 'pending' && mayDecide(org, a, ctx.actor));
        if (chosen.length === 0)
          throw refuse(`None of proposal #${p.number}'s pending approvals is yours to decide`, {
            reason: 'not_eligible',
          });
      }
      const at = now.toISOString();
      const comment = input.comment.trim() === '' ? null : input.comment.trim();
      for (const a of chosen) {
        await proposalRepository.decide(tx, a.id, {
          decision,
          decided_by: ctx.actor.id,
          comment,
          decided_at: at,
        });
        await recordChange(tx, ctx, now, {
          action: decision === 'approved' ? 'proposal.approve' : 'proposal.reject',
          entity: 'proposal',
          entityId: p.id,
          after: {
            number: p.number,
            approval_id: a.id,
            requirement: a.requirement,
            unit: a.unit_id === null ? null : (org.byId.get(a.unit_id)?.code ?? null),
            decision,
            comment,
          },
        });
      }
      if (decision === 'rejected') {
        await proposalRepository.update(tx, p.id, { status: 'rejected', updated_at: at });
        if (p.author_id !== null)
          await notify(tx, ctx, [p.author_id], 'proposal_rejected', p.id, comment, now);
        return;
      }
      const chosenIds = new Set(chosen.map((a) => a.id));
      if (!approvals.every((a) => a.decision === 'approved' || chosenIds.has(a.id))) return;
      await proposalRepository.update(tx, p.id, { status: 'approved', updated_at: at });
      await recordChange(tx, ctx, now, {
        action: 'proposal.approved',
        entity: 'proposal',
        entityId: p.id,
        before: { status: 'open' },
        after: { number: p.number, status: 'approved' },
      });
      if (p.author_id !== null) await notify(tx, ctx, [p.author_id], 'proposal_approved', p.id, comment, now);
      if (p.effective_from === null || Date.parse(p.effective_from) <= now.getTime()) {
        // Approved on or after its date: in force from now, never back-dated over the time before
        // the approval (only an administrator back-dates, recorded as published directly).
        await settingRepository.lock(tx, 'lock.catalog', at);
        const approved = { ...p, status: 'approved' as const };
        const stale = await staleCodes(tx, changesOf(p));
        if (stale.length === 0)
          await publishInTx(tx, ctx, approved, now, { effectiveFrom: at, direct: false });
        else await tellStale(tx, ctx, approved, stale, now);
      }
    });
  }

  /** Tells the author, once, that their approved proposal cannot be published (it stays approved). */
  async function tellStale(
    tx: Db,
    ctx: CallContext | null,
    p: ProposalRow,
    codes: readonly string[],
    now: Date,
  ) {
    if (p.author_id === null) return;
    if (await notificationRepository.exists(tx, p.author_id, 'proposal_stale', p.id)) return;
    await notify(
      tx,
      ctx,
      [p.author_id],
      'proposal_stale',
      p.id,
      `Cannot be published: ${codes.join(', ')} changed since it was written`,
      now,
    );
  }

  return {
    async list(ctx: CallContext, query: ProposalQuery): Promise<ProposalList> {
      assertCan(ctx.actor, 'standards.read');
      let rows = await proposalRepository.list(db, query.status === undefined ? undefined : [query.status]);
      if (query.awaiting_me) {
        const org = await orgSnapshot(db);
        const approvals = await proposalRepository.approvalsOf(
          db,
          rows.filter((r) => r.status === 'open').map((r) => r.id),
        );
        const self = await allowSelfApproval(db);
        rows = rows.filter(
          (r) =>
            r.status === 'open' &&
            (self || !isAuthor(r, ctx.actor)) &&
            (approvals.get(r.id) ?? []).some((a) => a.decision === 'pending' && mayDecide(org, a, ctx.actor)),
        );
      }
      const items = await summaries(db, rows);
      return { items, total: items.length };
    },

    async get(ctx: CallContext, id: string): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.read');
      return present(db, ctx, await mustFind(db, id));
    },

    async create(ctx: CallContext, input: ProposalCreate): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.propose');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const changes = await validateChanges(tx, input.changes);
        if (input.submit && changes.length === 0) throw noChanges();
        await settingRepository.lock(tx, 'lock.proposals', at);
        const author = signature(ctx.actor);
        const row: ProposalRow = {
          id: newId(now.getTime()),
          number: await proposalRepository.nextNumber(tx),
          title: input.title,
          rationale: input.rationale,
          status: input.submit ? 'open' : 'draft',
          author_id: author.id,
          author_label: author.label,
          effective_from: utc(input.effective_from),
          revision: 1,
          changes: JSON.stringify(changes),
          submitted_at: input.submit ? at : null,
          published_at: null,
          published_by: null,
          published_by_label: null,
          published_directly: 0,
          created_at: at,
          updated_at: at,
        };
        await proposalRepository.insert(tx, row);
        await recordChange(tx, ctx, now, {
          action: 'proposal.create',
          entity: 'proposal',
          entityId: row.id,
          after: {
            number: row.number,
            title: row.title,
            status: row.status,
            effective_from: row.effective_from,
            changes,
          },
        });
        if (input.submit) await startRound(tx, ctx, row, changes, now);
        return present(tx, ctx, row);
      });
    },

    async update(ctx: CallContext, id: string, input: ProposalUpdate): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.propose');
      return act(ctx, id, async (tx, p, now) => {
        checkRevision(p, input.revision);
        if (!mayEdit(p, ctx.actor)) throw refuse('Only the author or a quality lead edits a proposal');
        if (!editable.includes(p.status)) throw wrongStatus(p, 'edited');
        const changes = input.changes === undefined ? changesOf(p) : await validateChanges(tx, input.changes);
        const effectiveFrom =
          input.effective_from === undefined ? p.effective_from : utc(input.effective_from);
        // What the approvers approve: the changes and their date (not the title or rationale).
        const changed =
          (input.changes !== undefined && JSON.stringify(changes) !== p.changes) ||
          effectiveFrom !== utc(p.effective_from);
        const reopen = changed && p.status !== 'draft';
        if (reopen && changes.length === 0) throw noChanges();
        const at = now.toISOString();
        const after: ProposalRow = {
          ...p,
          title: input.title ?? p.title,
          rationale: input.rationale ?? p.rationale,
          effective_from: effectiveFrom,
          changes: JSON.stringify(changes),
          revision: p.revision + 1,
          status: reopen ? 'open' : p.status,
          submitted_at: reopen ? at : p.submitted_at,
          updated_at: at,
        };
        const { id: _id, ...patch } = after;
        await proposalRepository.update(tx, p.id, patch);
        await recordChange(tx, ctx, now, {
          action: reopen ? 'proposal.reopen' : 'proposal.update',
          entity: 'proposal',
          entityId: p.id,
          before: {
            title: p.title,
            status: p.status,
            effective_from: p.effective_from,
            revision: p.revision,
            changes: changesOf(p),
          },
          after: {
            title: after.title,
            status: after.status,
            effective_from: after.effective_from,
            revision: after.revision,
            changes,
          },
        });
        if (reopen) await startRound(tx, ctx, after, changes, now);
      });
    },

    async submit(ctx: CallContext, id: string, input: ProposalAct): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.propose');
      return act(ctx, id, async (tx, p, now) => {
        checkRevision(p, input.revision);
        if (!mayEdit(p, ctx.actor)) throw refuse('Only the author or a quality lead submits a proposal');
        if (p.status !== 'draft' && p.status !== 'rejected') throw wrongStatus(p, 'submitted');
        const changes = await validateChanges(tx, changesOf(p));
        if (changes.length === 0) throw noChanges();
        const at = now.toISOString();
        await proposalRepository.update(tx, p.id, { status: 'open', submitted_at: at, updated_at: at });
        await recordChange(tx, ctx, now, {
          action: 'proposal.submit',
          entity: 'proposal',
          entityId: p.id,
          before: { status: p.status },
          after: { number: p.number, status: 'open' },
        });
        await startRound(tx, ctx, { ...p, status: 'open' }, changes, now);
      });
    },

    approve: (ctx: CallContext, id: string, input: ProposalDecide) => decide(ctx, id, input, 'approved'),
    reject: (ctx: CallContext, id: string, input: ProposalDecide) => decide(ctx, id, input, 'rejected'),

    async withdraw(ctx: CallContext, id: string, input: ProposalAct): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.propose');
      return act(ctx, id, async (tx, p, now) => {
        checkRevision(p, input.revision);
        if (!mayEdit(p, ctx.actor)) throw refuse('Only the author or a quality lead withdraws a proposal');
        if (p.status === 'published' || p.status === 'withdrawn') throw wrongStatus(p, 'withdrawn');
        await proposalRepository.update(tx, p.id, { status: 'withdrawn', updated_at: now.toISOString() });
        await recordChange(tx, ctx, now, {
          action: 'proposal.withdraw',
          entity: 'proposal',
          entityId: p.id,
          before: { status: p.status },
          after: { number: p.number, status: 'withdrawn' },
        });
      });
    },

    /** An administrator publishes at once, skipping the approvals (recorded as `published_directly`). */
    async publishNow(ctx: CallContext, id: string, input: ProposalPublish): Promise<Proposal> {
      assertCan(ctx.actor, 'standards.publish');
      return act(ctx, id, async (tx, p, now) => {
        checkRevision(p, input.revision);
        if (p.status === 'published' || p.status === 'withdrawn') throw wrongStatus(p, 'published');
        if (changesOf(p).length === 0) throw noChanges();
        await publishInTx(tx, ctx, p, now, { effectiveFrom: input.effective_from, direct: true });
      });
    },

    /**
     * Publishes every approved proposal whose effective date has come, as the scheduler. A stale
     * one stays approved and its author is told once. Answers how many were published.
     */
    async publishDue(): Promise<number> {
      const ctx: CallContext = { actor: systemActor('scheduler') };
      const now = clock();
      const due = (await proposalRepository.list(db, ['approved'])).filter(
        (p) => p.effective_from === null || Date.parse(p.effective_from) <= now.getTime(),
      );
      let published = 0;
      const failures: unknown[] = [];
      for (const candidate of due) {
        try {
          const done = await db.transaction().execute(async (tx) => {
            await proposalRepository.lock(tx, candidate.id);
            const p = await proposalRepository.findById(tx, candidate.id);
            if (!p || p.status !== 'approved') return false;
            await settingRepository.lock(tx, 'lock.catalog', now.toISOString());
            const stale = await staleCodes(tx, changesOf(p));
            if (stale.length > 0) {
              await tellStale(tx, ctx, p, stale, now);
              return false;
            }
            await publishInTx(tx, ctx, p, now, { direct: false });
            return true;
          });
          if (done) published += 1;
        } catch (e) {
          // One proposal failing must not stop the others; the scheduler logs the error below.
          failures.push(e);
        }
      }
      if (failures.length > 0)
        throw new AggregateError(
          failures,
          `publishing ${failures.length} due proposal(s) failed (${published} published)`,
        );
      return published;
    },

    async comments(ctx: CallContext, id: string): Promise<CommentList> {
      assertCan(ctx.actor, 'standards.read');
      await mustFind(db, id);
      const rows = await proposalRepository.comments(db, id);
      const mentions = rows.map((r) => JSON.parse(r.mentions) as string[]);
      const people = await proposalRepository.people(db, [
        ...rows.map((r) => r.author_id),
        ...mentions.flat(),
      ]);
      const items = rows.map((r, i) =>
        presentComment(r.id, r.author_id, r.author_label, r.body, mentions[i]!, r.created_at, people),
      );
      return { items, total: items.length };
    },

    async addComment(ctx: CallContext, id: string, input: CommentCreate): Promise<Comment> {
      assertCan(ctx.actor, 'standards.read');
      if (ctx.actor.kind !== 'user') throw refuse('Comments are signed by people: sign in to comment');
      // Viewers read the discussion but write nothing (the role is read-only everywhere).
      if (ctx.actor.role === 'viewer') throw refuse('Viewers read the discussion; they do not comment');
      const actorId = ctx.actor.id;
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const p = await mustFind(tx, id);
        const users = await proposalRepository.activeUsers(tx);
        const mentioned = new Set<string>();
        for (const m of input.body.matchAll(MENTION)) {
          const name = m[1]!.replace(/\.+$/, '').toLowerCase();
          const matches = name.includes('@')
            ? users.filter((u) => u.email.toLowerCase() === name)
            : users.filter((u) => u.email.toLowerCase().split('@')[0] === name);
          if (matches.length === 1) mentioned.add(matches[0]!.id);
        }
        const row = {
          id: newId(now.getTime()),
          proposal_id: p.id,
          author_id: actorId,
          author_label: ctx.actor.label,
          body: input.body,
          mentions: JSON.stringify([...mentioned]),
          created_at: now.toISOString(),
        };
        await proposalRepository.insertComment(tx, row);
        await recordChange(tx, ctx, now, {
          action: 'proposal.comment',
          entity: 'proposal',
          entityId: p.id,
          after: { number: p.number, comment_id: row.id, body: input.body, mentions: [...mentioned] },
        });
        await notify(tx, ctx, [...mentioned], 'mentioned', p.id, input.body, now);
        const org = await orgSnapshot(tx);
        const approvals = (await proposalRepository.approvalsOf(tx, [p.id])).get(p.id) ?? [];
        const concerned = [
          ...(p.author_id === null ? [] : [p.author_id]),
          ...approvals.flatMap((a) => (a.unit_id === null ? [] : org.eligibleFor(a.unit_id))),
          ...approvals.flatMap((a) => (a.decided_by === null ? [] : [a.decided_by])),
        ].filter((uid) => !mentioned.has(uid));
        await notify(tx, ctx, concerned, 'commented', p.id, input.body, now);
        const people = await proposalRepository.people(tx, [actorId, ...mentioned]);
        return presentComment(
          row.id,
          actorId,
          row.author_label,
          row.body,
          [...mentioned],
          row.created_at,
          people,
        );
      });
    },

    async getSettings(ctx: CallContext): Promise<StandardsSettings> {
      assertCan(ctx.actor, 'standards.read');
      return { allow_self_approval: await allowSelfApproval(db) };
    },

    async putSettings(ctx: CallContext, input: StandardsSettings): Promise<StandardsSettings> {
      if (ctx.actor.role !== 'admin') throw refuse('Only an administrator changes the agreement settings');
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const before = { allow_self_approval: await allowSelfApproval(tx) };
        await tx
          .insertInto('settings')
          .values({ key: SELF_APPROVAL_KEY, value: String(input.allow_self_approval), updated_at: at })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({ value: String(input.allow_self_approval), updated_at: at }),
          )
          .execute();
        await recordChange(tx, ctx, now, {
          action: 'setting.update',
          entity: 'setting',
          entityId: 'standards',
          before,
          after: input,
        });
        return { allow_self_approval: input.allow_self_approval };
      });
    },
  };
}

const noChanges = () =>
  new ValidationError([
    { in: 'body', path: 'changes', message: 'a proposal needs at least one change', code: 'required' },
  ]);

function presentComment(
  id: string,
  authorId: string | null,
  authorLabel: string,
  body: string,
  mentions: readonly string[],
  createdAt: string,
  people: Map<string, PersonRow>,
): Comment {
  const author = authorId === null ? undefined : people.get(authorId);
  return {
    id,
    author: author
      ? personRef(author)
      : { id: authorId ?? '00000000-0000-7000-8000-000000000000', name: authorLabel, email: authorLabel },
    body,
    mentions: mentions.flatMap((m) => {
      const p = people.get(m);
      return p ? [personRef(p)] : [];
    }),
    created_at: createdAt,
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
