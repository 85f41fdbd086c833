import type { RouteObject } from 'react-router';

/** The service-standards handbook (being built, issue 5). */
export const handbookRoutes: RouteObject[] = [];
