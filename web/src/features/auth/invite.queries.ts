import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';

/**
 * Who an invitation is for; fails with `invite_invalid` once it is used, replaced or expired.
 * A POST, not a GET: the token must never sit in a URL path, which access logs keep.
 */
export function useInviteInfo(token: string | null) {
  return useQuery({
    queryKey: ['invite', token],
    queryFn: () => api.post<{ email: string; name: string }>('/invites/lookup', { token }),
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
