import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  User,
  UserCreateBody,
  UserCreated,
  UserList,
  UserStatus,
} from '../../../../src/contract/user.schema';
import type { Role } from '../../../../src/core/roles';
import { api } from '../../api/api-client';

export interface UserFilters {
  q: string;
  role: Role | null;
  status: UserStatus | null;
  page: number;
}

export const USERS_PAGE_SIZE = 20;
const USERS_KEY = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...USERS_KEY, filters],
    queryFn: ({ signal }) =>
      api.get<UserList>(
        '/users',
        {
          q: filters.q.trim(),
          role: filters.role,
          status: filters.status,
          limit: USERS_PAGE_SIZE,
          offset: (filters.page - 1) * USERS_PAGE_SIZE,
        },
        signal,
      ),
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}

export type { UserCreated };

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api.post<UserCreated>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...patch
    }: {
      id: string;
      role?: Role;
      status?: 'active' | 'deactivated';
      name?: string;
    }) => api.patch<User>(`/users/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** A new invitation link for someone still invited; the server retires the old links. */
export function useReinviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<UserCreated>(`/users/${id}/invite`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
