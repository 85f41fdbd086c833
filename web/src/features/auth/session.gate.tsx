import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageError, FullPageLoader } from '../../components/full-page';
import { rememberLanguage } from '../../i18n/i18n';
import type { AuthLocationState } from './auth-notice';
import { useSession } from './session.queries';
import { sessionEnded } from './session-ended';
import { useSetupStatus } from './setup.queries';

/**
 * The root of every route: until the first administrator exists, everything leads to /setup.
 * Also applies the signed-in person's saved language whenever it becomes known or changes.
 */
export function SetupGate() {
  const setup = useSetupStatus();
  const { pathname } = useLocation();
  useProfileLanguage();
  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <FullPageError error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needed && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

function useProfileLanguage() {
  const { i18n } = useTranslation();
  const { data: session } = useSession();
  const locale = session?.user.locale;
  useEffect(() => {
    // Only when the saved language itself changes, so a switch still being saved is not undone.
    if (locale) {
      rememberLanguage(locale);
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);
}

/** Lets only signed-in people through; others go to sign in and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const state: AuthLocationState = sessionEnded.bySignOut()
      ? {}
      : {
          from: `${location.pathname}${location.search}`,
          ...(sessionEnded.get() ? { notice: 'sessionEnded' as const } : {}),
        };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
