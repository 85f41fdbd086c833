import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProposalChangeView } from '../../../../src/contract/catalog.schema';
import type { Locale } from '../../../../src/contract/common.schema';
import type { CalendarDefinition, StandardDefinition } from '../../../../src/contract/standards-file.schema';
import { localName } from '../org/org-tree';
import { useOrgTree } from '../org/org.queries';
import { diffDefinitions } from './definition-diff';
import { fieldLabel, humanizeDefinition, type Humanizer } from './field-labels';
import { describeStandard, localized } from './plain-words';
import { ChangeActionBadge } from './proposal-badges';

const changeTitle = (change: ProposalChangeView, lng: Locale): string => {
  const def = (change.after ?? change.before) as StandardDefinition | CalendarDefinition | null;
  if (!def) return '';
  if (change.entity === 'standard') return localized((def as StandardDefinition).title, lng);
  return localized((def as CalendarDefinition).name, lng);
};

/** Items gained or lost by a list field, one per line ("+ 2027-01-11"). */
const listPart = (items: string[], sign: string) =>
  items.length === 0
    ? '—'
    : items.map((v) => <span key={v} style={{ display: 'block' }}>{`${sign} ${v}`}</span>);

/** One change of a proposal: what it is, before and after in plain words, and the fields that differ. */
export function ChangeCard({
  change,
  onRemove,
  removing,
}: {
  change: ProposalChangeView;
  onRemove?: (() => void) | undefined;
  removing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const [showAll, setShowAll] = useState(false);
  const { index } = useOrgTree();
  const h = useMemo((): Humanizer => {
    const names = new Map((index?.all ?? []).map((u) => [u.code, localName(u.name, lng, u.code)]));
    return { t: t as unknown as Humanizer['t'], lng, unitName: (code) => names.get(code) };
  }, [index, lng, t]);
  const rows = diffDefinitions(humanizeDefinition(change.before, h), humanizeDefinition(change.after, h));
  const shown = change.action === 'change' && !showAll ? rows.filter((r) => r.changed) : rows;
  const hidden = rows.length - shown.length;
  const words = (def: unknown) =>
    change.entity === 'standard' && def ? describeStandard(def as StandardDefinition, lng) : null;
  const beforeWords = words(change.before);
  const afterWords = words(change.after);

  return (
    <Paper withBorder radius="md" p="sm" data-testid="proposal-change">
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Group gap={8} wrap="wrap" style={{ minWidth: 0 }}>
          <ChangeActionBadge action={change.action} />
          <Text size="sm" c="dimmed">
            {t(`agreement.entity.${change.entity}`)}
          </Text>
          <Text ff="monospace" fw={600} size="sm">
            {change.code}
          </Text>
          <Text size="sm">{changeTitle(change, lng)}</Text>
          {change.base_version !== null && (
            <Text size="xs" c="dimmed">
              {t('agreement.change.baseVersion', { version: change.base_version })}
            </Text>
          )}
        </Group>
        {onRemove && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            loading={removing ?? false}
            aria-label={t('agreement.change.removeLabel', { code: change.code })}
          >
            {t('agreement.change.remove')}
          </Button>
        )}
      </Group>
      {change.stale && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={16} aria-hidden />}
          mb="xs"
          p="xs"
          data-testid="change-stale"
        >
          {change.action === 'add' ? t('agreement.change.staleAdd') : t('agreement.change.stale')}
        </Alert>
      )}
      {(beforeWords || afterWords) && (
        <Stack gap={4} mb="xs">
          {beforeWords && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('agreement.change.before')}:{' '}
              </Text>
              <Text span size="sm" td={change.action === 'retire' ? 'line-through' : undefined}>
                {beforeWords}
              </Text>
            </Text>
          )}
          {afterWords && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('agreement.change.after')}:{' '}
              </Text>
              <Text span size="sm" fw={beforeWords && beforeWords !== afterWords ? 600 : undefined}>
                {afterWords}
              </Text>
            </Text>
          )}
        </Stack>
      )}
      {change.action === 'retire' ? (
        <Text size="sm" c="red.8">
          {t('agreement.change.retireNote')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={360}>
            <Table fz="xs" verticalSpacing={4} withTableBorder aria-label={t('agreement.change.fields')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">{t('agreement.change.field')}</Table.Th>
                  {change.action === 'change' && <Table.Th>{t('agreement.change.before')}</Table.Th>}
                  <Table.Th>
                    {change.action === 'change' ? t('agreement.change.after') : t('agreement.change.value')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr
                    key={r.path}
                    bg={change.action === 'change' && r.changed ? 'yellow.0' : undefined}
                    data-changed={r.changed && change.action === 'change' ? 'true' : undefined}
                  >
                    <Table.Td title={r.path}>{fieldLabel(r.path, h)}</Table.Td>
                    {change.action === 'change' && (
                      <Table.Td
                        c={r.changed ? 'red.8' : undefined}
                        td={r.changed && r.before ? 'line-through' : undefined}
                      >
                        {r.list ? listPart(r.list.removed, '−') : (r.before ?? '—')}
                      </Table.Td>
                    )}
                    <Table.Td
                      c={change.action === 'change' && r.changed ? 'green.9' : undefined}
                      fw={change.action === 'change' && r.changed ? 600 : undefined}
                    >
                      {r.list ? (
                        <>
                          {listPart(r.list.added, '+')}
                          {r.list.kept > 0 && (
                            <Text span size="xs" c="dimmed" fw={400} display="block">
                              {t('agreement.change.kept', { count: r.list.kept })}
                            </Text>
                          )}
                        </>
                      ) : (
                        (r.after ?? '—')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {change.action === 'change' && (hidden > 0 || showAll) && (
            <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setShowAll((v) => !v)}>
              {showAll ? t('agreement.change.onlyChanged') : t('agreement.change.showAll', { count: hidden })}
            </Button>
          )}
        </>
      )}
    </Paper>
  );
}

/** Every change, or a sentence when there are none yet. */
export function ProposalChanges({
  changes,
  onRemove,
  removingCode,
}: {
  changes: ProposalChangeView[];
  onRemove?: ((index: number) => void) | undefined;
  removingCode?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="proposal-changes-title">
      <Title order={2} size="h4" id="proposal-changes-title" mb="sm">
        {t('agreement.change.title', { count: changes.length })}
      </Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreement.change.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {changes.map((c, i) => (
            <ChangeCard
              key={`${c.entity}:${c.code}`}
              change={c}
              onRemove={onRemove ? () => onRemove(i) : undefined}
              removing={removingCode === `${c.entity}:${c.code}`}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}
