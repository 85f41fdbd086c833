import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { AuthLayout } from './auth.layout';
import { readAuthState } from './auth-notice';
import { useLogin, useSession } from './session.queries';

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { notice, from, email } = readAuthState(location.state);
  const { data: session } = useSession();
  const login = useLogin();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { email: email ?? '', password: '' },
    validate: { email: rules.email, password: rules.required },
  });
  const serverErrors = useServerErrors(form, ['email', 'password']);

  if (session && !login.isPending) return <Navigate to={from ?? '/'} replace />;

  const submit = form.onSubmit((values) => {
    serverErrors.clear();
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => navigate(from ?? '/', { replace: true }),
        onError: serverErrors.show,
      },
    );
  });

  return (
    <AuthLayout title={t('login.title')}>
      {notice === 'sessionEnded' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="auth-notice">
          {t('login.sessionEnded')}
        </Alert>
      ) : notice ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="auth-notice">
          {notice === 'setupDone' ? t('setup.done') : t('invite.done')}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('login.subtitle')}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus={!email}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            autoFocus={!!email}
            required
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            {...form.getInputProps('password')}
          />
          <FormErrorAlert message={serverErrors.message} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
