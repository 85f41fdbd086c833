import { Navigate } from 'react-router';
import { ForbiddenState } from './require-permission';
import { useAdminPages } from './use-admin-pages';

/** `/admin` opens the first administration page the role may see. */
export function AdminIndex() {
  const first = useAdminPages()[0];
  return first ? <Navigate to={first.path} replace /> : <ForbiddenState />;
}
