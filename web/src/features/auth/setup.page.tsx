import { Button, Checkbox, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { NewPasswordField } from '../../components/new-password-field';
import { currentLanguage } from '../../i18n/i18n';
import type { AuthLocationState } from './auth-notice';
import { AuthLayout } from './auth.layout';
import { useSetup, useSetupStatus } from './setup.queries';

/** First run: the person installing Etalon becomes its first administrator, then signs in. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', confirm: '', demo: false },
    validate: {
      name: rules.required,
      email: rules.email,
      password: (v, all) => rules.strongPassword(v, all),
      confirm: (v, all) => rules.sameAs(v, all.password),
    },
  });
  const serverErrors = useServerErrors(form, ['name', 'email', 'password']);

  // Already set up (by someone else, or earlier): nothing to do here. After our own success the
  // submit handler navigates, carrying the notice for the sign-in page.
  if (status.data?.needed === false && !setup.isSuccess) return <Navigate to="/login" replace />;

  const submit = form.onSubmit(({ name, email, password, demo }) => {
    serverErrors.clear();
    setup.mutate(
      { name: name.trim(), email: email.trim(), password, locale: currentLanguage(), demo },
      {
        // The sign-in page shows the success notice (it stays, unlike a toast).
        onSuccess: () => {
          const state: AuthLocationState = { notice: 'setupDone', email: email.trim().toLowerCase() };
          navigate('/login', { replace: true, state });
        },
        onError: serverErrors.show,
      },
    );
  });

  return (
    <AuthLayout title={t('setup.title')}>
      <Text size="sm" c="dimmed">
        {t('setup.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('setup.name')}
            autoComplete="name"
            required
            autoFocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <NewPasswordField
            label={t('setup.password')}
            who={form.values}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('setup.confirm')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            {...form.getInputProps('confirm')}
          />
          <Checkbox
            label={t('setup.demo')}
            description={t('setup.demoHint')}
            {...form.getInputProps('demo', { type: 'checkbox' })}
          />
          <FormErrorAlert message={serverErrors.message} />
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
