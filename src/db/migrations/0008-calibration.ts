import type { Kysely } from 'kysely';

/**
 * Calibration sessions (issue 7, docs/AUDITS.md "Calibration: judging alike"): several auditors
 * judge the same subjects with one audit template version, blind, until the session's creator
 * reveals the answers side by side with Krippendorff's alpha per item.
 *
 * - `calibration_sessions`: the title, the template version whose items are judged, `subjects` as
 *   JSON `[{id, label, description, interaction_id}]` (1…20: a recorded call, a visit, a photo set
 *   described in words and links), `status` `open` | `revealed`, who created it and when it was
 *   revealed.
 * - `calibration_participants`: the auditors asked to judge; `submitted_at` once they submit
 *   (their answers are then final).
 * - `calibration_judgements`: one answer per participant, subject and item — the audits' answer
 *   values as text (`'1'`…`'5'`, `'yes'`, `'no'`, `'na'`), `null` when only a comment is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calibration_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull().references('audit_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text')
    .addForeignKeyConstraint(
      'calibration_sessions_template_version_fk',
      ['template_id', 'template_version'],
      'audit_template_versions',
      ['template_id', 'version'],
    )
    .execute();

  await db.schema
    .createTable('calibration_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('calibration_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'text')
    .addPrimaryKeyConstraint('calibration_participants_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('calibration_participants_user')
    .on('calibration_participants')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('calibration_judgements')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('calibration_judgements_pk', ['session_id', 'user_id', 'subject_id', 'item_id'])
    .addForeignKeyConstraint(
      'calibration_judgements_participant_fk',
      ['session_id', 'user_id'],
      'calibration_participants',
      ['session_id', 'user_id'],
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['calibration_judgements', 'calibration_participants', 'calibration_sessions'])
    await db.schema.dropTable(t).execute();
}
