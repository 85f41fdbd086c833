import type { RouteObject } from 'react-router';

/** The standards catalog and calendars (being built, issue 5). */
export const standardsRoutes: RouteObject[] = [];
