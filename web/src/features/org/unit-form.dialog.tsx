import { useEffect } from 'react';
import { Fieldset, MultiSelect, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitContact } from '../../../../src/contract/unit.schema';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { useOrgIssues } from './org-errors';
import { inherited, localName, type OrgIndex } from './org-tree';
import { useCreateUnit, useEmployees, useUpdateUnit } from './org.queries';
import { TIME_ZONES, useParentOptions } from './unit-options';

interface UnitFormValues {
  code: string;
  name_ru: string;
  name_en: string;
  parent_id: string | null;
  timezone: string | null;
  calendar: string;
  contact_email: string;
  contact_phone: string;
  contact_chat: string;
  contact_url: string;
  contact_note: string;
  head_ids: string[];
}

const FIELDS = [
  'code',
  'name_ru',
  'name_en',
  'parent_id',
  'timezone',
  'calendar',
  'contact_email',
  'contact_phone',
  'contact_chat',
  'contact_url',
  'contact_note',
  'head_ids',
] as const;
const CONTACT_KEYS = ['email', 'phone', 'chat', 'url', 'note'] as const;

function valuesOf(unit: Unit | null, parentId: string | null): UnitFormValues {
  const c: UnitContact = unit?.contact ?? {};
  return {
    code: unit?.code ?? '',
    name_ru: unit?.name.ru ?? '',
    name_en: unit?.name.en ?? '',
    parent_id: unit ? unit.parent_id : parentId,
    timezone: unit?.timezone ?? null,
    calendar: unit?.calendar ?? '',
    contact_email: c.email ?? '',
    contact_phone: c.phone ?? '',
    contact_chat: c.chat ?? '',
    contact_url: c.url ?? '',
    contact_note: c.note ?? '',
    head_ids: unit?.head_ids ?? [],
  };
}

const text = (v: string) => (v.trim() ? v.trim() : undefined);

/**
 * Creates a unit (optionally inside `parentId`) or edits `unit`: code, names, parent, time zone and
 * calendar (empty inherits the parent's), contact channels, and, when editing, the heads.
 */
export function UnitFormDialog({
  opened,
  onClose,
  unit,
  parentId = null,
  index,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  /** The unit to edit; null creates one. */
  unit: Unit | null;
  parentId?: string | null;
  index: OrgIndex | undefined;
  onSaved?: (unit: Unit) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const form = useForm<UnitFormValues>({
    initialValues: valuesOf(unit, parentId),
    validate: {
      code: (v) => (v.trim() ? null : t('validation.required')),
      name_ru: (v, all) => (v.trim() || all.name_en.trim() ? null : t('org.unitForm.namesHint')),
    },
  });
  const serverErrors = useServerErrors(form, FIELDS);
  const orgIssues = useOrgIssues();
  const parents = useParentOptions(index, unit?.id ?? null, unit?.parent_id);
  // What an empty time zone or calendar would inherit from the chosen parent, as a hint.
  const fromParent = (key: 'timezone' | 'calendar') => {
    const parent = form.values.parent_id ? index?.byId.get(form.values.parent_id) : undefined;
    if (!index || !parent) return t('org.unitForm.inherit');
    const own = parent[key];
    const got = own ? { value: own, from: parent } : inherited(index, parent.id, key);
    return got
      ? t('org.unitForm.inheritValue', { value: got.value, code: got.from.code })
      : t('org.unitForm.inherit');
  };
  const members = useEmployees({ unit_id: unit?.id, status: 'active' }, opened && !!unit);

  // Each opening starts from the unit as it is now (or blank, inside the chosen parent).
  useEffect(() => {
    if (!opened) return;
    form.setValues(valuesOf(unit, parentId));
    form.resetDirty();
    form.clearErrors();
    serverErrors.clear();
  }, [opened]);

  const submit = form.onSubmit((v) => {
    serverErrors.clear();
    const contactEntries = CONTACT_KEYS.map((k) => [k, text(v[`contact_${k}`])] as const).filter(
      (e): e is readonly [(typeof CONTACT_KEYS)[number], string] => e[1] !== undefined,
    );
    const body = {
      code: v.code.trim(),
      name: { ru: text(v.name_ru), en: text(v.name_en) },
      parent_id: v.parent_id,
      timezone: v.timezone,
      calendar: text(v.calendar) ?? null,
      contact: contactEntries.length > 0 ? Object.fromEntries(contactEntries) : null,
    };
    const onError = (e: unknown) => serverErrors.show(orgIssues(e));
    if (unit) {
      const headsChanged =
        v.head_ids.length !== unit.head_ids.length || v.head_ids.some((id) => !unit.head_ids.includes(id));
      // Only a changed parent is sent, so saving a form never "moves" a unit by accident.
      const { parent_id, ...rest } = body;
      const patch = {
        ...rest,
        ...(parent_id !== unit.parent_id ? { parent_id } : {}),
        ...(headsChanged ? { head_ids: v.head_ids } : {}),
      };
      update.mutate(
        { id: unit.id, patch },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('org.unitForm.saved', { code: saved.code }) });
            onClose();
            onSaved?.(saved);
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('org.unitForm.created', { code: saved.code }) });
          onClose();
          onSaved?.(saved);
        },
        onError,
      });
    }
  });

  const memberOptions = (members.data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.code} — ${localName(e.name, lng, e.code)}`,
  }));

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={unit ? t('org.unitForm.editTitle', { code: unit.code }) : t('org.unitForm.createTitle')}
      size="lg"
      testId="unit-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={unit ? t('common.save') : t('common.create')}
      loading={create.isPending || update.isPending}
    >
      <TextInput
        label={t('org.unitForm.code')}
        description={t('org.unitForm.codeHint')}
        required
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('code')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('org.unitForm.nameRu')} lang="ru" {...form.getInputProps('name_ru')} />
        <TextInput label={t('org.unitForm.nameEn')} lang="en" {...form.getInputProps('name_en')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('org.unitForm.namesHint')}
      </Text>
      <Select
        label={t('org.unitForm.parent')}
        placeholder={t('org.unitForm.parentNone')}
        data={parents}
        searchable
        clearable
        nothingFoundMessage={t('org.moveDialog.nothingFound')}
        {...form.getInputProps('parent_id')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('org.unitForm.timezone')}
          placeholder={fromParent('timezone')}
          data={TIME_ZONES}
          searchable
          clearable
          limit={200}
          nothingFoundMessage={t('org.moveDialog.nothingFound')}
          {...form.getInputProps('timezone')}
        />
        <TextInput
          label={t('org.unitForm.calendar')}
          placeholder={fromParent('calendar')}
          description={t('org.unitForm.calendarHint')}
          autoComplete="off"
          {...form.getInputProps('calendar')}
        />
      </SimpleGrid>
      <Fieldset legend={t('org.unitForm.contact')} variant="filled">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('org.unitForm.email')} type="email" {...form.getInputProps('contact_email')} />
          <TextInput label={t('org.unitForm.phone')} type="tel" {...form.getInputProps('contact_phone')} />
          <TextInput label={t('org.unitForm.chat')} {...form.getInputProps('contact_chat')} />
          <TextInput
            label={t('org.unitForm.url')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('contact_url')}
          />
        </SimpleGrid>
        <Textarea
          label={t('org.unitForm.note')}
          autosize
          minRows={2}
          mt="sm"
          {...form.getInputProps('contact_note')}
        />
      </Fieldset>
      {unit && (
        <MultiSelect
          label={t('org.unitForm.heads')}
          description={memberOptions.length > 0 ? t('org.unitForm.headsHint') : t('org.unitForm.headsNone')}
          data={memberOptions}
          searchable
          clearable
          disabled={memberOptions.length === 0 && form.values.head_ids.length === 0}
          {...form.getInputProps('head_ids')}
        />
      )}
    </FormDialog>
  );
}
