import { useEffect } from 'react';
import { Group, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SupportTypeColor, type SupportType } from '../../../../src/contract/grid.schema';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useCreateSupportType, useUpdateSupportType } from './grid.queries';

interface Values {
  code: string;
  name_ru: string;
  name_en: string;
  description_ru: string;
  description_en: string;
  color: SupportTypeColor;
}
const EMPTY: Values = {
  code: '',
  name_ru: '',
  name_en: '',
  description_ru: '',
  description_en: '',
  color: 'blue',
};
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        borderRadius: 4,
        background: `var(--mantine-color-${color}-filled)`,
      }}
    />
  );
}

/** Adds a support type, or changes one (`editing`): code, names and descriptions in both languages, colour. */
export function SupportTypeDialog({
  opened,
  editing,
  onClose,
}: {
  opened: boolean;
  editing: SupportType | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSupportType();
  const update = useUpdateSupportType();
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      code: (v) =>
        !v.trim() ? t('validation.required') : CODE.test(v.trim()) ? null : t('grid.types.codeRule'),
      name_en: (v, all) => (!v.trim() && !all.name_ru.trim() ? t('grid.types.nameRequired') : null),
    },
  });
  const serverErrors = useServerErrors(form, ['code', 'color']);

  useEffect(() => {
    if (!opened) return;
    const values: Values = editing
      ? {
          code: editing.code,
          name_ru: editing.name.ru ?? '',
          name_en: editing.name.en ?? '',
          description_ru: editing.description.ru ?? '',
          description_en: editing.description.en ?? '',
          color: editing.color,
        }
      : EMPTY;
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    serverErrors.clear();
  }, [opened, editing]); // refill only when the dialog opens

  const submit = form.onSubmit((v) => {
    serverErrors.clear();
    const body = {
      code: v.code.trim(),
      name: { ru: opt(v.name_ru), en: opt(v.name_en) },
      description: { ru: opt(v.description_ru), en: opt(v.description_en) },
      color: v.color,
    };
    const done = (message: string) => {
      notifications.show({ color: 'teal', message });
      onClose();
    };
    if (editing) {
      // A built-in type keeps its code (other code relies on it): do not send it at all.
      const { code, ...rest } = body;
      update.mutate(
        { id: editing.id, ...rest, ...(editing.builtin ? {} : { code }) },
        { onSuccess: () => done(t('grid.types.saved')), onError: serverErrors.show },
      );
    } else {
      create.mutate(body, { onSuccess: () => done(t('grid.types.created')), onError: serverErrors.show });
    }
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={editing ? t('grid.types.editTitle') : t('grid.types.createTitle')}
      size="lg"
      testId="support-type-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={editing ? t('common.save') : t('common.create')}
      loading={create.isPending || update.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('grid.types.code')}
          description={t('grid.types.codeHint')}
          required
          data-autofocus
          // Other code relies on the codes of the built-in types: the server refuses to change them.
          disabled={!!editing?.builtin}
          {...form.getInputProps('code')}
        />
        <Select
          label={t('grid.types.color')}
          data={SupportTypeColor.options.map((c) => ({ value: c, label: t(`grid.colors.${c}`) }))}
          allowDeselect={false}
          value={form.values.color}
          error={form.errors.color}
          leftSection={<Swatch color={form.values.color} />}
          onChange={(v) => v && form.setFieldValue('color', v as SupportTypeColor)}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap">
              <Swatch color={option.value} />
              <Text size="sm">{option.label}</Text>
            </Group>
          )}
        />
        <TextInput label={t('grid.types.nameRu')} maxLength={200} {...form.getInputProps('name_ru')} />
        <TextInput label={t('grid.types.nameEn')} maxLength={200} {...form.getInputProps('name_en')} />
        <Textarea
          label={t('grid.types.descriptionRu')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('description_ru')}
        />
        <Textarea
          label={t('grid.types.descriptionEn')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('description_en')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
