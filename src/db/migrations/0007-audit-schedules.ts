import type { Kysely } from 'kysely';

/**
 * Audit schedules and their rounds (issue 7, docs/AUDITS.md → Schedules).
 *
 * - `audit_schedules`: a template visited in a unit on a recurring rule (`kind` + `spec` JSON, as
 *   `core/audits/schedule.ts` reads it: `{weekday, time}`, `{day, time}` or `{n, seed}`), read in
 *   `timezone` (resolved when the schedule is saved: the unit's, else the organization's);
 *   `due_after_ms` / `grace_ms` as epoch-free durations in milliseconds; `starts_on` / `ends_on` local
 *   dates; `rounds_from` the instant rounds are stored from (the start of
 *   `starts_on`, or the last edit of the rule: an edit never makes rounds in the past); `auditor_ids` JSON array of the assigned people's user ids. A delete is soft.
 * - `audit_rounds`: one row per occurrence, unique per schedule and key (so materializing twice
 *   writes nothing new); `assignee` null = any assigned auditor; `reminded_due_at` /
 *   `reminded_overdue_at` record that the reminders went out, so a restart never sends them twice.
 *   A round's state is derived from its instants and its audit's `submitted_at`, never stored.
 * - `audits.round_id`: the round an audit was started from (one audit per round: unique).
 * - `notifications.subject`: what a notification is about besides a proposal (an audit round's id
 *   for `audit_round_due` / `audit_round_overdue`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('audit_templates.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('due_after_ms', 'bigint', (c) => c.notNull())
    .addColumn('grace_ms', 'bigint', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('rounds_from', 'text', (c) => c.notNull())
    .addColumn('auditor_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('audit_schedules_unit').on('audit_schedules').columns(['unit_id']).execute();

  await db.schema
    .createTable('audit_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('audit_schedules.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'text', (c) => c.references('audits.id'))
    .addColumn('assignee', 'text', (c) => c.references('users.id'))
    .addColumn('reminded_due_at', 'text')
    .addColumn('reminded_overdue_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_rounds_schedule_key', ['schedule_id', 'key'])
    .execute();
  await db.schema.createIndex('audit_rounds_starts').on('audit_rounds').columns(['starts_at']).execute();

  await db.schema.alterTable('audits').addColumn('round_id', 'text').execute();
  await db.schema.createIndex('audits_round').on('audits').column('round_id').unique().execute();

  await db.schema.alterTable('notifications').addColumn('subject', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('subject').execute();
  await db.schema.dropIndex('audits_round').execute();
  await db.schema.alterTable('audits').dropColumn('round_id').execute();
  await db.schema.dropTable('audit_rounds').execute();
  await db.schema.dropTable('audit_schedules').execute();
}
