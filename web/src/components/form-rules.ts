import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassword } from '../../../src/core/password-policy';

/** A loose shape check before sending; the server has the final word on what an e-mail is. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/**
 * Form validators in the interface language, for @mantine/form's `validate`. The password rule
 * is core's checkPassword, the same one the server applies, so the form and the server agree.
 */
export function useFormRules() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      required: (value: string) => (value.trim() ? null : t('validation.required')),
      email: (value: string) => (looksLikeEmail(value) ? null : t('validation.email')),
      strongPassword: (password: string, who: { email?: string; name?: string }) => {
        const first = checkPassword(password, who)[0];
        return first ? t(`password.problems.${first}`) : null;
      },
      sameAs: (value: string, other: string) => (value === other ? null : t('password.mismatch')),
    }),
    [t],
  );
}
