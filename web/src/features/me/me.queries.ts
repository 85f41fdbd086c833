import { useMutation } from '@tanstack/react-query';
import type { Locale } from '../../../../src/contract/common.schema';
import type { User } from '../../../../src/contract/user.schema';
import { api } from '../../api/api-client';
import { useSetSessionUser } from '../auth/session.queries';

/** Changes the signed-in person's own name or interface language. */
export function useUpdateMe() {
  const setSessionUser = useSetSessionUser();
  return useMutation({
    mutationFn: (patch: { name?: string; locale?: Locale }) => api.patch<User>('/me', patch),
    onSuccess: setSessionUser,
  });
}

/** Changes one's own password; the server ends the person's other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) =>
      api.post<void>('/me/password', body),
  });
}
