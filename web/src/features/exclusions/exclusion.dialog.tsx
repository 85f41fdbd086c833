import { useEffect } from 'react';
import { MultiSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src/contract/interaction-record.schema';
import type { ExclusionInput, ExclusionWindow } from '../../../../src/contract/monitoring.schema';
import { FormDialog } from '../../components/form.dialog';
import { useServerErrors } from '../../components/form-errors';
import { isoToLocal, localToIso } from './exclusion-time';
import { useCreateExclusion, useUpdateExclusion } from './exclusions.queries';

export interface Option {
  value: string;
  label: string;
  /** Units: how deep in the tree, to indent the picker's list. */
  depth?: number;
}

interface Values {
  starts_at: string;
  ends_at: string;
  units: string[];
  channels: string[];
  standards: string[];
  reason: string;
}

/**
 * A new window (`editing` null) or a change to one: its span as wall-clock times of the
 * organization's zone, what it covers (nothing chosen = everything), and the reason reports show.
 */
export function ExclusionDialog({
  opened,
  editing,
  timeZone,
  unitOptions,
  standardOptions,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: ExclusionWindow | null;
  timeZone: string;
  unitOptions: Option[];
  standardOptions: Option[];
  onClose: () => void;
  onSaved: (window: ExclusionWindow, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateExclusion();
  const update = useUpdateExclusion();
  const form = useForm<Values>({
    initialValues: { starts_at: '', ends_at: '', units: [], channels: [], standards: [], reason: '' },
    validate: {
      starts_at: (v) => (localToIso(v, timeZone) ? null : t('exclusions.form.needTime')),
      ends_at: (v, values) => {
        const end = localToIso(v, timeZone);
        if (!end) return t('exclusions.form.needTime');
        const start = localToIso(values.starts_at, timeZone);
        return start && Date.parse(end) <= Date.parse(start) ? t('exclusions.form.endBeforeStart') : null;
      },
      reason: (v) => (v.trim().length < 3 ? t('exclusions.form.needReason') : null),
    },
  });
  const serverErrors = useServerErrors(form, [
    'starts_at',
    'ends_at',
    'units',
    'channels',
    'standards',
    'reason',
  ]);

  // Opening fills the form from the window being edited (or empties it for a new one); only then.
  useEffect(() => {
    if (!opened) return;
    form.setValues(
      editing
        ? {
            starts_at: isoToLocal(editing.starts_at, timeZone),
            ends_at: isoToLocal(editing.ends_at, timeZone),
            units: editing.units,
            channels: editing.channels,
            standards: editing.standards,
            reason: editing.reason,
          }
        : { starts_at: '', ends_at: '', units: [], channels: [], standards: [], reason: '' },
    );
    form.resetDirty();
    form.clearErrors();
    serverErrors.clear();
  }, [opened, editing?.id]);

  const submit = form.onSubmit((values) => {
    serverErrors.clear();
    const body: ExclusionInput = {
      starts_at: localToIso(values.starts_at, timeZone)!,
      ends_at: localToIso(values.ends_at, timeZone)!,
      units: values.units,
      channels: values.channels as ExclusionInput['channels'],
      standards: values.standards,
      reason: values.reason.trim(),
    };
    const done = {
      onSuccess: (w: ExclusionWindow) => onSaved(w, editing === null),
      onError: serverErrors.show,
    };
    if (editing) update.mutate({ id: editing.id, body }, done);
    else create.mutate(body, done);
  });

  // Units and standards no longer listed (archived, retired) stay choosable while the window names them.
  const withKept = (options: Option[], kept: string[]) => [
    ...options,
    ...kept.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
  ];

  const depthOf = new Map(unitOptions.map((o) => [o.value, o.depth ?? 0]));

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={editing ? t('exclusions.form.editTitle') : t('exclusions.form.createTitle')}
      size="lg"
      testId="exclusion-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={editing ? t('common.save') : t('exclusions.form.create')}
      loading={create.isPending || update.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={t('exclusions.form.start')}
          description={t('exclusions.form.zone', { zone: timeZone })}
          required
          {...form.getInputProps('starts_at')}
        />
        <TextInput
          type="datetime-local"
          label={t('exclusions.form.end')}
          description={t('exclusions.form.zone', { zone: timeZone })}
          required
          {...form.getInputProps('ends_at')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('exclusions.form.units')}
        description={t('exclusions.form.unitsHint')}
        placeholder={form.values.units.length === 0 ? t('exclusions.all.units') : undefined}
        data={withKept(unitOptions, form.values.units).map(({ value, label }) => ({ value, label }))}
        renderOption={({ option }) => (
          <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 14 }}>{option.label}</span>
        )}
        searchable
        clearable
        {...form.getInputProps('units')}
      />
      <MultiSelect
        label={t('exclusions.form.channels')}
        placeholder={form.values.channels.length === 0 ? t('exclusions.all.channels') : undefined}
        data={CHANNELS.map((c) => ({ value: c, label: t(`standards.channels.${c}`) }))}
        clearable
        {...form.getInputProps('channels')}
      />
      <MultiSelect
        label={t('exclusions.form.standards')}
        placeholder={form.values.standards.length === 0 ? t('exclusions.all.standards') : undefined}
        data={withKept(standardOptions, form.values.standards).map(({ value, label }) => ({ value, label }))}
        searchable
        clearable
        {...form.getInputProps('standards')}
      />
      <Textarea
        label={t('exclusions.form.reason')}
        withAsterisk={false}
        description={t('exclusions.form.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('reason')}
      />
    </FormDialog>
  );
}
