import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError, type ApiIssue } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';

/**
 * The API names fields by their place in the body (`name.ru`, `contact.email`, `head_ids.2`); the
 * forms here keep flat fields. `fieldOf` turns one into the other, and the organization's own issue
 * codes (`cycle`, `archived`, `unknown`, `left`) get a sentence in the reader's language, so the
 * shared form-errors helper can put each next to its field.
 */
export function useOrgIssues() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, fieldOf: (path: string) => string = flatField): unknown => {
      if (!isApiError(error)) return error;
      // A taken code is a 409 naming the field: said as our own sentence next to the code.
      if (error.code === 'conflict' && error.field === 'code') {
        const issues = [{ path: 'code', message: t('org.errors.codeTaken') }];
        return new ApiError({ status: 400, code: 'validation_failed', message: error.message, issues });
      }
      if (error.issues.length === 0) return error;
      const issues: ApiIssue[] = error.issues.map((issue) => {
        const path = fieldOf(issue.path);
        const own = ownIssueText(issue, t);
        return own ? { path, message: own } : { ...issue, path };
      });
      return new ApiError({
        status: error.status,
        code: error.code,
        message: error.message,
        details: { ...(error.details as object), issues },
        issues,
      });
    },
    [t],
  );
}

/** Just the keys this file words errors with: a narrow type keeps the compiler out of the whole bundle. */
type OrgErrorKey =
  `org.errors.${'cycle' | 'archivedParent' | 'unknownEmployee' | 'unknownUnit' | 'headLeft'}`;
type T = (key: OrgErrorKey) => string;

function ownIssueText(issue: ApiIssue, t: T): string | null {
  const head = issue.path.startsWith('head_ids');
  switch (issue.code) {
    case 'cycle':
      return t('org.errors.cycle');
    case 'archived':
      return t('org.errors.archivedParent');
    case 'unknown':
      return head ? t('org.errors.unknownEmployee') : t('org.errors.unknownUnit');
    case 'left':
      return t('org.errors.headLeft');
    default:
      return null;
  }
}

/** `name.ru` → `name_ru`, `contact.email` → `contact_email`, `head_ids.2` → `head_ids`, `name` → `name_ru`. */
export function flatField(path: string): string {
  if (path === 'name') return 'name_ru';
  if (/^head_ids(\.\d+)?$/.test(path)) return 'head_ids';
  if (/^extensions(\.\d+)?$/.test(path)) return 'extensions';
  return path.replace('.', '_');
}

/** Error text for a change to a unit or an employee; a refused archiving says what is still inside. */
export function useOrgErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return useCallback(
    (error: unknown): string => {
      if (isApiError(error) && error.code === 'conflict') {
        const d = (error.details ?? {}) as {
          reason?: unknown;
          active_children?: unknown;
          active_employees?: unknown;
        };
        if (d.reason === 'not_empty') {
          return t('org.errors.notEmpty', {
            units: Number(d.active_children ?? 0),
            employees: Number(d.active_employees ?? 0),
          });
        }
        if (error.field === 'code') return t('org.errors.codeTaken');
      }
      if (isApiError(error) && error.code === 'validation_failed' && error.issues.length > 0) {
        return error.issues.map((i) => ownIssueText(i, t) ?? i.message).join(' ');
      }
      return errorText(error);
    },
    [t, errorText],
  );
}
