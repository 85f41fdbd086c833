import { systemActor } from '../core';
import type { Runtime } from '../services/runtime';

/**
 * Runs the re-judgings queued by catalog changes (a back-dated catalog changes verdicts already
 * stored), with a progress line on stderr, so the numbers are final when the command returns.
 * Only when every queued job is a re-judging: other kinds (a file uploaded to the server) need the
 * server's runners, and this process would only fail them — they are left to the server.
 */
export async function runQueuedRejudging(runtime: Runtime): Promise<void> {
  const monitoring = runtime.services.monitoring;
  const queued = (await monitoring.jobs({ actor: systemActor('cli') }, { active: true })).filter(
    (j) => j.status === 'queued',
  );
  if (queued.length === 0) return;
  if (queued.some((j) => j.kind !== 'rejudge')) {
    process.stderr.write(`etalon: ${queued.length} queued job(s) left for the server to run\n`);
    return;
  }
  process.stderr.write(`etalon: re-judging stored records (${queued.length} job(s))…\n`);
  const started = performance.now();
  const ran = await monitoring.runJobs();
  process.stderr.write(
    `etalon: re-judged (${ran} job(s), ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
