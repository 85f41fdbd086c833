import { createBrowserRouter, Navigate } from 'react-router';
import { InvitePage } from '../features/auth/invite.page';
import { LoginPage } from '../features/auth/login.page';
import { RequireSession, SetupGate } from '../features/auth/session.gate';
import { SetupPage } from '../features/auth/setup.page';
import { agreementRoutes } from '../features/agreement/agreement.routes';
import { AuditPage } from '../features/audit/audit.page';
import { auditsRoutes } from '../features/audits/audits.routes';
import { auditSchedulesRoutes } from '../features/audit-schedules/audit-schedules.routes';
import { followUpsRoutes } from '../features/follow-ups/follow-ups.routes';
import { auditTemplatesRoutes } from '../features/audit-templates/audit-templates.routes';
import { calibrationRoutes } from '../features/calibration/calibration.routes';
import { exclusionsRoutes } from '../features/exclusions/exclusions.routes';
import { gridRoutes } from '../features/grid/grid.routes';
import { handbookRoutes } from '../features/handbook/handbook.routes';
import { monitoringImportRoutes } from '../features/monitoring-import/monitoring-import.routes';
import { monitoringRoutes } from '../features/monitoring/monitoring.routes';
import { orgRoutes } from '../features/org/org.routes';
import { standardsRoutes } from '../features/standards/standards.routes';
import { CAPABILITIES } from '../features/capabilities/capabilities';
import { CapabilityPage } from '../features/capabilities/capability.page';
import { OverviewPage } from '../features/capabilities/overview.page';
import { AdminIndex } from '../features/shell/admin-index';
import { AppShellLayout } from '../features/shell/app-shell.layout';
import { NotFoundPage } from '../features/shell/not-found.page';
import { RequirePermission } from '../features/shell/require-permission';
import { TokensPage } from '../features/tokens/tokens.page';
import { UsersPage } from '../features/users/users.page';

/** Every address of the web app. The server answers unknown paths with index.html, so reloads work. */
export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    children: [
      { path: 'setup', element: <SetupPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'invite', element: <InvitePage /> },
      {
        element: (
          <RequireSession>
            <AppShellLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <OverviewPage /> },
          ...orgRoutes,
          ...gridRoutes,
          ...standardsRoutes,
          ...agreementRoutes,
          ...handbookRoutes,
          ...monitoringImportRoutes,
          ...exclusionsRoutes,
          ...monitoringRoutes,
          ...auditsRoutes,
          ...auditSchedulesRoutes,
          ...followUpsRoutes,
          ...auditTemplatesRoutes,
          ...calibrationRoutes,
          ...CAPABILITIES.filter((c) => !c.built).map((c) => ({
            path: c.path.slice(1),
            element: <CapabilityPage capability={c.key} />,
          })),
          { path: 'admin', element: <AdminIndex /> },
          {
            path: 'admin/users',
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/tokens',
            element: (
              <RequirePermission permission="tokens.manage">
                <TokensPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: 'home', element: <Navigate to="/" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
