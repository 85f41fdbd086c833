import type { RouteObject } from 'react-router';
import { HandbookPage } from './handbook.page';

/** The service-standards handbook: the whole organization, or one unit (issue 5). */
export const handbookRoutes: RouteObject[] = [
  { path: 'handbook', element: <HandbookPage /> },
  { path: 'handbook/:unitId', element: <HandbookPage /> },
];
