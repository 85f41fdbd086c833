import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { FollowUpsPage } from './follow-ups.page';

/** Follow-ups from failed audit items (issue 7): "My follow-ups". */
export const followUpsRoutes: RouteObject[] = [
  {
    path: 'follow-ups',
    element: (
      <RequirePermission permission="audits.read">
        <FollowUpsPage />
      </RequirePermission>
    ),
  },
];
