import type { RouteObject } from 'react-router';
import { CapabilityPage } from '../capabilities/capability.page';

/** The service grid's pages (matrix, "whom do I ask?", print, history, support types). */
export const gridRoutes: RouteObject[] = [{ path: 'grid', element: <CapabilityPage capability="grid" /> }];
