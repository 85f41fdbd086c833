import { Fragment, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src/contract/audit.schema';
import { useFormat } from '../../i18n/use-format';
import { AuditDiff } from './audit-diff.view';
import { subjectName, useAuditLabels } from './audit-labels';

/** The log as a table with expandable rows on wide screens, as cards on phones. */
export function AuditList({ entries, narrow }: { entries: AuditEntry[]; narrow: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels((iso) => format.dateTime(iso));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const actor = (e: AuditEntry) => (
    <Stack gap={0}>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {e.actor_label}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`audit.actorKinds.${e.actor_kind}`)}
      </Text>
    </Stack>
  );
  const entity = (e: AuditEntry) => (
    <Stack gap={0}>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {subjectName(e) ?? labels.entityLabel(e.entity)}
      </Text>
      <Text size="xs" c="dimmed" title={e.entity_id}>
        {labels.entityLabel(e.entity)} · …{e.entity_id.slice(-6)}
      </Text>
    </Stack>
  );
  const diff = (e: AuditEntry) => <AuditDiff entry={e} valueLabel={labels.valueLabel} compact={narrow} />;

  if (narrow) {
    return (
      <Stack gap="sm" data-testid="audit-cards">
        {entries.map((e) => {
          const expanded = open.has(e.id);
          return (
            <Paper key={e.id} withBorder p="sm" radius="md" data-testid="audit-row">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Badge variant="light" miw="max-content">
                  {labels.actionLabel(e.action)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {format.dateTime(e.at)}
                </Text>
              </Group>
              <Group mt="xs" justify="space-between" align="flex-start" wrap="nowrap">
                {actor(e)}
                {entity(e)}
              </Group>
              <Button
                variant="subtle"
                size="compact-sm"
                mt="xs"
                leftSection={
                  expanded ? (
                    <IconChevronDown size={14} aria-hidden />
                  ) : (
                    <IconChevronRight size={14} aria-hidden />
                  )
                }
                aria-expanded={expanded}
                onClick={() => toggle(e.id)}
              >
                {expanded ? t('audit.hideChanges') : t('audit.showChanges')}
              </Button>
              {expanded && (
                <Paper bg="var(--mantine-color-gray-0)" p="xs" mt={4} radius="sm">
                  {diff(e)}
                </Paper>
              )}
            </Paper>
          );
        })}
      </Stack>
    );
  }

  return (
    <Table verticalSpacing="xs" data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>
            <VisuallyHidden>{t('audit.showChanges')}</VisuallyHidden>
          </Table.Th>
          <Table.Th>{t('audit.colTime')}</Table.Th>
          <Table.Th>{t('audit.colActor')}</Table.Th>
          <Table.Th>{t('audit.colAction')}</Table.Th>
          <Table.Th>{t('audit.colEntity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const expanded = open.has(e.id);
          return (
            <Fragment key={e.id}>
              <Table.Tr data-testid="audit-row" bg={expanded ? 'var(--mantine-color-gray-0)' : undefined}>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${expanded ? t('audit.hideChanges') : t('audit.showChanges')}: ${labels.actionLabel(e.action)}, ${format.dateTime(e.at)}`}
                    aria-expanded={expanded}
                    aria-controls={`audit-diff-${e.id}`}
                    onClick={() => toggle(e.id)}
                  >
                    {expanded ? (
                      <IconChevronDown size={16} aria-hidden />
                    ) : (
                      <IconChevronRight size={16} aria-hidden />
                    )}
                  </ActionIcon>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.dateTime(e.at)}</Text>
                </Table.Td>
                <Table.Td>{actor(e)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" miw="max-content">
                    {labels.actionLabel(e.action)}
                  </Badge>
                </Table.Td>
                <Table.Td>{entity(e)}</Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr id={`audit-diff-${e.id}`}>
                  <Table.Td />
                  <Table.Td colSpan={4} pb="md">
                    {diff(e)}
                    {e.request_id && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('audit.requestId', { id: e.request_id })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
