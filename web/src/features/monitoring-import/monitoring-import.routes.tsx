import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { ImportPage } from './import.page';

/** Monitoring → Import (the dashboard's feature owns /monitoring itself). */
export const monitoringImportRoutes: RouteObject[] = [
  {
    path: 'monitoring/import',
    element: (
      <RequirePermission permission="monitoring.manage">
        <ImportPage />
      </RequirePermission>
    ),
  },
];
