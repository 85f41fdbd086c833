import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommentList,
  MyAcknowledgements,
  Proposal,
  ProposalDecideBody,
  ProposalList,
  ProposalStatus,
  ProposalUpdateBody,
  StandardsSettings,
  UnitAcknowledgements,
} from '../../../../src/contract/catalog.schema';
import type { Comment } from '../../../../src/contract/catalog.schema';
import type { NotificationList } from '../../../../src/contract/notification.schema';
import { api, apiRequest } from '../../api/api-client';

/** Proposals, their comments and the catalog they change: one key, so a decision refreshes all. */
export const PROPOSALS_KEY = ['proposals'] as const;
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const ACKS_KEY = ['acknowledgements'] as const;

export type ProposalFilter = ProposalStatus | 'all';

export function useProposals(filter: { status: ProposalFilter; awaitingMe: boolean }) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      api.get<ProposalList>(
        '/proposals',
        {
          status: filter.status === 'all' ? undefined : filter.status,
          awaiting_me: filter.awaitingMe ? 'true' : undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Proposal>(`/proposals/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useProposalComments(id: string) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'comments', id],
    queryFn: ({ signal }) => api.get<CommentList>(`/proposals/${id}/comments`, undefined, signal),
    enabled: !!id,
  });
}

function useInvalidateProposals() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: PROPOSALS_KEY });
    // Publishing changes the catalog, the handbook and what people must acknowledge.
    void queryClient.invalidateQueries({ queryKey: ['standards'] });
    void queryClient.invalidateQueries({ queryKey: ['handbook'] });
    void queryClient.invalidateQueries({ queryKey: ACKS_KEY });
  };
}

export function useUpdateProposal(id: string) {
  const invalidate = useInvalidateProposals();
  return useMutation({
    mutationFn: (body: ProposalUpdateBody) => api.patch<Proposal>(`/proposals/${id}`, body),
    onSettled: invalidate,
  });
}

export type ProposalAction = 'submit' | 'withdraw';

export function useProposalAct(id: string) {
  const invalidate = useInvalidateProposals();
  return useMutation({
    mutationFn: ({ action, revision }: { action: ProposalAction; revision: number }) =>
      api.post<Proposal>(`/proposals/${id}/${action}`, { revision }),
    onSettled: invalidate,
  });
}

export function useDecide(id: string) {
  const invalidate = useInvalidateProposals();
  return useMutation({
    mutationFn: ({ decision, ...body }: ProposalDecideBody & { decision: 'approve' | 'reject' }) =>
      api.post<Proposal>(`/proposals/${id}/${decision}`, body),
    onSettled: invalidate,
  });
}

export function usePublishNow(id: string) {
  const invalidate = useInvalidateProposals();
  return useMutation({
    mutationFn: (body: { revision: number; effective_from?: string | null }) =>
      api.post<Proposal>(`/proposals/${id}/publish`, body),
    onSettled: invalidate,
  });
}

export function useAddComment(id: string) {
  const invalidate = useInvalidateProposals();
  return useMutation({
    mutationFn: (body: string) => api.post<Comment>(`/proposals/${id}/comments`, { body }),
    onSuccess: invalidate,
  });
}

// ── Notifications ───────────────────────────────────────────────────────────────────────────────

/** The latest notifications and the unread count; polled every minute and when the tab regains focus. */
export function useNotifications(limit = 20) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, limit],
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { limit }, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    // A server without the endpoint yet (or a brief outage) must not spam retries from every page.
    retry: 1,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    /** Without ids: every notification. */
    mutationFn: (ids?: string[]) => api.post<void>('/notifications/read', ids ? { ids } : {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

// ── Acknowledgements ────────────────────────────────────────────────────────────────────────────

export function useMyStandards() {
  return useQuery({
    queryKey: [...ACKS_KEY, 'mine'],
    queryFn: ({ signal }) => api.get<MyAcknowledgements>('/me/standards', undefined, signal),
  });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version: number }) =>
      api.post<unknown>(`/standards/${encodeURIComponent(code)}/acknowledgements`, { version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ACKS_KEY }),
  });
}

export function useUnitAcknowledgements(unitId: string) {
  return useQuery({
    queryKey: [...ACKS_KEY, 'unit', unitId],
    queryFn: ({ signal }) =>
      api.get<UnitAcknowledgements>(`/units/${unitId}/acknowledgements`, undefined, signal),
    enabled: !!unitId,
  });
}

const SETTINGS_KEY = [...PROPOSALS_KEY, 'settings'] as const;

/** The agreement flow's settings (may authors approve their own proposals). */
export function useStandardsSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<StandardsSettings>('/settings/standards', undefined, signal),
  });
}

/** Administrators only; refreshes the proposals too (who may decide changes with it). */
export function useSaveStandardsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StandardsSettings) =>
      apiRequest<StandardsSettings>('/settings/standards', { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(SETTINGS_KEY, data),
    onSettled: () => client.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}
