import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../src/contract/auth.schema';
import type { User } from '../../../../src/contract/user.schema';
import { api, setCsrfToken } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import { sessionEnded } from './session-ended';

export const SESSION_KEY = ['session'] as const;
/** What is not anyone's data and survives a change of person: the session itself, setup status. */
const KEEP_ACROSS_PEOPLE = new Set(['session', 'setup']);

/** The current session, or null when nobody is signed in (a 401 is an answer here, not an error). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The signed-in person; only for components rendered inside the signed-in shell. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in route');
  return data.user;
}

/** Replaces the person inside the cached session after they change their own profile. */
export function useSetSessionUser() {
  const queryClient = useQueryClient();
  return (user: User) =>
    queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>('/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      sessionEnded.clear();
      // Whatever another person had cached in this tab must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => !KEEP_ACROSS_PEOPLE.has(String(q.queryKey[0])) });
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Signed out locally even if the server could not be told: the cookie is gone or will expire.
    onSettled: () => {
      setCsrfToken(null);
      sessionEnded.markSignedOut();
      queryClient.removeQueries({ predicate: (q) => !KEEP_ACROSS_PEOPLE.has(String(q.queryKey[0])) });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
