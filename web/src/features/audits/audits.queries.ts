import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditTemplateSummary } from '../../../../src/contract/audit-template.schema';
import type {
  AuditAnswersInput,
  AuditCreate,
  AuditDetail,
  AuditPageOut,
} from '../../../../src/contract/audits.schema';
import { api, apiRequest } from '../../api/api-client';

/** Audits (issue 7), not the audit log (`features/audit`). */
export const AUDITS_KEY = ['audits'] as const;
export const auditKey = (id: string) => [...AUDITS_KEY, 'one', id] as const;

export interface AuditListFilters {
  /** Only the caller's own audits (an auditor's "my audits"). */
  mine: boolean;
  status?: 'draft' | 'submitted' | undefined;
}

export function useAuditList(filters: AuditListFilters) {
  return useInfiniteQuery({
    queryKey: [...AUDITS_KEY, 'list', filters],
    queryFn: ({ signal, pageParam }) =>
      api.get<AuditPageOut>(
        '/audits',
        {
          auditor: filters.mine ? 'me' : undefined,
          status: filters.status,
          limit: 30,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useAudit(id: string) {
  return useQuery({
    queryKey: auditKey(id),
    queryFn: ({ signal }) => api.get<AuditDetail>(`/audits/${id}`, undefined, signal),
  });
}

export function useAuditTemplates(enabled = true) {
  return useQuery({
    queryKey: ['audit-templates', 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditTemplateSummary[] }>('/audit-templates', undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AuditCreate) => api.post<AuditDetail>('/audits', body),
    onSuccess: (audit) => {
      queryClient.setQueryData(auditKey(audit.id), audit);
      void queryClient.invalidateQueries({ queryKey: [...AUDITS_KEY, 'list'] });
    },
  });
}

/** Saves a patch of answers and comments to a draft (the form's queue calls it). */
export const saveAnswers = (id: string, body: AuditAnswersInput) =>
  apiRequest<AuditDetail>(`/audits/${id}/answers`, { method: 'PUT', body });

export const submitAudit = (id: string) => api.post<AuditDetail>(`/audits/${id}/submit`);
