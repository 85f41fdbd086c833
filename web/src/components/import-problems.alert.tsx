import { Alert, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../src/contract/org-transfer.schema';

/**
 * A refused import's every problem, each where it is written (sheet, line, the row's code, the
 * field and column), under a sentence the feature words (`summary`).
 */
export function ImportProblemsAlert({
  problems,
  summary,
  testId,
}: {
  problems: readonly ImportProblem[];
  summary: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid={testId}
    >
      <Stack gap="xs">
        <Text size="sm">{summary}</Text>
        <Table.ScrollContainer minWidth={560} mah={320}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('importProblems.sheet')}</Table.Th>
                <Table.Th>{t('importProblems.line')}</Table.Th>
                <Table.Th>{t('importProblems.code')}</Table.Th>
                <Table.Th>{t('importProblems.field')}</Table.Th>
                <Table.Th>{t('importProblems.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.sheet}</Table.Td>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {p.code ?? ''}
                  </Table.Td>
                  <Table.Td ff="monospace">
                    {p.field}
                    {p.column ? ` (${p.column})` : ''}
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Alert>
  );
}
