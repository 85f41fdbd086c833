import { Alert, Button, FileInput, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error.alert';
import { ImportProblemsAlert } from '../../components/import-problems.alert';
import { useImportSteps } from '../../components/use-import-steps';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import type { GridImportReport } from '../../../../src/contract/grid-transfer.schema';
import { useGridImport } from './grid-transfer';

const COUNTS = ['created', 'updated', 'deleted', 'unchanged'] as const;

/**
 * Import the grid from a spreadsheet in two steps: check (a dry run: how many cells it would
 * create, change, remove, leave; or every bad cell with sheet, line and field), then apply.
 */
export function GridImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errorText } = useErrorText();
  const run = useGridImport();
  const { file, chooseFile, report, problems, error, send } = useImportSteps<GridImportReport>({
    opened,
    errorText,
    run: (chosen, dryRun, callbacks) => run.mutate({ file: chosen, dryRun }, callbacks),
    onApplied: (answer) => {
      notifications.show({
        color: 'teal',
        message: t('grid.transfer.applied', {
          created: answer.created,
          updated: answer.updated,
          deleted: answer.deleted,
        }),
      });
      onClose();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('grid.transfer.importTitle')} size="xl">
      <Stack data-testid="grid-import">
        <Text size="sm" c="dimmed">
          {t('grid.transfer.importIntro')}
        </Text>
        <FileInput
          label={t('grid.transfer.file')}
          placeholder={t('grid.transfer.filePlaceholder')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={chooseFile}
          clearable
        />
        {report && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            data-testid="grid-import-checked"
          >
            <Stack gap="xs">
              <Text size="sm">{t('grid.transfer.checked')}</Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {COUNTS.map((k) => (
                  <Stack key={k} gap={0}>
                    <Text size="xs" c="dimmed">
                      {t(`grid.transfer.${k}`)}
                    </Text>
                    <Text
                      fw={700}
                      c={k === 'deleted' && report.deleted > 0 ? 'red.8' : undefined}
                      data-testid={`grid-import-${k}`}
                    >
                      {format.number(report[k])}
                    </Text>
                  </Stack>
                ))}
              </SimpleGrid>
              {report.deleted > 0 && (
                <Text size="sm" c="red.8">
                  {t('grid.transfer.deleteWarning', { count: report.deleted })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {problems && (
          <ImportProblemsAlert
            problems={problems}
            summary={t('grid.transfer.badCells', { count: problems.length })}
            testId="grid-import-problems"
          />
        )}
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {report ? (
            <Button onClick={() => send(false)} loading={run.isPending}>
              {t('grid.transfer.apply')}
            </Button>
          ) : (
            <Button onClick={() => send(true)} loading={run.isPending} disabled={!file}>
              {t('grid.transfer.check')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
