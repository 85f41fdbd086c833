import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';

/**
 * Error text for changes to a person. The server refuses changes to oneself with a plain
 * `forbidden`; said that way it would read "your role does not allow this" to an administrator,
 * so when the target is oneself we say what really happened.
 */
export function useUserErrorText(self: boolean) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return useCallback(
    (error: unknown) =>
      self && isApiError(error) && error.code === 'forbidden' ? t('errors.selfChange') : errorText(error),
    [self, t, errorText],
  );
}
