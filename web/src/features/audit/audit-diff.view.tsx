import { Stack, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src/contract/audit.schema';
import { diffSnapshots } from './audit-diff';

/** What an entry changed, field by field: old → new. */
export function AuditDiff({
  entry,
  valueLabel,
  compact = false,
}: {
  entry: AuditEntry;
  valueLabel: (field: string, value: unknown) => string;
  /** One `field: old → new` block per line, for phones where four columns do not fit. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const changes = diffSnapshots(entry.before, entry.after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="audit-diff">
        {t('audit.noDiff')}
      </Text>
    );
  }
  if (compact) {
    return (
      <Stack gap={6} data-testid="audit-diff">
        {changes.map(({ field, before, after }) => (
          <div key={field}>
            <Text size="xs" ff="monospace" c="dimmed">
              {field}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              <Text span c="red.8" inherit>
                {valueLabel(field, before)}
              </Text>
              {' → '}
              <Text span c="teal.9" inherit>
                {valueLabel(field, after)}
              </Text>
            </Text>
          </div>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table withTableBorder withColumnBorders fz="sm" data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.diffField')}</Table.Th>
            <Table.Th>{t('audit.diffBefore')}</Table.Th>
            <Table.Th w={28} aria-hidden />
            <Table.Th>{t('audit.diffAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map(({ field, before, after }) => (
            <Table.Tr key={field}>
              <Table.Td ff="monospace">{field}</Table.Td>
              <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
                {valueLabel(field, before)}
              </Table.Td>
              <Table.Td aria-hidden>
                <IconArrowRight size={14} />
              </Table.Td>
              <Table.Td c="teal.9" style={{ wordBreak: 'break-word' }}>
                {valueLabel(field, after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
