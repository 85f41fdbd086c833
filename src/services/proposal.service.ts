import type { ServiceDeps } from './service-context';

// Being built (issue 5).
export function createProposalService(deps: ServiceDeps) {
  void deps;
  return {};
}
