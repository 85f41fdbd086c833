import { parseConfig } from '../contract/config.schema';
import type { Runtime } from '../services/runtime';
import { systemActor } from '../core';
import type { CallContext } from '../services/service-context';

/**
 * Runs a command against the configured database (the same `ETALON_DATA_DIR` / `DATABASE_URL`
 * the server uses), applying pending migrations first, and closes it afterwards.
 */
export async function withRuntime<T>(run: (runtime: Runtime, ctx: CallContext) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: every command registers at start, and only those that run
  // against the database should pay for loading the services (`etalon --help` and `stats` do not).
  const { openRuntime } = await import('../services/runtime');
  const runtime = await openRuntime(parseConfig(process.env), { migrate: true });
  try {
    return await run(runtime, { actor: systemActor('cli') });
  } finally {
    await runtime.close();
  }
}
