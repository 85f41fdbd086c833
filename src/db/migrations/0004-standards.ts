import type { Kysely } from 'kysely';

/**
 * Standards and their agreement (issue 5).
 *
 * - `catalog_entries`: a standard or a calendar by code (unique per entity), never deleted.
 * - `catalog_versions`: published, immutable versions; `definition` is the `etalon/v1` object as
 *   JSON text, null for a retirement. A version is in force from `effective_from` until the next
 *   version's (derived on read, so no row is ever updated). UNIQUE(entry_id, version).
 * - `proposals`: a change set (`changes`, JSON) with its lifecycle status and an edit `revision`
 *   (optimistic concurrency: an edit naming an older revision is refused).
 * - `proposal_approvals`: the approvals required in the current round (a re-submission starts a
 *   new round: the old rows are deleted, their decisions stay in the audit log).
 * - `proposal_comments`, `notifications` (in-app), `acknowledgements` (an employee read a version).
 * - Authors and publishers are users, or null with a label when the CLI (the system actor) acted:
 *   `*_label` keeps who it was (an e-mail, `cli`) either way.
 * - Flags are integers 0/1 (no booleans in this schema, as elsewhere).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_entries_entity_code', ['entity', 'code'])
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_by_label', 'text')
    .addColumn('published_directly', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposals_status').on('proposals').column('status').execute();

  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_by_label', 'text', (c) => c.notNull())
    .addColumn('published_directly', 'integer', (c) => c.notNull())
    .addUniqueConstraint('catalog_versions_entry_version', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('proposal_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('proposal_approvals_proposal')
    .on('proposal_approvals')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('proposal_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_comments_proposal')
    .on('proposal_comments')
    .column('proposal_id')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('excerpt', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('acknowledgements_once', ['employee_id', 'entry_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'acknowledgements',
    'notifications',
    'proposal_comments',
    'proposal_approvals',
    'catalog_versions',
    'proposals',
    'catalog_entries',
  ])
    await db.schema.dropTable(table).execute();
}
