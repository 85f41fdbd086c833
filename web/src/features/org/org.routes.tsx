import type { RouteObject } from 'react-router';
import { EmployeePage } from './employee.page';
import { OrgPage } from './org.page';
import { UnitPage } from './unit.page';

/** The organization's pages (tree, unit, employee); every role reads them, org.write changes them. */
export const orgRoutes: RouteObject[] = [
  { path: 'org', element: <OrgPage /> },
  { path: 'org/units/:id', element: <UnitPage /> },
  { path: 'org/employees/:id', element: <EmployeePage /> },
];
