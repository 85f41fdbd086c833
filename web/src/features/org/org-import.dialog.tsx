import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error.alert';
import { ImportProblemsAlert } from '../../components/import-problems.alert';
import { useImportSteps } from '../../components/use-import-steps';
import { useOrgErrorText } from './org-errors';
import type { OrgImportReport } from '../../../../src/contract/org-transfer.schema';
import { fileFormat } from '../../api/import-problems';
import { useOrgImport, type OrgKind } from './org-transfer';

/**
 * Import from a spreadsheet in two steps: check (a dry run: counts, or every bad row with sheet,
 * line, field and problem), then apply. A new file starts over.
 */
export function OrgImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useOrgErrorText();
  const run = useOrgImport();
  const [kind, setKind] = useState<OrgKind>('units');
  const { file, chooseFile, report, problems, error, send, clearResult } = useImportSteps<OrgImportReport>({
    opened,
    errorText,
    run: (chosen, dryRun, callbacks) =>
      run.mutate({ file: chosen, kind: fileFormat(chosen) === 'csv' ? kind : null, dryRun }, callbacks),
    onApplied: (answer) => {
      const changed = (c: OrgImportReport['units']) => c.created + c.updated;
      notifications.show({
        color: 'teal',
        message: t('org.transfer.applied', {
          units: changed(answer.units),
          employees: changed(answer.employees),
        }),
      });
      onClose();
    },
  });
  const csv = !!file && fileFormat(file) === 'csv';

  return (
    <Modal opened={opened} onClose={onClose} title={t('org.transfer.importTitle')} size="xl">
      <Stack data-testid="org-import">
        <Text size="sm" c="dimmed">
          {t('org.transfer.importIntro')}
        </Text>
        <FileInput
          label={t('org.transfer.file')}
          placeholder={t('org.transfer.filePlaceholder')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={chooseFile}
          clearable
        />
        {csv && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="org-import-kind">
              {t('org.transfer.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="org-import-kind"
              value={kind}
              onChange={(v) => {
                setKind(v === 'employees' ? 'employees' : 'units');
                clearResult();
              }}
              data={[
                { value: 'units', label: t('org.transfer.units') },
                { value: 'employees', label: t('org.transfer.employees') },
              ]}
            />
          </Stack>
        )}
        {report && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            data-testid="import-checked"
          >
            <Stack gap="xs">
              <Text size="sm">{t('org.transfer.checked')}</Text>
              <Table.ScrollContainer minWidth={360}>
                <Table withTableBorder={false} verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th />
                      <Table.Th>{t('org.transfer.colCreated')}</Table.Th>
                      <Table.Th>{t('org.transfer.colUpdated')}</Table.Th>
                      <Table.Th>{t('org.transfer.colUnchanged')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(['units', 'employees'] as const).map((k) => (
                      <Table.Tr key={k}>
                        <Table.Th scope="row">{t(`org.transfer.${k}`)}</Table.Th>
                        <Table.Td>{report[k].created}</Table.Td>
                        <Table.Td>{report[k].updated}</Table.Td>
                        <Table.Td>{report[k].unchanged}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Alert>
        )}
        {problems && (
          <ImportProblemsAlert
            problems={problems}
            summary={t('org.transfer.badRows', { count: problems.length })}
            testId="import-problems"
          />
        )}
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {report ? (
            <Button onClick={() => send(false)} loading={run.isPending}>
              {t('org.transfer.apply')}
            </Button>
          ) : (
            <Button onClick={() => send(true)} loading={run.isPending} disabled={!file}>
              {t('org.transfer.check')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
