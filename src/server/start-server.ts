import type { Config } from '../contract/config.schema';
import { openRuntime } from '../services/runtime';
import { buildApp } from './app';
import { monitoringLoop } from './monitoring-loop';

/**
 * Opens the database, applies migrations, and listens. Ends cleanly on SIGINT/SIGTERM: stops
 * accepting, lets requests in flight finish, closes the database.
 */
export async function startServer(config: Config): Promise<void> {
  const runtime = await openRuntime(config, { migrate: true });
  const app = await buildApp({
    services: runtime.services,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  });
  // Approved proposals take effect on their date: publish the due ones every minute (one run at a
  // time; closing waits for a run in flight before the database closes).
  let running: Promise<void> | undefined;
  const publishDue = () => {
    running ??= runtime.services.proposals
      .publishDue()
      .then(
        (n) => {
          if (n > 0) app.log.info({ published: n }, 'published the proposals due');
        },
        (err: unknown) => app.log.error({ err }, 'publishing the proposals due failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const scheduler = setInterval(() => void publishDue(), 60_000);
  scheduler.unref();
  await runtime.services.imports.failInterrupted(); // imports a dead process left running: upload again
  await runtime.services.monitoring.requeueInterrupted(); // re-judging runs a dead process left running: run again
  const monitoring = monitoringLoop(runtime.services, app.log);
  app.addHook('onClose', async () => {
    clearInterval(scheduler);
    await Promise.all([running, monitoring.stop()]);
    await runtime.close();
  });
  const applied = runtime.migrations?.applied ?? [];
  app.log.info(
    { database: runtime.database.dialect, location: runtime.database.location, migrations: applied },
    'database ready',
  );
  await app.listen({ port: config.port, host: config.host });
  void publishDue();
  monitoring.start();
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app.log.info(`Etalon is serving http://${shown}:${(app.server.address() as { port: number }).port}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      void app.close().then(() => process.exit(0));
    });
  }
}
