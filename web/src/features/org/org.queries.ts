import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type {
  Employee,
  EmployeeCreateBody,
  EmployeeList,
  EmployeeStatus,
  EmployeeUpdate,
} from '../../../../src/contract/employee.schema';
import type { Unit, UnitCreateBody, UnitTree, UnitUpdate } from '../../../../src/contract/unit.schema';
import type { UserList } from '../../../../src/contract/user.schema';
import { api } from '../../api/api-client';
import { indexTree } from './org-tree';

/** Everything of the organization shares this prefix, so any change refreshes tree, pages and lists. */
const ORG_KEY = ['org'] as const;

/** The whole tree, indexed; the unit page reads its parents, children and inherited settings here. */
export function useOrgTree() {
  const query = useQuery({
    queryKey: [...ORG_KEY, 'tree'],
    queryFn: ({ signal }) => api.get<UnitTree>('/units/tree', undefined, signal),
  });
  const index = useMemo(() => (query.data ? indexTree(query.data.roots) : undefined), [query.data]);
  return { ...query, index };
}

/** The list holds at most this many; beyond it the tree shows no head counts rather than wrong ones. */
export const EMPLOYEES_LIMIT = 500;

export interface EmployeeFilters {
  q?: string;
  unit_id?: string;
  subtree?: boolean;
  status?: EmployeeStatus;
  limit?: number;
}

export function useEmployees(filters: EmployeeFilters, enabled = true) {
  return useQuery({
    queryKey: [...ORG_KEY, 'employees', filters],
    queryFn: ({ signal }) =>
      api.get<EmployeeList>(
        '/employees',
        {
          q: filters.q?.trim(),
          unit_id: filters.unit_id,
          subtree: filters.subtree ? 'true' : undefined,
          status: filters.status,
          limit: filters.limit ?? EMPLOYEES_LIMIT,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEmployee(id: string) {
  return useQuery({
    queryKey: [...ORG_KEY, 'employee', id],
    queryFn: ({ signal }) => api.get<Employee>(`/employees/${id}`, undefined, signal),
  });
}

function useOrgMutation<Vars, Result>(fn: (vars: Vars) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORG_KEY }),
  });
}

export const useCreateUnit = () => useOrgMutation((body: UnitCreateBody) => api.post<Unit>('/units', body));

export const useUpdateUnit = () =>
  useOrgMutation(({ id, patch }: { id: string; patch: UnitUpdate }) =>
    api.patch<Unit>(`/units/${id}`, patch),
  );

export const useCreateEmployee = () =>
  useOrgMutation((body: EmployeeCreateBody) => api.post<Employee>('/employees', body));

export const useUpdateEmployee = () =>
  useOrgMutation(({ id, patch }: { id: string; patch: EmployeeUpdate }) =>
    api.patch<Employee>(`/employees/${id}`, patch),
  );

/** People with an Etalon account, to link an employee to (only for roles that may list them). */
export function useUsersForLink(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'for-org-link'],
    queryFn: ({ signal }) => api.get<UserList>('/users', { limit: 500 }, signal),
    enabled,
    staleTime: 60_000,
  });
}
