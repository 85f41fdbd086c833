import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { AuditPage } from './audit.page';
import { AuditsPage } from './audits.page';

/** Audits (issue 7): "my audits" and the phone form. Not the audit log (`/admin/audit`). */
export const auditsRoutes: RouteObject[] = [
  {
    path: 'audits',
    element: (
      <RequirePermission permission="audits.read">
        <AuditsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'audits/:id',
    element: (
      <RequirePermission permission="audits.read">
        <AuditPage />
      </RequirePermission>
    ),
  },
];
