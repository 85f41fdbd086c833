import type { Kysely } from 'kysely';

/**
 * Photos on audits and follow-ups from failed items (issue 7, docs/AUDITS.md).
 *
 * - `audit_photos`: one row per photo of an audit — of one item (`item_id`) or of the audit as a
 *   whole (null). The bytes live in the data directory under `photos/<audit id>/<photo id>`, never
 *   in the database; the row keeps the checked `content_type` (from the bytes, not the header),
 *   the size, the SHA-256 and, when the header tells them, the pixel dimensions.
 * - `follow_ups`: a task raised from a failed item of a submitted audit, with an owner (a person)
 *   and a due date (a local date in the unit's zone); `open`, then `done` (with `done_at` and an
 *   optional note) or `cancelled`. Overdue is derived (open and due before today), never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
    .addColumn('item_id', 'text')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_photos_audit').on('audit_photos').columns(['audit_id']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('standard_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text')
    .execute();
  await db.schema.createIndex('follow_ups_audit').on('follow_ups').columns(['audit_id']).execute();
  await db.schema
    .createIndex('follow_ups_owner')
    .on('follow_ups')
    .columns(['owner_user_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['follow_ups', 'audit_photos']) await db.schema.dropTable(t).execute();
}
