import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';

/** Who an invitation is for; fails with `invite_invalid` once it is used or expired. */
export function useInviteInfo(token: string | null) {
  return useQuery({
    queryKey: ['invite', token],
    queryFn: () => api.get<{ email: string; name: string }>(`/invites/${encodeURIComponent(token ?? '')}`),
    enabled: !!token,
    retry: false,
  });
}

export function useAcceptInvite() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api.post<{ email: string }>('/invites/accept', body),
  });
}
