import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '../../../../src/contract/token.schema';
import type { Role } from '../../../../src/core/roles';
import { api } from '../../api/api-client';

const TOKENS_KEY = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/tokens', undefined, signal),
  });
}

export interface TokenCreated {
  token: ApiToken;
  /** The whole secret: in this response only, never again. */
  secret: string;
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: Role; expires_at?: string }) =>
      api.post<TokenCreated>('/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
