import type { RouteObject } from 'react-router';
import { RequirePermission } from '../shell/require-permission';
import { TemplateEditorPage } from './template-editor.page';
import { TemplatesPage } from './templates.page';

/**
 * Audit templates (issue 7): the list for everyone who reads audits, the editor for quality leads.
 * `audits/templates` is more specific than the audits feature's `audits/:id`, so react-router picks it.
 */
export const auditTemplatesRoutes: RouteObject[] = [
  {
    path: 'audits/templates',
    element: (
      <RequirePermission permission="audits.read">
        <TemplatesPage />
      </RequirePermission>
    ),
  },
  {
    path: 'audits/templates/new',
    element: (
      <RequirePermission permission="audit_templates.manage">
        <TemplateEditorPage />
      </RequirePermission>
    ),
  },
  {
    path: 'audits/templates/:id',
    element: (
      <RequirePermission permission="audit_templates.manage">
        <TemplateEditorPage />
      </RequirePermission>
    ),
  },
];
