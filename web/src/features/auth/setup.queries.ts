import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SetupBodyInput } from '../../../../src/contract/auth.schema';
import type { User } from '../../../../src/contract/user.schema';
import { api } from '../../api/api-client';

const SETUP_KEY = ['setup'] as const;

/** Whether the instance still waits for its first administrator. */
export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<{ needed: boolean }>('/setup'),
    staleTime: Infinity,
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBodyInput) => api.post<User>('/setup', body),
    onSuccess: () => queryClient.setQueryData(SETUP_KEY, { needed: false }),
    onError: (error) => {
      // Someone else finished the setup meanwhile: the gate then sends this person to sign in.
      if ((error as { code?: string }).code === 'setup_done')
        queryClient.setQueryData(SETUP_KEY, { needed: false });
    },
  });
}
