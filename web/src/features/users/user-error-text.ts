import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';

/**
 * Error text for changes to a person. A change to oneself is refused as `forbidden` with
 * `details.reason: 'self'`; said as a plain `forbidden` it would read "your role does not allow
 * this" to an administrator, so we say what really happened.
 */
export function useUserErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return useCallback(
    (error: unknown) =>
      isApiError(error) &&
      error.code === 'forbidden' &&
      (error.details as { reason?: unknown } | undefined)?.reason === 'self'
        ? t('errors.selfChange')
        : errorText(error),
    [t, errorText],
  );
}
