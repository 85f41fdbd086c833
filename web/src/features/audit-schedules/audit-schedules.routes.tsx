import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { SchedulesPage } from './schedules.page';

/**
 * Audit schedules (issue 7): the list for everyone who reads audits, editing for quality leads.
 * `audits/schedules` is more specific than the audits feature's `audits/:id`, so react-router picks it.
 */
export const auditSchedulesRoutes: RouteObject[] = [
  {
    path: 'audits/schedules',
    element: (
      <RequirePermission permission="audits.read">
        <SchedulesPage />
      </RequirePermission>
    ),
  },
];
