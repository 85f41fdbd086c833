import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { SESSION_KEY } from '../features/auth/session.queries';
import { sessionEnded } from '../features/auth/session-ended';

/**
 * One place reacts to "you are no longer signed in" from any call: the cached session is dropped,
 * and the route guard takes the person to the sign-in page, telling them why.
 */
function onAnyError(error: unknown, key?: readonly unknown[]) {
  if (!isApiError(error) || error.code !== 'unauthenticated' || key?.[0] === SESSION_KEY[0]) return;
  if (queryClient.getQueryData(SESSION_KEY)) {
    sessionEnded.mark();
    queryClient.setQueryData(SESSION_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onAnyError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onAnyError(error) }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection or a 5xx might.
      retry: (count, error) =>
        isApiError(error) && error.status >= 400 && error.status < 500 ? false : count < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
