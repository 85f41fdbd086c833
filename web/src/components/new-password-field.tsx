import { PasswordInput, Stack, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordChecklist } from './password-checklist';

type NewPasswordFieldProps = Omit<PasswordInputProps, 'value'> & {
  value?: string;
  /** Whose password it is: the policy rejects passwords made of the person's own e-mail or name. */
  who: { email?: string; name?: string };
};

/**
 * A password being chosen, with the live checklist under it. Takes the form's input props, so the
 * checklist follows the field's value and gives way to the field's own error.
 */
export function NewPasswordField({ who, ...input }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <PasswordInput
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
        {...input}
      />
      <PasswordChecklist
        fieldError={input.error}
        password={input.value ?? ''}
        email={who.email}
        name={who.name}
      />
    </Stack>
  );
}
