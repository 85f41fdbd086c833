import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem } from '../../../src/core/password-policy';
import { isApiError, type ApiIssue } from '../api/api-error';
import { useFormat } from './use-format';

/** Every error code the server or the client can produce, each with a sentence in both languages. */
const CODES = [
  'validation_failed',
  'weak_password',
  'unauthenticated',
  'invalid_credentials',
  'account_inactive',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'import_refused',
  'setup_done',
  'setup_required',
  'last_admin',
  'invite_invalid',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'database_unavailable',
  'internal',
  'network_error',
  'bad_response',
] as const;
type Code = (typeof CODES)[number];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

const PASSWORD_PROBLEMS: readonly PasswordProblem[] = [
  'too_short',
  'too_long',
  'too_common',
  'repetitive',
  'contains_identity',
];
export const isPasswordProblem = (code: unknown): code is PasswordProblem =>
  PASSWORD_PROBLEMS.includes(code as PasswordProblem);

const ISSUE_CODES = ['invalid_format', 'invalid_type', 'too_small', 'too_big', 'invalid_value'] as const;
type IssueCode = (typeof ISSUE_CODES)[number];
const isIssueCode = (code: unknown): code is IssueCode => ISSUE_CODES.includes(code as IssueCode);

/**
 * Turns anything thrown by the API client into a sentence in the interface language. The server's
 * English message is the last resort, for codes this version of the app does not know yet.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const format = useFormat();

  const errorText = useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t('errors.unknown');
      if (error.code === 'rate_limited' && error.retryAfter !== undefined) {
        return t('errors.retryIn', { time: format.wait(error.retryAfter) });
      }
      if (error.code === 'conflict' && error.field === 'email') return t('errors.emailTaken');
      return isCode(error.code) ? t(`errors.${error.code}`) : error.message;
    },
    [t, format],
  );

  const issueText = useCallback(
    (issue: ApiIssue): string => {
      if (isPasswordProblem(issue.code)) return t(`password.problems.${issue.code}`);
      if (issue.code === 'invalid_format' && issue.path.endsWith('email')) return t('validation.email');
      if (isIssueCode(issue.code)) return t(`validation.${issue.code}`);
      return issue.message;
    },
    [t],
  );

  return { errorText, issueText };
}
