import type { Kysely } from 'kysely';

/**
 * Observed standards in the results (issue 7): what a submitted audit counts in the monitoring
 * roll-ups is stored on the audit (`counted`, JSON `{unit_id, employee_id, channel, at, verdicts:
 * [[standard, version, verdict, local day, reason], …]}`), as an interaction record stores its
 * verdicts, so an amendment subtracts exactly what was added even if calendars changed since.
 * Null for drafts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audits').addColumn('counted', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audits').dropColumn('counted').execute();
}
