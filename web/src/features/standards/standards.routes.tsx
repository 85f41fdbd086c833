import type { RouteObject } from 'react-router';
import { CalendarEditorPage } from './calendar-editor.page';
import { CalendarPage } from './calendar.page';
import { CalendarsPage } from './calendars.page';
import { StandardEditorPage } from './standard-editor.page';
import { StandardPage } from './standard.page';
import { StandardsCatalogPage } from './standards-catalog.page';
import { StandardsLayout } from './standards.layout';

/**
 * The standards catalog and calendars (issue 5), under the tabs of `StandardsLayout`. Proposals,
 * "my standards" and the handbook are other features' routes (`standards/proposals…` is more
 * specific than `standards/:code`, so react-router picks theirs); they render `StandardsTabs`.
 */
export const standardsRoutes: RouteObject[] = [
  {
    path: 'standards',
    element: <StandardsLayout />,
    children: [
      { index: true, element: <StandardsCatalogPage /> },
      { path: 'new', element: <StandardEditorPage /> },
      { path: 'calendars', element: <CalendarsPage /> },
      { path: 'calendars/new', element: <CalendarEditorPage /> },
      { path: 'calendars/:code', element: <CalendarPage /> },
      { path: 'calendars/:code/edit', element: <CalendarEditorPage /> },
      { path: ':code', element: <StandardPage /> },
      { path: ':code/edit', element: <StandardEditorPage /> },
    ],
  },
];
