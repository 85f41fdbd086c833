import type { RouteObject } from 'react-router';
import { CapabilityPage } from '../capabilities/capability.page';

/** The organization's pages (tree, unit, employee). */
export const orgRoutes: RouteObject[] = [{ path: 'org', element: <CapabilityPage capability="org" /> }];
