import type { RouteObject } from 'react-router';
import { DashboardPage } from './dashboard.page';
import { MonitoringLayout } from './monitoring.layout';
import { RecordPage } from './record.page';

/**
 * The monitoring dashboard and one record's page (issue 6). `monitoring/import` and
 * `monitoring/exclusions` are other features' routes (more specific, so react-router picks theirs);
 * they render `MonitoringTabs`.
 */
export const monitoringRoutes: RouteObject[] = [
  {
    path: 'monitoring',
    element: <MonitoringLayout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'records/:id', element: <RecordPage /> },
    ],
  },
];
