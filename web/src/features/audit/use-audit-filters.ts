import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditFilters } from './audit.queries';

const KEYS = ['entity', 'entity_id', 'action', 'actor', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log's filters live in the address, so "Change history" links from other pages work. */
export function useAuditFilters(): [AuditFilters, (patch: Partial<AuditFilters> | null) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const get = (key: (typeof KEYS)[number]) => params.get(key) ?? '';
    const date = (key: 'from' | 'to') => (DATE.test(get(key)) ? get(key) : '');
    return {
      entity: get('entity'),
      entity_id: get('entity_id'),
      action: get('action'),
      actor: get('actor'),
      from: date('from'),
      to: date('to'),
    };
  }, [params]);

  /** Merges a change into the filters; `null` clears them all. */
  const update = useCallback(
    (patch: Partial<AuditFilters> | null) => {
      const next = patch === null ? null : { ...filters, ...patch };
      const out = new URLSearchParams();
      for (const key of KEYS) if (next?.[key]) out.set(key, next[key]);
      setParams(out, { replace: true });
    },
    [filters, setParams],
  );

  return [filters, update];
}
