import type { RouteObject } from 'react-router';
import { MyStandardsPage } from './my-standards.page';
import { NotificationsPage } from './notifications.page';
import { ProposalPage } from './proposal.page';
import { ProposalsPage } from './proposals.page';

/** Proposals, notifications and acknowledgements (issue 5). */
export const agreementRoutes: RouteObject[] = [
  { path: 'standards/proposals', element: <ProposalsPage /> },
  { path: 'standards/proposals/:id', element: <ProposalPage /> },
  { path: 'standards/mine', element: <MyStandardsPage /> },
  { path: 'notifications', element: <NotificationsPage /> },
];
