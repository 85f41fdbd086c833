import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconArchiveOff,
  IconDots,
  IconPencil,
  IconPlus,
  IconTags,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SupportType } from '../../../../src/contract/grid.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { canManageTypes, useNamer, useTypeLooks } from './grid-labels';
import { useDeleteSupportType, useSupportTypes, useUpdateSupportType } from './grid.queries';
import { SupportTypeDialog } from './support-type.dialog';

/** The vocabulary of help: colour, names, descriptions, how many cells use each; managed by quality leads. */
export function SupportTypesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { lng } = useNamer();
  const me = useCurrentUser();
  const canWrite = canManageTypes(me.role);
  const types = useSupportTypes();
  const looks = useTypeLooks(types.data?.items);
  const [editing, setEditing] = useState<SupportType | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [deleting, setDeleting] = useState<SupportType | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const update = useUpdateSupportType();
  const remove = useDeleteSupportType();
  const { errorText } = useErrorText();

  /** The server's reason for a refusal, in words: built in, or used by cells (how many). */
  const refusal = (error: unknown) => {
    if (!isApiError(error)) return errorText(error);
    const d = (error.details ?? {}) as { reason?: unknown; cell_count?: unknown };
    if (error.code === 'conflict' && d.reason === 'builtin') return t('grid.types.refusedBuiltin');
    if (error.code === 'conflict' && d.reason === 'in_use')
      return t('grid.types.refusedInUse', { count: Number(d.cell_count) || 0 });
    return errorText(error);
  };

  const setStatus = (s: SupportType, status: SupportType['status']) =>
    update.mutate(
      { id: s.id, status },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: status === 'archived' ? t('grid.types.archived') : t('grid.types.restored'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: refusal(e) }),
      },
    );

  const onDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('grid.types.deleted') });
        setDeleting(null);
      },
      onError: (e) => setDeleteError(refusal(e)),
    });
  };

  const addButton = canWrite && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => {
        setEditing(null);
        setDialogOpen(true);
      }}
    >
      {t('grid.types.create')}
    </Button>
  );

  let body;
  if (types.isPending) body = <LoadingRows rows={5} height={44} />;
  else if (types.isError) body = <LoadError error={types.error} onRetry={() => void types.refetch()} />;
  else if (types.data.items.length === 0)
    body = (
      <EmptyBlock
        message={t('grid.types.empty')}
        icon={<IconTags size={32} aria-hidden />}
        action={addButton}
      />
    );
  else {
    const other = lng === 'ru' ? 'en' : 'ru';
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="support-types-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grid.types.colName')}</Table.Th>
              <Table.Th>{t('grid.types.code')}</Table.Th>
              <Table.Th>{t('grid.types.description')}</Table.Th>
              <Table.Th ta="right">{t('grid.types.colCells')}</Table.Th>
              <Table.Th>{t('grid.types.status')}</Table.Th>
              {canWrite && <Table.Th w={48} aria-label={t('grid.types.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.data.items.map((s) => {
              const look = looks.get(s.id);
              const archived = s.status === 'archived';
              const deletable = s.cell_count === 0 && !s.builtin;
              return (
                <Table.Tr key={s.id} opacity={archived ? 0.65 : 1}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <span
                        className="grid-badge"
                        style={{ background: `var(--mantine-color-${s.color}-filled)` }}
                        aria-hidden
                      >
                        {look?.abbr}
                      </span>
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {s.name[lng] ?? s.name[other] ?? s.code}
                        </Text>
                        {s.name[other] && (
                          <Text size="xs" c="dimmed" lang={other}>
                            {s.name[other]}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {s.code}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" maw={360} lineClamp={2}>
                      {s.description[lng] ?? s.description[other] ?? t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{format.number(s.cell_count)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.builtin && (
                        <Badge variant="outline" color="gray" size="sm" tt="none">
                          {t('grid.types.builtin')}
                        </Badge>
                      )}
                      <Badge variant="light" color={archived ? 'gray' : 'teal'} size="sm" tt="none">
                        {archived ? t('grid.types.statusArchived') : t('grid.types.statusActive')}
                      </Badge>
                    </Group>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('grid.types.actionsFor', { name: look?.label ?? s.code })}
                          >
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={16} aria-hidden />}
                            onClick={() => {
                              setEditing(s);
                              setDialogOpen(true);
                            }}
                          >
                            {t('grid.types.edit')}
                          </Menu.Item>
                          {archived ? (
                            <Menu.Item
                              leftSection={<IconArchiveOff size={16} aria-hidden />}
                              onClick={() => setStatus(s, 'active')}
                            >
                              {t('grid.types.restore')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              leftSection={<IconArchive size={16} aria-hidden />}
                              onClick={() => setStatus(s, 'archived')}
                            >
                              {t('grid.types.archive')}
                            </Menu.Item>
                          )}
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={16} aria-hidden />}
                            disabled={!deletable}
                            onClick={() => {
                              setDeleteError(null);
                              setDeleting(s);
                            }}
                          >
                            {deletable
                              ? t('grid.types.delete')
                              : s.builtin
                                ? t('grid.types.deleteBuiltin')
                                : t('grid.types.deleteInUse', { count: s.cell_count })}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={720} style={{ flex: '1 1 320px' }}>
          {t('grid.types.intro')}
        </Text>
        {types.data?.items.length ? addButton : null}
      </Group>
      {body}
      <SupportTypeDialog opened={dialogOpen} editing={editing} onClose={() => setDialogOpen(false)} />
      <ConfirmDialog
        opened={!!deleting}
        title={t('grid.types.deleteTitle')}
        body={t('grid.types.deleteBody', {
          name: deleting ? (looks.get(deleting.id)?.label ?? deleting.code) : '',
        })}
        confirmLabel={t('grid.types.delete')}
        loading={remove.isPending}
        error={deleteError}
        onConfirm={onDelete}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
