import { roleCan } from '../../../../src/core/permissions';
import { ADMIN_PAGES } from '../capabilities/capabilities';
import { useCurrentUser } from '../auth/session.queries';

/** The administration pages the signed-in person's role may open (none for most roles). */
export function useAdminPages() {
  const user = useCurrentUser();
  return ADMIN_PAGES.filter((p) => roleCan(user.role, p.permission));
}
