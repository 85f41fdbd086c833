import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarDetail,
  CalendarList,
  IcsHolidays,
  Proposal,
  ProposalCreateBody,
  ProposalList,
  ProposalUpdateBody,
  StandardDetail,
  StandardList,
} from '../../../../src/contract/catalog.schema';
import { api } from '../../api/api-client';

/** The catalog (standards and calendars) sits under this key; a saved proposal refreshes it. */
export const CATALOG_KEY = ['catalog'] as const;
/** Proposals: H5's pages read them under the same key. */
export const PROPOSALS_KEY = ['proposals'] as const;

/** Catalog filters as they live in the URL (empty string = not filtered). */
export interface StandardFilters {
  kind: string;
  category: string;
  unit: string;
  channel: string;
  status: string;
  q: string;
}

export function useStandards(filters: StandardFilters) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'standards', filters],
    queryFn: ({ signal }) =>
      api.get<StandardList>(
        '/standards',
        {
          kind: filters.kind,
          category: filters.category,
          unit: filters.unit,
          channel: filters.channel,
          status: filters.status,
          q: filters.q.trim(),
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useStandard(code: string | undefined) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'standard', code],
    queryFn: ({ signal }) =>
      api.get<StandardDetail>(`/standards/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: !!code,
  });
}

export function useCalendars() {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'calendars'],
    queryFn: ({ signal }) => api.get<CalendarList>('/calendars', undefined, signal),
    staleTime: 30_000,
  });
}

export function useCalendar(code: string | undefined) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'calendar', code],
    queryFn: ({ signal }) =>
      api.get<CalendarDetail>(`/calendars/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: !!code,
  });
}

/** The caller's drafts, to add a change to one of them instead of opening a new proposal. */
export function useDraftProposals(enabled: boolean) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'list', { status: 'draft' }],
    queryFn: ({ signal }) => api.get<ProposalList>('/proposals', { status: 'draft' }, signal),
    enabled,
  });
}

function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      queryClient.invalidateQueries({ queryKey: PROPOSALS_KEY }),
    ]);
}

export function useCreateProposal() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (body: ProposalCreateBody) => api.post<Proposal>('/proposals', body),
    onSuccess: invalidate,
  });
}

/**
 * Reads a draft's changes and patches it, naming the revision the person chose it at: when someone
 * saved it in between, the server answers 409 `edit_conflict` instead of the edit overwriting theirs.
 */
export function useAmendProposal() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: async ({
      id,
      revision,
      amend,
    }: {
      id: string;
      revision: number;
      amend: (p: Proposal) => Omit<ProposalUpdateBody, 'revision'>;
    }) => {
      const current = await api.get<Proposal>(`/proposals/${id}`);
      return api.patch<Proposal>(`/proposals/${id}`, { ...amend(current), revision });
    },
    onSuccess: invalidate,
  });
}

/** Reads holidays from an iCalendar file (nothing is saved). */
export function useIcsHolidays() {
  return useMutation({
    mutationFn: (file: Blob) => api.upload<IcsHolidays>('/calendars/holidays/ics', file, 'text/calendar'),
  });
}
