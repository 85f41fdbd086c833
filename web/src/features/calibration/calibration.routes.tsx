import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { CalibrationPage } from './calibration.page';
import { CalibrationSessionPage } from './calibration-session.page';

/** Calibration sessions (issue 7): the list, and one session (judging, reveal, results). */
export const calibrationRoutes: RouteObject[] = [
  {
    path: 'calibration',
    element: (
      <RequirePermission permission="audits.write">
        <CalibrationPage />
      </RequirePermission>
    ),
  },
  {
    path: 'calibration/:id',
    element: (
      <RequirePermission permission="audits.write">
        <CalibrationSessionPage />
      </RequirePermission>
    ),
  },
];
