import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditTemplate,
  AuditTemplateInput,
  AuditTemplateSummary,
} from '../../../../src/contract/audit-template.schema';
import type { StandardList } from '../../../../src/contract/catalog.schema';
import { api, apiRequest } from '../../api/api-client';
import { CATALOG_KEY } from '../standards/standards.queries';

/** The same key as `useAuditTemplates` of the audits feature, so "New audit" sees a saved template. */
export const TEMPLATES_KEY = ['audit-templates'] as const;
const listKey = [...TEMPLATES_KEY, 'list'] as const;
export const templateKey = (id: string) => [...TEMPLATES_KEY, 'one', id] as const;

export function useTemplateList() {
  return useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) =>
      api.get<{ items: AuditTemplateSummary[] }>('/audit-templates', undefined, signal),
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: templateKey(id ?? ''),
    queryFn: ({ signal }) => api.get<AuditTemplate>(`/audit-templates/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/**
 * The published standards in force (the catalog's `?status=active`), and — with a unit id — the
 * ones binding that unit (its own, its ancestors', organization-wide), as the catalog filter does.
 */
export function useActiveStandards(unitId?: string | null) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'standards', 'active-for-templates', unitId ?? null],
    queryFn: ({ signal }) =>
      api.get<StandardList>('/standards', { status: 'active', unit: unitId ?? undefined }, signal),
    staleTime: 30_000,
  });
}

export function useSaveTemplate(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AuditTemplateInput) =>
      id === undefined
        ? api.post<AuditTemplate>('/audit-templates', body)
        : apiRequest<AuditTemplate>(`/audit-templates/${id}`, { method: 'PUT', body }),
    onSuccess: (template) => {
      queryClient.setQueryData(templateKey(template.id), template);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/audit-templates/${id}`),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: templateKey(id) });
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}
