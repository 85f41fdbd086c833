import type { Kysely } from 'kysely';

/**
 * Audits (issue 7): templates assembled from published observed standards, their versions, the
 * audits made with them and the amendments to submitted audits (docs/AUDITS.md).
 *
 * - `audit_templates`: one row per template, by code; `version` is its latest version, `pass_mark`
 *   and the titles are the latest version's copy for lists. A delete is soft (`deleted_at`).
 * - `audit_template_versions`: immutable; `definition` is JSON `{pass_mark, sections: [{id, title,
 *   items: [{id, standard, standard_version, title, measure}]}]}` — each item's measure is a
 *   snapshot of the standard version it was built from, so a finished audit keeps what it used.
 * - `audits`: a draft or a submitted audit of one unit (and optionally one employee, one
 *   interaction record) by one auditor (`auditor_kind` + `auditor_id`: a person, or a token);
 *   `answers` and `comments` are JSON objects by item id; `score`/`outcome` are set on submission
 *   and by amendments (a pure function of the template version and the answers); `revision`
 *   counts changes, and every change is conditional on it, so two racing writers cannot both win.
 * - `audit_amendments`: corrections of a submitted audit, numbered from 1, with the answers before
 *   and after and the required reason.
 *
 * Schedules, photos, calibration sessions and follow-ups come with later migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_ru', 'text')
    .addColumn('title_en', 'text')
    .addColumn('pass_mark', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_template_versions')
    .addColumn('template_id', 'text', (c) => c.notNull().references('audit_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_template_versions_pk', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('audit_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('auditor_kind', 'text', (c) => c.notNull())
    .addColumn('auditor_id', 'text', (c) => c.notNull())
    .addColumn('auditor_label', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('score', 'double precision')
    .addColumn('outcome', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'audits_template_version_fk',
      ['template_id', 'template_version'],
      'audit_template_versions',
      ['template_id', 'version'],
    )
    .execute();
  await db.schema.createIndex('audits_unit').on('audits').columns(['unit_id', 'observed_at']).execute();
  await db.schema.createIndex('audits_employee').on('audits').columns(['employee_id']).execute();
  await db.schema.createIndex('audits_auditor').on('audits').columns(['auditor_id']).execute();

  await db.schema
    .createTable('audit_amendments')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('answers_before', 'text', (c) => c.notNull())
    .addColumn('answers_after', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_kind', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_amendments_pk', ['audit_id', 'n'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_amendments', 'audits', 'audit_template_versions', 'audit_templates'])
    await db.schema.dropTable(t).execute();
}
