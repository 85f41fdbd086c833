import { useEffect, useRef } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FindingsResponse,
  InteractionDetail,
  Job,
  SummaryResponse,
  TrendResponse,
} from '../../../../src/contract/monitoring.schema';
import { api } from '../../api/api-client';
import type { MonitoringFilters } from './filters';

/** Everything computed from verdicts sits under this key; a finished re-judging refreshes it. */
export const COMPLIANCE_KEY = ['compliance'] as const;
export const MONITORING_JOBS_KEY = ['monitoring-jobs'] as const;

/**
 * The heatmap over the range and channel. Unit and standard narrow it in the browser: the answer
 * then also lists every unit and standard the reader may see, for the pickers.
 */
export function useSummary(f: Pick<MonitoringFilters, 'from' | 'to' | 'channel'>) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'summary', f.from, f.to, f.channel],
    queryFn: ({ signal }) =>
      api.get<SummaryResponse>('/compliance/summary', { from: f.from, to: f.to, channel: f.channel }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One standard's trend, drawn in `period` (see `trendGrain`). */
export function useTrend(
  f: Pick<MonitoringFilters, 'from' | 'to' | 'channel' | 'unit'>,
  standard: string | null,
  period: string | undefined,
) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'trend', standard, period, f.from, f.to, f.channel, f.unit],
    queryFn: ({ signal }) =>
      api.get<TrendResponse>(
        '/compliance/trend',
        { standard, period, from: f.from, to: f.to, channel: f.channel, unit: f.unit },
        signal,
      ),
    enabled: !!standard && !!period,
    placeholderData: keepPreviousData,
  });
}

export const FINDINGS_PAGE = 20;

/** The failed records of one heatmap cell, a page at a time. */
export function useFindings(
  cell: { standard: string; unit: string } | null,
  f: Pick<MonitoringFilters, 'from' | 'to' | 'channel'>,
  page: number,
) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'findings', cell?.standard, cell?.unit, f.from, f.to, f.channel, page],
    queryFn: ({ signal }) =>
      api.get<FindingsResponse>(
        '/findings',
        {
          standard: cell!.standard,
          unit: cell!.unit,
          from: f.from,
          to: f.to,
          channel: f.channel,
          verdict: 'fail',
          limit: FINDINGS_PAGE,
          offset: (page - 1) * FINDINGS_PAGE,
        },
        signal,
      ),
    enabled: !!cell,
    placeholderData: keepPreviousData,
  });
}

export function useInteraction(id: string | undefined) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'interaction', id],
    queryFn: ({ signal }) =>
      api.get<InteractionDetail>(`/interactions/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

/** Quiet polling to notice a re-judging that starts; fast polling while one runs. */
const IDLE_POLL_MS = 30_000;
const ACTIVE_POLL_MS = 2_000;

/**
 * The re-judging runs in progress (queued or running), polled every 2 s while there are any. When
 * the last one finishes, the compliance numbers are fetched again.
 */
export function useActiveRejudging() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...MONITORING_JOBS_KEY, 'active', 'rejudge'],
    queryFn: ({ signal }) =>
      api.get<{ items: Job[] }>('/monitoring/jobs', { active: 'true', kind: 'rejudge' }, signal),
    refetchInterval: (q) => ((q.state.data?.items.length ?? 0) > 0 ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
  const jobs = query.data?.items ?? [];
  const wasActive = useRef(false);
  const active = jobs.length > 0;
  useEffect(() => {
    if (wasActive.current && !active) void queryClient.invalidateQueries({ queryKey: COMPLIANCE_KEY });
    wasActive.current = active;
  }, [active, queryClient]);
  return jobs;
}
