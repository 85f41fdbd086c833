import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconInfoCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExclusionWindow } from '../../../../src/contract/monitoring.schema';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useLastShown } from '../../components/use-last-shown';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { roleCan } from '../../../../src/core/permissions';
import { useCurrentUser } from '../auth/session.queries';
import { MonitoringTabs } from '../monitoring/monitoring.layout';
import { useOrgTree } from '../org/org.queries';
import { useUnitLabel } from '../org/unit-options';
import { useLocalText } from '../standards/standards-labels';
import { browserTimeZone } from '../monitoring-import/import-file';
import { ExclusionDialog, type Option } from './exclusion.dialog';
import { useDeleteExclusion, useExclusions, useStandardOptions } from './exclusions.queries';

/** The organization's zone: the first top unit's, else the reader's own. */
function orgZone(roots: UnitNode[] | undefined): string {
  return roots?.find((r) => r.timezone)?.timezone ?? browserTimeZone();
}

function flatten(nodes: UnitNode[], depth = 0, out: { unit: UnitNode; depth: number }[] = []) {
  for (const unit of nodes) {
    out.push({ unit, depth });
    flatten(unit.children, depth + 1, out);
  }
  return out;
}

/** "8 Mar 2026, 09:00 – 9 Mar 2026, 18:00" in the organization's zone. */
function useSpan(timeZone: string) {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (w: ExclusionWindow) => fmt.formatRange(new Date(w.starts_at), new Date(w.ends_at));
  }, [lng, timeZone]);
}

/** Monitoring → Exclusions: spans whose records count as not applicable, with the reason reports show. */
export function ExclusionsPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { dateTime } = useFormat();
  const { text } = useLocalText();
  const unitLabel = useUnitLabel();
  const narrow = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const canManage = roleCan(useCurrentUser().role, 'monitoring.manage');
  const windows = useExclusions();
  const tree = useOrgTree();
  const standards = useStandardOptions();
  const remove = useDeleteExclusion();
  const [editing, setEditing] = useState<ExclusionWindow | null>(null);
  const [opened, setOpened] = useState(false);
  const [deleting, setDeleting] = useState<ExclusionWindow | null>(null);
  const [changed, setChanged] = useState(false);
  const deletingShown = useLastShown(deleting);

  const timeZone = orgZone(tree.data?.roots);
  const span = useSpan(timeZone);
  const unitOptions: Option[] = useMemo(
    () =>
      flatten(tree.data?.roots ?? [])
        .filter(({ unit }) => unit.status === 'active')
        .map(({ unit, depth }) => ({ value: unit.code, label: unitLabel(unit), depth })),
    [tree.data, unitLabel],
  );
  const unitName = (code: string) => unitOptions.find((o) => o.value === code)?.label ?? code;
  const standardOptions: Option[] = useMemo(
    () =>
      (standards.data?.items ?? []).map((s) => {
        const title = text(s.current.definition?.title);
        return { value: s.code, label: title ? `${s.code} — ${title}` : s.code };
      }),
    [standards.data, text],
  );

  const openCreate = () => {
    setEditing(null);
    setOpened(true);
  };
  const createButton = canManage && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      {t('exclusions.create')}
    </Button>
  );

  const list = (values: string[], all: string, name: (v: string) => string = (v) => v) =>
    values.length === 0 ? (
      <Text span size="sm" c="dimmed">
        {all}
      </Text>
    ) : (
      <Group gap={4}>
        {values.map((v) => (
          <Badge key={v} variant="light" color="gray" tt="none" title={name(v)}>
            {v}
          </Badge>
        ))}
      </Group>
    );
  const channelName = (c: string) => t(`standards.channels.${c as 'phone'}`);
  const actions = (w: ExclusionWindow) =>
    canManage && (
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('exclusions.edit')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('exclusions.editNamed', { reason: w.reason })}
            onClick={() => {
              setEditing(w);
              setOpened(true);
            }}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('exclusions.delete')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('exclusions.deleteNamed', { reason: w.reason })}
            onClick={() => {
              remove.reset();
              setDeleting(w);
            }}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  const who = (w: ExclusionWindow) =>
    t('exclusions.byWhen', { who: w.created_by ?? t('exclusions.someone'), when: dateTime(w.updated_at) });

  let body;
  if (windows.isPending) body = <LoadingRows rows={3} height={narrow ? 140 : 52} />;
  else if (windows.isError) body = <LoadError error={windows.error} onRetry={() => void windows.refetch()} />;
  else if (windows.data.items.length === 0)
    body = (
      <EmptyBlock
        message={t('exclusions.empty')}
        icon={<IconCalendarOff size={32} aria-hidden />}
        action={createButton || undefined}
      />
    );
  else if (narrow)
    body = (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {windows.data.items.map((w) => (
          <Paper key={w.id} component="li" withBorder p="sm" radius="md" data-testid="exclusion-row">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm">
                {span(w)}
              </Text>
              {actions(w)}
            </Group>
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {w.reason}
            </Text>
            <Stack gap={4} mt="xs">
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('exclusions.col.units')}:
                </Text>
                {list(w.units, t('exclusions.all.units'), unitName)}
              </Group>
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('exclusions.col.channels')}:
                </Text>
                {list(w.channels.map(channelName), t('exclusions.all.channels'))}
              </Group>
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('exclusions.col.standards')}:
                </Text>
                {list(w.standards, t('exclusions.all.standards'))}
              </Group>
            </Stack>
            <Text size="xs" c="dimmed" mt="xs">
              {who(w)}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  else
    body = (
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="exclusions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exclusions.col.span')}</Table.Th>
              <Table.Th>{t('exclusions.col.units')}</Table.Th>
              <Table.Th>{t('exclusions.col.channels')}</Table.Th>
              <Table.Th>{t('exclusions.col.standards')}</Table.Th>
              <Table.Th>{t('exclusions.col.reason')}</Table.Th>
              <Table.Th>{t('exclusions.col.who')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <span
                    style={{
                      position: 'absolute',
                      width: 1,
                      height: 1,
                      overflow: 'hidden',
                      clip: 'rect(0 0 0 0)',
                    }}
                  >
                    {t('exclusions.col.actions')}
                  </span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {windows.data.items.map((w) => (
              <Table.Tr key={w.id} data-testid="exclusion-row">
                <Table.Td style={{ minWidth: 180 }}>{span(w)}</Table.Td>
                <Table.Td>{list(w.units, t('exclusions.all.units'), unitName)}</Table.Td>
                <Table.Td>{list(w.channels.map(channelName), t('exclusions.all.channels'))}</Table.Td>
                <Table.Td>{list(w.standards, t('exclusions.all.standards'))}</Table.Td>
                <Table.Td style={{ maxWidth: 280, overflowWrap: 'anywhere' }}>{w.reason}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {who(w)}
                  </Text>
                </Table.Td>
                {canManage && <Table.Td>{actions(w)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <MonitoringTabs />
      <PageHeader
        title={t('exclusions.title')}
        intro={t('exclusions.intro')}
        action={windows.data?.items.length === 0 || !createButton ? undefined : createButton}
      />
      <Text size="xs" c="dimmed" mb="sm">
        {t('exclusions.zoneNote', { zone: timeZone })}
      </Text>
      {changed && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          mb="md"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setChanged(false)}
          data-testid="rejudge-note"
        >
          {t('exclusions.rejudging')}
        </Alert>
      )}
      {body}
      <ExclusionDialog
        opened={opened}
        editing={editing}
        timeZone={timeZone}
        unitOptions={unitOptions}
        standardOptions={standardOptions}
        onClose={() => setOpened(false)}
        onSaved={(_w, created) => {
          setOpened(false);
          setChanged(true);
          notifications.show({
            color: 'teal',
            message: created ? t('exclusions.created') : t('exclusions.saved'),
          });
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('exclusions.deleteTitle')}
        body={t('exclusions.deleteBody', {
          span: deletingShown ? span(deletingShown) : '',
          reason: deletingShown?.reason ?? '',
        })}
        confirmLabel={t('exclusions.delete')}
        loading={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setChanged(true);
              notifications.show({
                color: 'teal',
                message: t('exclusions.deleted'),
              });
            },
          });
        }}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
