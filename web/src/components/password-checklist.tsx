import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checkPassword } from '../../../src/core/password-policy';

interface PasswordChecklistProps {
  password: string;
  email?: string;
  name?: string;
  /** The field's own error, when shown: it already says what is wrong, so the list steps aside. */
  fieldError?: unknown;
}

/**
 * Live feedback on a new password with the very rule the server applies (core's checkPassword),
 * so people learn what is wrong before they submit.
 */
export function PasswordChecklist({ password, email, name, fieldError }: PasswordChecklistProps) {
  const { t } = useTranslation();
  if (fieldError) return null;
  if (!password) {
    return (
      <Text size="xs" c="dimmed">
        {t('password.hint')}
      </Text>
    );
  }
  const problems = checkPassword(password, { email: email ?? '', name: name ?? '' });
  if (problems.length === 0) {
    return (
      <Text size="xs" c="teal.8" data-testid="password-ok" aria-live="polite">
        <IconCheck size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('password.ok')}
      </Text>
    );
  }
  return (
    <List
      size="xs"
      spacing={2}
      aria-live="polite"
      data-testid="password-problems"
      icon={
        <ThemeIcon color="orange" size={14} radius="xl">
          <IconX size={10} aria-hidden />
        </ThemeIcon>
      }
    >
      {problems.map((p) => (
        <List.Item key={p}>{t(`password.problems.${p}`)}</List.Item>
      ))}
    </List>
  );
}
