import type { ServiceDeps } from './service-context';

// Being built (issue 5).
export function createCatalogService(deps: ServiceDeps) {
  void deps;
  return {};
}
