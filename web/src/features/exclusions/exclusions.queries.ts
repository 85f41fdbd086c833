import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExclusionInput, ExclusionWindow } from '../../../../src/contract/monitoring.schema';
import type { StandardList } from '../../../../src/contract/catalog.schema';
import { api, apiRequest } from '../../api/api-client';

const EXCLUSIONS_KEY = ['exclusions'] as const;

/** `api` has no `put`; the request function takes any method. */
const apiPut = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });

export function useExclusions() {
  return useQuery({
    queryKey: EXCLUSIONS_KEY,
    queryFn: ({ signal }) => api.get<{ items: ExclusionWindow[] }>('/exclusions', undefined, signal),
  });
}

/** A change queues a re-judging, so the monitoring jobs (and the dashboard) are refreshed too. */
function useExclusionMutation<Vars, Result>(fn: (vars: Vars) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: EXCLUSIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    },
  });
}

export const useCreateExclusion = () =>
  useExclusionMutation((body: ExclusionInput) => api.post<ExclusionWindow>('/exclusions', body));

export const useUpdateExclusion = () =>
  useExclusionMutation(({ id, body }: { id: string; body: ExclusionInput }) =>
    apiPut<ExclusionWindow>(`/exclusions/${id}`, body),
  );

export const useDeleteExclusion = () =>
  useExclusionMutation((id: string) => api.delete<undefined>(`/exclusions/${id}`));

/** Every standard of the catalog (the standards feature's list endpoint), for the picker. */
export function useStandardOptions() {
  return useQuery({
    queryKey: ['catalog', 'standards', 'exclusion-options'],
    queryFn: ({ signal }) => api.get<StandardList>('/standards', undefined, signal),
    staleTime: 30_000,
  });
}
