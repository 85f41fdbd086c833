import type { Db } from '../../db/database';
import { newId } from '../../db/ids';

/**
 * Queues a re-judging of the records that started in [fromMs, toMs) (null: unbounded), if any
 * record is there. A run still queued is widened instead of queuing a second one. Call it inside
 * the transaction that changes the rules (a publication, an exclusion window), so the change and
 * its re-judging commit together; the server's job loop (or the CLI after `standards apply
 * --publish`) runs it.
 */
export async function enqueueRejudge(
  tx: Db,
  at: Date,
  span: { fromMs: number | null; toMs: number | null; title: string; createdBy?: string | null },
): Promise<void> {
  const touched = await tx
    .selectFrom('interactions')
    .select('id')
    .$if(span.fromMs !== null, (q) => q.where('started_at', '>=', span.fromMs!))
    .$if(span.toMs !== null, (q) => q.where('started_at', '<', span.toMs!))
    .limit(1)
    .executeTakeFirst();
  if (!touched) return;
  const queued = await tx
    .selectFrom('monitoring_jobs')
    .selectAll()
    .where('kind', '=', 'rejudge')
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (queued) {
    const s = JSON.parse(queued.scope) as { from: number | null; to: number | null };
    const from = s.from === null || span.fromMs === null ? null : Math.min(s.from, span.fromMs);
    const to = s.to === null || span.toMs === null ? null : Math.max(s.to, span.toMs);
    await tx
      .updateTable('monitoring_jobs')
      .set({ scope: JSON.stringify({ from, to }), title: span.title })
      .where('id', '=', queued.id)
      .execute();
    return;
  }
  await tx
    .insertInto('monitoring_jobs')
    .values({
      id: newId(at.getTime()),
      kind: 'rejudge',
      status: 'queued',
      title: span.title,
      scope: JSON.stringify({ from: span.fromMs, to: span.toMs }),
      total: 0,
      done: 0,
      counts: '{}',
      error: null,
      created_by: span.createdBy ?? null,
      created_at: at.toISOString(),
      started_at: null,
      finished_at: null,
    })
    .execute();
}
