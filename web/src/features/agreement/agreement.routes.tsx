import type { RouteObject } from 'react-router';

/** Proposals, notifications and acknowledgements (being built, issue 5). */
export const agreementRoutes: RouteObject[] = [];
