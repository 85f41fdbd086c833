import type { Health } from '../contract/health.schema';
import type { ServiceDeps } from './service-context';

/** Whether this instance can serve: the database answers. */
export function createHealthService(deps: ServiceDeps & { ping: () => Promise<boolean> }) {
  return {
    async check(): Promise<Health> {
      const ok = await deps.ping();
      return { status: ok ? 'ok' : 'unavailable', version: deps.version, database: deps.dialect };
    },
  };
}
