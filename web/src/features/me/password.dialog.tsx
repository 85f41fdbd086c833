import { PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { NewPasswordField } from '../../components/new-password-field';
import { useCurrentUser } from '../auth/session.queries';
import { useChangePassword } from './me.queries';

const FIELDS = ['current_password', 'new_password'] as const;

/** Change one's own password; the server signs out the person's other sessions. */
export function PasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const change = useChangePassword();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: {
      current_password: rules.required,
      new_password: (v) => rules.strongPassword(v, user),
      confirm: (v, all) => rules.sameAs(v, all.new_password),
    },
  });
  const serverErrors = useServerErrors(form, FIELDS);

  const close = () => {
    form.reset();
    serverErrors.clear();
    onClose();
  };

  const submit = form.onSubmit(({ current_password, new_password }) => {
    serverErrors.clear();
    change.mutate(
      { current_password, new_password },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('passwordChange.done') });
          close();
        },
        onError: serverErrors.show,
      },
    );
  });

  const toggle = { 'aria-label': t('password.toggle') };
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('passwordChange.title')}
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={t('passwordChange.submit')}
      loading={change.isPending}
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
      <PasswordInput
        label={t('passwordChange.current')}
        autoComplete="current-password"
        required
        data-autofocus
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('current_password')}
      />
      <NewPasswordField label={t('passwordChange.new')} who={user} {...form.getInputProps('new_password')} />
      <PasswordInput
        label={t('passwordChange.confirm')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('confirm')}
      />
      <Text size="xs" c="dimmed">
        {t('passwordChange.note')}
      </Text>
    </FormDialog>
  );
}
