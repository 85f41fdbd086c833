import { useMemo } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { NewPasswordField } from '../../components/new-password-field';
import { LoadError, LoadingRows } from '../../components/query-states';
import { isApiError } from '../../api/api-error';
import { AuthLayout } from './auth.layout';
import type { AuthLocationState } from './auth-notice';
import { useAcceptInvite, useInviteInfo } from './invite.queries';

/**
 * `/invite#token=…`: the token travels in the fragment, which browsers never send to a server,
 * so it stays out of access logs and Referer headers.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = useMemo(() => new URLSearchParams(hash.replace(/^#/, '')).get('token'), [hash]);
  const info = useInviteInfo(token);

  const unusable = (message: string) => (
    <>
      <Alert
        color="orange"
        variant="light"
        title={t('invite.invalidTitle')}
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
      >
        {message}
      </Alert>
      <Button component={Link} to="/login" variant="default">
        {t('invite.toLogin')}
      </Button>
    </>
  );

  let content;
  if (!token) content = unusable(t('invite.missing'));
  else if (info.isPending) content = <LoadingRows rows={3} />;
  else if (isUnusable(info.error)) content = unusable(t('errors.invite_invalid'));
  else if (info.isError) content = <LoadError error={info.error} onRetry={() => void info.refetch()} />;
  else content = <AcceptForm token={token} email={info.data.email} name={info.data.name} />;

  return <AuthLayout title={t('invite.title')}>{content}</AuthLayout>;
}

/** Used, expired, unknown, or mangled so badly the server rejects its shape (400). */
const isUnusable = (error: unknown) =>
  isApiError(error) && (error.code === 'invite_invalid' || error.status === 400 || error.status === 404);

function AcceptForm({ token, email, name }: { token: string; email: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => rules.strongPassword(v, { email, name }),
      confirm: (v, all) => rules.sameAs(v, all.password),
    },
  });
  const serverErrors = useServerErrors(form, ['password']);

  const submit = form.onSubmit(({ password }) => {
    serverErrors.clear();
    accept.mutate(
      { token, password },
      {
        onSuccess: (accepted) => {
          const state: AuthLocationState = { notice: 'inviteDone', email: accepted.email };
          navigate('/login', { replace: true, state });
        },
        onError: serverErrors.show,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('invite.greeting', { name, email })}</Text>
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordField
          label={t('invite.password')}
          autoFocus
          who={{ email, name }}
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('invite.confirm')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          {...form.getInputProps('confirm')}
        />
        <FormErrorAlert message={serverErrors.message} />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
