import { actorName } from '../agreement/actor-label';
import { Anchor, Badge, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconCircleX, IconGitCommit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarVersion, StandardVersion } from '../../../../src/contract/catalog.schema';
import { useFormat } from '../../i18n/use-format';
import { diffDefinitions, showValue } from './definition-diff';

/** What changed from one version to the next, field by field. */
export function DefinitionDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = diffDefinitions(before, after);
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('standards.history.noDiff')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table withTableBorder fz="xs" verticalSpacing={4} data-testid="version-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('standards.history.field')}</Table.Th>
            <Table.Th>{t('standards.history.before')}</Table.Th>
            <Table.Th>{t('standards.history.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.path}>
              <Table.Td ff="monospace">{c.path}</Table.Td>
              <Table.Td
                c="red.8"
                style={{ textDecoration: c.before === undefined ? undefined : 'line-through' }}
              >
                {showValue(c.before)}
              </Table.Td>
              <Table.Td c="teal.8">{showValue(c.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Every published version, newest first: when it took effect and until when, the proposal that
 * made it, who published it, and what it changed from the version before.
 */
export function VersionHistory({ versions }: { versions: readonly (StandardVersion | CalendarVersion)[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="version-history">
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        return (
          <Timeline.Item
            key={v.version}
            bullet={
              v.retired ? <IconCircleX size={14} aria-hidden /> : <IconGitCommit size={14} aria-hidden />
            }
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {t('standards.history.version', { version: v.version })}
                </Text>
                {v.retired && (
                  <Badge color="gray" variant="light" size="sm" tt="none">
                    {t('standards.history.retirement')}
                  </Badge>
                )}
                {v.published_directly && (
                  <Badge color="grape" variant="outline" size="sm" tt="none">
                    {t('standards.history.direct')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap={6} mt={4}>
              <Text size="xs" c="dimmed">
                {v.effective_until
                  ? t('standards.history.inForceRange', {
                      from: format.dateTime(v.effective_from),
                      until: format.dateTime(v.effective_until),
                    })
                  : t('standards.history.inForceFrom', { from: format.dateTime(v.effective_from) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('standards.history.publishedBy', {
                  name: actorName(v.published_by, v.published_by_label, t),
                  date: format.dateTime(v.published_at),
                })}
                {v.proposal_id && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/standards/proposals/${v.proposal_id}`} size="xs">
                      {v.proposal_title ?? t('standards.history.proposal')}
                    </Anchor>
                  </>
                )}
              </Text>
              {previous ? (
                <DefinitionDiff before={previous.definition} after={v.definition} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('standards.history.first')}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
