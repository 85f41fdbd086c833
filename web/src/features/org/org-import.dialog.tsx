import { useEffect, useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error.alert';
import { ImportProblemsAlert } from '../../components/import-problems.alert';
import { useOrgErrorText } from './org-errors';
import type { ImportProblem, OrgImportReport } from '../../../../src/contract/org-transfer.schema';
import { fileFormat, importProblems } from '../../api/import-problems';
import { useOrgImport, type OrgKind } from './org-transfer';

/**
 * Import from a spreadsheet in two steps: check (a dry run: counts, or every bad row with sheet,
 * line, field and problem), then apply. A new file starts over.
 */
export function OrgImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useOrgErrorText();
  const run = useOrgImport();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<OrgKind>('units');
  const [report, setReport] = useState<OrgImportReport | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setReport(null);
    setProblems(null);
    setError(null);
  }, [opened]);

  const csv = !!file && fileFormat(file) === 'csv';
  const send = (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setProblems(null);
    run.mutate(
      { file, kind: csv ? kind : null, dryRun },
      {
        onSuccess: (answer) => {
          if (answer.dry_run) {
            setReport(answer);
            return;
          }
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
        onError: (e) => {
          setReport(null);
          const rows = importProblems(e);
          if (rows) setProblems(rows);
          else setError(errorText(e));
        },
      },
    );
  };

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
          onChange={(f) => {
            setFile(f);
            setReport(null);
            setProblems(null);
            setError(null);
          }}
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
                setReport(null);
                setProblems(null);
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
