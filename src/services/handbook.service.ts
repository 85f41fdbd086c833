import type { ServiceDeps } from './service-context';

// Being built (issue 5).
export function createHandbookService(deps: ServiceDeps) {
  void deps;
  return {};
}
