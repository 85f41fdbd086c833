import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { ExclusionsPage } from './exclusions.page';

/** Monitoring → Exclusions: everyone who sees monitoring reads them; managers change them. */
export const exclusionsRoutes: RouteObject[] = [
  {
    path: 'monitoring/exclusions',
    element: (
      <RequirePermission permission="monitoring.read">
        <ExclusionsPage />
      </RequirePermission>
    ),
  },
];
