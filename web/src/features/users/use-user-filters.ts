import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isRole } from '../../../../src/core/roles';
import { isUserStatus } from './user-statuses';
import type { UserFilters } from './users.queries';

/**
 * The users list's search, filters and page live in the address, so a reload or a shared link
 * shows the same list. Changing a filter goes back to page 1.
 */
export function useUserFilters(): [UserFilters, (patch: Partial<UserFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<UserFilters>(() => {
    const role = params.get('role');
    const status = params.get('status');
    const page = Number(params.get('page'));
    return {
      q: params.get('q') ?? '',
      role: isRole(role) ? role : null,
      status: isUserStatus(status) ? status : null,
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<UserFilters>) => {
      const next = { ...filters, ...('page' in patch ? {} : { page: 1 }), ...patch };
      const out = new URLSearchParams();
      if (next.q) out.set('q', next.q);
      if (next.role) out.set('role', next.role);
      if (next.status) out.set('status', next.status);
      if (next.page > 1) out.set('page', String(next.page));
      setParams(out, { replace: true });
    },
    [filters, setParams],
  );

  return [filters, update];
}
