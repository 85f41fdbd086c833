import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isRole, ROLES, type Role } from '../../../../src/core/roles';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { useCreateToken, type TokenCreated } from './tokens.queries';

/** `2026-03-02` (a date input's value) → the last second of that day in the reader's time zone. */
export const endOfLocalDay = (date: string) => new Date(`${date}T23:59:59`);

/** `YYYY-MM-DD` of tomorrow, the earliest expiry a date input offers. */
function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function TokenCreateDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: TokenCreated) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { name: '', role: 'viewer' as Role, expires_at: '' },
    validate: {
      name: rules.required,
      expires_at: (v) =>
        v && !(endOfLocalDay(v).getTime() > Date.now()) ? t('tokenCreate.expiresPast') : null,
    },
  });
  const serverErrors = useServerErrors(form, ['name', 'role', 'expires_at']);

  const close = () => {
    form.reset();
    serverErrors.clear();
    onClose();
  };

  const submit = form.onSubmit(({ name, role, expires_at }) => {
    serverErrors.clear();
    create.mutate(
      {
        name: name.trim(),
        role,
        ...(expires_at ? { expires_at: endOfLocalDay(expires_at).toISOString() } : {}),
      },
      {
        onSuccess: (created) => {
          close();
          onCreated(created);
        },
        onError: serverErrors.show,
      },
    );
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('tokenCreate.title')}
      testId="token-create-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={t('tokenCreate.submit')}
      loading={create.isPending}
    >
      <TextInput
        label={t('tokenCreate.name')}
        placeholder={t('tokenCreate.namePlaceholder')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label={t('tokenCreate.role')}
        description={t('tokenCreate.roleHint')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        required
        value={form.values.role}
        error={form.errors.role}
        onChange={(v) => isRole(v) && form.setFieldValue('role', v)}
      />
      <TextInput
        type="date"
        label={`${t('tokenCreate.expires')} (${t('common.optional')})`}
        description={t('tokenCreate.expiresHint')}
        min={tomorrow()}
        {...form.getInputProps('expires_at')}
      />
    </FormDialog>
  );
}
