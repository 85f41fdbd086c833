import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportFormat, ImportMapping } from '../../../../src/contract/monitoring.schema';
import { RECORD_FIELDS } from '../../../../src/contract/interaction-record.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useErrorText } from '../../i18n/error-text';
import { cleanMapping, prefillMapping, REQUIRED_FIELDS, type Mapping } from './import-file';
import { useDeleteMapping, useImportMappings, useSaveMapping } from './monitoring-import.queries';

/**
 * Which of their columns holds each of our fields: one select per field, pre-filled from the
 * names, required ones marked; saved mappings can be applied, saved under a name and deleted.
 */
export function MappingForm({
  columns,
  format,
  mapping,
  onChange,
}: {
  columns: string[];
  format: ImportFormat;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const saved = useImportMappings();
  const save = useSaveMapping();
  const remove = useDeleteMapping();
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<ImportMapping | null>(null);

  const items = saved.data?.items ?? [];
  const columnOptions = columns.map((c) => ({ value: c, label: c }));

  const apply = (id: string | null) => {
    setChosen(id);
    const found = items.find((m) => m.id === id);
    if (!found) return;
    // Columns this file does not have stay unmapped, so the form never shows a column that is not there.
    onChange(
      Object.fromEntries(Object.entries(found.mapping).filter(([, theirs]) => columns.includes(theirs))),
    );
    const absent = Object.values(found.mapping).filter((c) => !columns.includes(c));
    if (absent.length > 0)
      notifications.show({
        color: 'yellow',
        message: t('monitoringImport.mapping.absent', { columns: absent.join(', ') }),
      });
  };

  const submitSave = () => {
    if (name.trim() === '') return;
    save.mutate(
      { name: name.trim(), format, mapping: cleanMapping(mapping) },
      {
        onSuccess: (created) => {
          setSaving(false);
          setChosen(created.id);
          notifications.show({
            color: 'teal',
            message: t('monitoringImport.mapping.saved', { name: created.name }),
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-mapping-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="import-mapping-title">
            {t('monitoringImport.mapping.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('monitoringImport.mapping.intro')}
          </Text>
          <Text size="xs" c="dimmed">
            <Text span c="red" aria-hidden>
              *
            </Text>{' '}
            {t('monitoringImport.mapping.requiredLegend')}
          </Text>
        </div>

        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('monitoringImport.mapping.savedLabel')}
            placeholder={
              saved.isPending
                ? t('common.loading')
                : items.length === 0
                  ? t('monitoringImport.mapping.noneSaved')
                  : t('monitoringImport.mapping.pick')
            }
            data={items.map((m) => ({ value: m.id, label: m.name }))}
            value={chosen}
            onChange={apply}
            disabled={items.length === 0}
            clearable
            style={{ flex: '1 1 220px' }}
          />
          <Tooltip label={t('monitoringImport.mapping.guess')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('monitoringImport.mapping.guess')}
              onClick={() => {
                setChosen(null);
                onChange(prefillMapping(columns));
              }}
            >
              <IconWand size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {chosen && (
            <Tooltip label={t('monitoringImport.mapping.delete')}>
              <ActionIcon
                variant="default"
                color="red"
                size="lg"
                aria-label={t('monitoringImport.mapping.delete')}
                onClick={() => {
                  remove.reset();
                  setDeleting(items.find((m) => m.id === chosen) ?? null);
                }}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            onClick={() => {
              save.reset();
              setName(items.find((m) => m.id === chosen)?.name ?? '');
              setSaving(true);
            }}
          >
            {t('monitoringImport.mapping.save')}
          </Button>
        </Group>
        {saved.isError && (
          <Text size="sm" c="red">
            {errorText(saved.error)}
          </Text>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          {RECORD_FIELDS.map((field) => {
            const required = REQUIRED_FIELDS.has(field);
            return (
              <Select
                key={field}
                label={field}
                description={t(`monitoringImport.fields.${field}`)}
                required={required}
                withAsterisk={required}
                placeholder={t('monitoringImport.mapping.notMapped')}
                data={columnOptions}
                value={mapping[field] ?? null}
                onChange={(value) => {
                  const next = { ...mapping };
                  if (value) next[field] = value;
                  else delete next[field];
                  onChange(next);
                }}
                clearable={!required}
                searchable
                error={required && !mapping[field] ? t('monitoringImport.mapping.required') : undefined}
                data-testid={`map-${field}`}
              />
            );
          })}
        </SimpleGrid>
      </Stack>

      <Modal opened={saving} onClose={() => setSaving(false)} title={t('monitoringImport.mapping.saveTitle')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitSave();
          }}
        >
          <Stack>
            <TextInput
              label={t('monitoringImport.mapping.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
              data-autofocus
              error={save.isIdle || name.trim() !== '' ? undefined : t('monitoringImport.mapping.required')}
            />
            <FormErrorAlert message={save.isError ? errorText(save.error) : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('monitoringImport.mapping.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('monitoringImport.mapping.deleteBody')}
        confirmLabel={t('monitoringImport.mapping.delete')}
        loading={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setChosen(null);
            },
          });
        }}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
