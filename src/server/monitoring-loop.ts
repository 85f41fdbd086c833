import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services/services';

/** How often queued monitoring jobs (imports, re-judging runs) are looked for. */
const JOBS_EVERY_MS = 2_000;
/** How often pending verdicts whose time ran out are settled as breaches. */
const SETTLE_EVERY_MS = 60_000;

/**
 * The server's monitoring jobs: every minute pending verdicts that ran out become breaches
 * (`settleDue`); every two seconds the queued jobs run (`runJobs`: a no-op query when none is
 * queued). Each task runs one at a time; `stop` waits for the ones in flight.
 */
export function monitoringLoop(
  services: Pick<Services, 'monitoring' | 'auditSchedules'>,
  log: FastifyBaseLogger,
) {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Map<string, Promise<void>>();

  /** Runs `task` unless a run of it is still going. */
  const once = (name: string, task: () => Promise<number>) => {
    if (inFlight.has(name)) return;
    const run = task()
      .then(
        (n) => {
          if (n > 0) log.info({ [name]: n }, `monitoring: ${name}`);
        },
        (err: unknown) => log.error({ err }, `monitoring: ${name} failed`),
      )
      .finally(() => inFlight.delete(name));
    inFlight.set(name, run);
  };
  const settle = () => once('settled', () => services.monitoring.settleDue());
  const jobs = () => once('jobs_run', () => services.monitoring.runJobs());
  // Audit schedules (issue 7): store the rounds ahead, remind auditors of due / overdue rounds.
  const rounds = () => once('audit_round_reminders', () => services.auditSchedules.tick());

  return {
    start() {
      jobs();
      settle();
      rounds();
      timers.push(
        setInterval(jobs, JOBS_EVERY_MS),
        setInterval(settle, SETTLE_EVERY_MS),
        setInterval(rounds, SETTLE_EVERY_MS),
      );
      for (const t of timers) t.unref();
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      timers.length = 0;
      await Promise.all(inFlight.values());
    },
  };
}
