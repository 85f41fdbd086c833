import type { RouteObject } from 'react-router';
import { GridAskPage } from './grid-ask.page';
import { GridHistoryPage } from './grid-history.page';
import { GridLayout } from './grid.layout';
import { GridMatrixPage } from './grid-matrix.page';
import { GridPrintPage } from './grid-print.page';
import { SupportTypesPage } from './support-types.page';

/** The service grid's pages (matrix, "whom do I ask?", print, history, support types). */
export const gridRoutes: RouteObject[] = [
  {
    path: 'grid',
    element: <GridLayout />,
    children: [
      { index: true, element: <GridMatrixPage /> },
      { path: 'ask', element: <GridAskPage /> },
      { path: 'history', element: <GridHistoryPage /> },
      { path: 'types', element: <SupportTypesPage /> },
      { path: 'print', element: <GridPrintPage /> },
    ],
  },
];
