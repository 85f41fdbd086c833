import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, ProposalApprovalsTable, ProposalCommentsTable, ProposalsTable } from './database';

export type ProposalRow = Selectable<ProposalsTable>;
export type ApprovalRow = Selectable<ProposalApprovalsTable>;
export type CommentRow = Selectable<ProposalCommentsTable>;

/** A person as the agreement flow shows them. */
export interface PersonRow {
  id: string;
  name: string;
  email: string;
}

/** Statuses of a proposal that is neither published nor withdrawn: it may still change the catalog. */
export const UNPUBLISHED_STATUSES = ['draft', 'open', 'approved', 'rejected'] as const;

/**
 * Proposals, their approvals and comments (issue 5). A proposal's `changes` is JSON text; its
 * approvals are the current round's (a new round deletes the old rows, the audit log keeps them).
 */
export const proposalRepository = {
  findById: (db: Db, id: string) =>
    db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Every proposal (or those with the given statuses), newest number first. */
  list: (db: Db, statuses?: readonly ProposalsTable['status'][]) => {
    let q = db.selectFrom('proposals').selectAll();
    if (statuses) {
      if (statuses.length === 0) return Promise.resolve([] as ProposalRow[]);
      q = q.where('status', 'in', statuses);
    }
    return q.orderBy('number', 'desc').execute();
  },

  /** Number and title of the given proposals by id, in one query. */
  refs: async (
    db: Db,
    ids: readonly string[],
  ): Promise<Map<string, { id: string; number: number; title: string }>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('proposals')
      .select(['id', 'number', 'title'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  },

  /** Titles of the given proposals by id. */
  titles: async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('proposals').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  nextNumber: async (db: Db): Promise<number> => {
    const row = await db
      .selectFrom('proposals')
      .select((eb) => eb.fn.max('number').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  },

  insert: async (db: Db, row: Insertable<ProposalsTable>) => {
    await db.insertInto('proposals').values(row).execute();
  },

  update: async (db: Db, id: string, patch: Updateable<ProposalsTable>) => {
    await db.updateTable('proposals').set(patch).where('id', '=', id).execute();
  },

  /** Row-locks a proposal until the transaction ends (a write that changes nothing). */
  lock: async (db: Db, id: string) => {
    await db
      .updateTable('proposals')
      .set((eb) => ({ revision: eb.ref('revision') }))
      .where('id', '=', id)
      .execute();
  },

  approvalsOf: async (db: Db, proposalIds: readonly string[]): Promise<Map<string, ApprovalRow[]>> => {
    const out = new Map<string, ApprovalRow[]>();
    if (proposalIds.length === 0) return out;
    const rows = await db
      .selectFrom('proposal_approvals')
      .selectAll()
      .where('proposal_id', 'in', proposalIds)
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.proposal_id, [...(out.get(r.proposal_id) ?? []), r]);
    return out;
  },

  /** Replaces a proposal's approvals with a new round. */
  replaceApprovals: async (db: Db, proposalId: string, rows: Insertable<ProposalApprovalsTable>[]) => {
    await db.deleteFrom('proposal_approvals').where('proposal_id', '=', proposalId).execute();
    if (rows.length > 0) await db.insertInto('proposal_approvals').values(rows).execute();
  },

  decide: async (db: Db, approvalId: string, patch: Updateable<ProposalApprovalsTable>) => {
    await db.updateTable('proposal_approvals').set(patch).where('id', '=', approvalId).execute();
  },

  commentCounts: async (db: Db, proposalIds: readonly string[]): Promise<Map<string, number>> => {
    if (proposalIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('proposal_comments')
      .select(['proposal_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('proposal_id', 'in', proposalIds)
      .groupBy('proposal_id')
      .execute();
    return new Map(rows.map((r) => [r.proposal_id, Number(r.n)]));
  },

  comments: async (db: Db, proposalId: string): Promise<CommentRow[]> =>
    (await db
      .selectFrom('proposal_comments')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()) as CommentRow[],

  insertComment: async (db: Db, row: CommentRow) => {
    await db
      .insertInto('proposal_comments')
      .values(row as Insertable<ProposalCommentsTable>)
      .execute();
  },

  /** People by id (users), for showing authors, approvers, publishers. */
  people: async (db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, PersonRow>> => {
    const wanted = [...new Set([...ids].filter((i): i is string => typeof i === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  },

  /** Active users, for mentions and the manager approval's notifications. */
  activeUsers: (db: Db) =>
    db.selectFrom('users').select(['id', 'name', 'email', 'role']).where('status', '=', 'active').execute(),

  /**
   * Whether a grid cell exists from `provider` (a unit code, or `employee:CODE`) to the unit
   * `recipient` (a code).
   */
  gridCellExists: async (db: Db, provider: string, recipient: string): Promise<boolean> => {
    const recipientUnit = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', recipient)
      .executeTakeFirst();
    if (!recipientUnit) return false;
    let providerKey: string | undefined;
    if (provider.startsWith('employee:')) {
      const e = await db
        .selectFrom('employees')
        .select('id')
        .where('code', '=', provider.slice('employee:'.length))
        .executeTakeFirst();
      if (e) providerKey = `employee:${e.id}`;
    } else {
      const u = await db.selectFrom('units').select('id').where('code', '=', provider).executeTakeFirst();
      if (u) providerKey = `unit:${u.id}`;
    }
    if (providerKey === undefined) return false;
    const cell = await db
      .selectFrom('grid_cells')
      .select('id')
      .where('provider_key', '=', providerKey)
      .where('recipient_unit_id', '=', recipientUnit.id)
      .executeTakeFirst();
    return cell !== undefined;
  },

  /**
   * Employees linked to active user accounts who head units: unit id → the heads' user ids.
   * Heads whose employee record has left do not count.
   */
  headUsersByUnit: async (db: Db): Promise<Map<string, string[]>> => {
    const rows = await db
      .selectFrom('unit_heads')
      .innerJoin('employees', 'employees.id', 'unit_heads.employee_id')
      .innerJoin('users', 'users.id', 'employees.user_id')
      .select(['unit_heads.unit_id as unit_id', 'users.id as user_id'])
      .where('employees.status', '=', 'active')
      .where('users.status', '=', 'active')
      .orderBy(sql`lower(users.email)`)
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.unit_id) ?? [];
      if (!list.includes(r.user_id)) list.push(r.user_id);
      out.set(r.unit_id, list);
    }
    return out;
  },
};
