import { useEffect } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/contract/common.schema';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useFormRules } from '../../components/form-rules';
import { currentLanguage, isLocale, LANGUAGES, rememberLanguage } from '../../i18n/i18n';
import { useCurrentUser } from '../auth/session.queries';
import { useUpdateMe } from './me.queries';

/** The signed-in person's own name and interface language; e-mail and role are set by admins. */
export function ProfileDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const updateMe = useUpdateMe();
  const rules = useFormRules();
  const form = useForm({
    initialValues: { name: user.name, locale: (user.locale ?? currentLanguage()) as Locale },
    validate: { name: rules.required },
  });
  const serverErrors = useServerErrors(form, ['name', 'locale']);

  // Each opening starts from what is saved now, not from an abandoned edit.
  useEffect(() => {
    if (opened) {
      form.setValues({ name: user.name, locale: user.locale ?? currentLanguage() });
      form.resetDirty();
      serverErrors.clear();
    }
  }, [opened]);

  const submit = form.onSubmit(({ name, locale }) => {
    serverErrors.clear();
    updateMe.mutate(
      { name: name.trim(), locale },
      {
        onSuccess: async () => {
          // Switch first, so the confirmation already speaks the newly chosen language.
          rememberLanguage(locale);
          await i18n.changeLanguage(locale);
          notifications.show({ color: 'teal', message: i18n.t('profile.saved') });
          onClose();
        },
        onError: serverErrors.show,
      },
    );
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('profile.title')}
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={t('common.save')}
      loading={updateMe.isPending}
    >
      <TextInput label={t('profile.name')} required autoComplete="name" {...form.getInputProps('name')} />
      <TextInput label={t('profile.email')} value={user.email} readOnly variant="filled" />
      <TextInput label={t('profile.role')} value={t(`roles.${user.role}`)} readOnly variant="filled" />
      <Select
        label={t('profile.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        allowDeselect={false}
        value={form.values.locale}
        onChange={(v) => isLocale(v) && form.setFieldValue('locale', v)}
      />
    </FormDialog>
  );
}
