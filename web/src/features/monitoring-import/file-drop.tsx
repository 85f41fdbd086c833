import { useId, useState, type DragEvent } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import './monitoring-import.css';

/**
 * Where a file is dropped or chosen. The native input stays in the page (visually hidden) with the
 * button as its label, so keyboards, screen readers and tests reach it (by the name "File to import").
 */
export function FileDrop({ file, onFile }: { file: File | null; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-5)' : undefined,
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        <IconFileUpload size={36} stroke={1.4} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text ta="center" size="sm">
          {file ? t('monitoringImport.file.chosen', { name: file.name }) : t('monitoringImport.file.drop')}
        </Text>
        <Text ta="center" size="xs" c="dimmed">
          {t('monitoringImport.file.kinds')}
        </Text>
        <Group justify="center">
          <input
            id={id}
            type="file"
            className="import-file-input"
            aria-label={t('monitoringImport.file.input')}
            accept=".csv,.ndjson,.jsonl,.txt,text/csv,application/x-ndjson"
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              if (chosen) onFile(chosen);
              e.currentTarget.value = '';
            }}
          />
          <Button component="label" htmlFor={id} variant={file ? 'default' : 'filled'}>
            {file ? t('monitoringImport.file.other') : t('monitoringImport.file.choose')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
