import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { AuditLogTable } from './database';
import { auditLogRepository, type AuditFilter } from './audit-log.repository';
import { newId } from './ids';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

/** Entry `i` happens `i` minutes after START. */
const entry = (
  i: number,
  fields: Pick<AuditLogTable, 'action' | 'entity' | 'entity_id' | 'actor_id' | 'actor_label'>,
): AuditLogTable => ({
  id: newId(START + i * MINUTE),
  at: new Date(START + i * MINUTE).toISOString(),
  actor_kind: 'user',
  before: null,
  after: JSON.stringify({ i }),
  request_id: null,
  ...fields,
});

const ENTRIES = [
  entry(0, {
    action: 'user.create',
    entity: 'user',
    entity_id: 'u1',
    actor_id: 'a1',
    actor_label: 'Joan@Example.org',
  }),
  entry(1, {
    action: 'user.update',
    entity: 'user',
    entity_id: 'u1',
    actor_id: 'a1',
    actor_label: 'Joan@Example.org',
  }),
  entry(2, {
    action: 'token.create',
    entity: 'token',
    entity_id: 't1',
    actor_id: 'a2',
    actor_label: 'maria@example.org',
  }),
  entry(3, { action: 'user.update', entity: 'user', entity_id: 'u2', actor_id: 't1', actor_label: 'ci_50%' }),
  entry(4, {
    action: 'token.revoke',
    entity: 'token',
    entity_id: 't1',
    actor_id: 'a1',
    actor_label: 'Joan@Example.org',
  }),
];
const at = (i: number) => new Date(START + i * MINUTE).toISOString();

describeEachDb('audit log repository', (database) => {
  beforeAll(async () => {
    // Inserted out of order: the list must sort, not rely on insertion order.
    for (const i of [3, 0, 4, 1, 2]) await auditLogRepository.insert(database().db, ENTRIES[i]!);
  });
  const list = async (filter: AuditFilter, limit = 100) =>
    (await auditLogRepository.list(database().db, filter, limit)).map(
      (r) => JSON.parse(r.after!).i as number,
    );

  it('lists newest first and stores every field as given', async () => {
    expect(await list({})).toEqual([4, 3, 2, 1, 0]);
    const [newest] = await auditLogRepository.list(database().db, {}, 1);
    expect(newest).toEqual(ENTRIES[4]);
  });

  it.each<[string, AuditFilter, number[]]>([
    ['entity', { entity: 'token' }, [4, 2]],
    ['entity and id', { entity: 'user', entity_id: 'u1' }, [1, 0]],
    ['action', { action: 'user.update' }, [3, 1]],
    ['actor id', { actor: 'a1' }, [4, 1, 0]],
    ['part of an actor label, any case', { actor: 'JOAN@' }, [4, 1, 0]],
    ['actor label with wildcards taken literally', { actor: '_50%' }, [3]],
    ['a wildcard alone matches only itself', { actor: '%' }, [3]],
    ['from is inclusive', { from: at(2) }, [4, 3, 2]],
    ['to is exclusive', { to: at(2) }, [1, 0]],
    ['from and to together', { from: at(1), to: at(4) }, [3, 2, 1]],
    ['before an id (the cursor)', { beforeId: ENTRIES[3]!.id }, [2, 1, 0]],
    ['filters combine', { entity: 'user', actor: 'a1', from: at(1) }, [1]],
    ['nothing matches', { action: 'user.delete' }, []],
  ])('filters by %s', async (_label, filter, expected) => {
    expect(await list(filter)).toEqual(expected);
  });

  it('returns at most `limit` rows', async () => {
    expect(await list({}, 2)).toEqual([4, 3]);
  });
});
