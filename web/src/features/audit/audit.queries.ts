import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../src/contract/audit.schema';
import { api } from '../../api/api-client';

export interface AuditFilters {
  entity: string;
  entity_id: string;
  action: string;
  actor: string;
  /** `YYYY-MM-DD` as a date input gives it; both ends inclusive, in the reader's time zone. */
  from: string;
  to: string;
}

const PAGE = 50;

/** `2026-03-02` → the instant that day starts in the reader's time zone, plus `days`. */
export function localDayStart(date: string, days = 0): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + days);
  return d.toISOString();
}

/** The log, newest first, a page at a time: each page hands over the cursor of the next. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(
        '/audit',
        {
          entity: filters.entity,
          entity_id: filters.entity_id,
          action: filters.action,
          actor: filters.actor.trim(),
          from: filters.from ? localDayStart(filters.from) : undefined,
          // The server's `to` is exclusive; the person means "up to and including that day".
          to: filters.to ? localDayStart(filters.to, 1) : undefined,
          limit: PAGE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
