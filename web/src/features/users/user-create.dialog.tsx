import { Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isPersonRole, PERSON_ROLES, type PersonRole } from '../../../../src/core/roles';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { NewPasswordField } from '../../components/new-password-field';
import { useCreateUser, type UserCreated } from './users.queries';

type Method = 'invite' | 'password';

/** Adds a person with a password set now, or with a one-time invitation link to pass on. */
export function UserCreateDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: UserCreated) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const rules = useFormRules();
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      role: 'staff' as PersonRole,
      method: 'invite' as Method,
      password: '',
    },
    validate: {
      name: rules.required,
      email: rules.email,
      password: (v, all) => (all.method === 'password' ? rules.strongPassword(v, all) : null),
    },
  });
  const serverErrors = useServerErrors(form, ['name', 'email', 'role', 'password']);

  const close = () => {
    form.reset();
    serverErrors.clear();
    onClose();
  };

  const submit = form.onSubmit(({ name, email, role, method, password }) => {
    serverErrors.clear();
    const who = { name: name.trim(), email: email.trim(), role };
    create.mutate(method === 'invite' ? { ...who, invite: true } : { ...who, password }, {
      onSuccess: (created) => {
        close();
        onCreated(created);
      },
      onError: serverErrors.show,
    });
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('userCreate.title')}
      size="md"
      testId="user-create-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={t('userCreate.submit')}
      loading={create.isPending}
    >
      <TextInput label={t('userCreate.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label={t('userCreate.email')}
        type="email"
        required
        autoComplete="off"
        {...form.getInputProps('email')}
      />
      <Select
        label={t('userCreate.role')}
        data={PERSON_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        required
        value={form.values.role}
        error={form.errors.role}
        onChange={(v) => isPersonRole(v) && form.setFieldValue('role', v)}
      />
      <Radio.Group label={t('userCreate.method')} {...form.getInputProps('method')}>
        <Stack gap="xs" mt={6}>
          <Radio value="invite" label={t('userCreate.methodInvite')} />
          <Radio value="password" label={t('userCreate.methodPassword')} />
        </Stack>
      </Radio.Group>
      {form.values.method === 'invite' ? (
        <Text size="xs" c="dimmed">
          {t('userCreate.inviteHint')}
        </Text>
      ) : (
        <NewPasswordField
          label={t('userCreate.password')}
          description={t('userCreate.passwordHint')}
          who={form.values}
          {...form.getInputProps('password')}
        />
      )}
    </FormDialog>
  );
}
