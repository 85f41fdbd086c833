import { useEffect, useState } from 'react';
import { Button, Group, Pagination, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/contract/user.schema';
import { roleCan } from '../../../../src/core/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { InviteLinkDialog } from './invite-link.dialog';
import { useUserFilters } from './use-user-filters';
import { UserCreateDialog } from './user-create.dialog';
import { UserStatusDialog } from './user-status.dialog';
import { UsersFilters } from './users-filters';
import { UsersList } from './users-list';
import { USERS_PAGE_SIZE, useReinviteUser, useUsers, type UserCreated } from './users.queries';
import { useUserErrorText } from './user-error-text';

/** Administration → Users: find people, add them, change roles, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const canWrite = roleCan(me.role, 'users.write');
  const [filters, setFilters] = useUserFilters();
  const users = useUsers(filters);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [createOpened, createDialog] = useDisclosure(false);
  const [invited, setInvited] = useState<UserCreated | null>(null);
  const [statusTarget, setStatusTarget] = useState<User | null>(null);

  // A page past the end (an old link, or the last person on it filtered away): go to the last page.
  const total = users.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  useEffect(() => {
    if (users.isSuccess && filters.page > lastPage) setFilters({ page: lastPage });
  }, [users.isSuccess, filters.page, lastPage, setFilters]);

  const reinvite = useReinviteUser();
  const errorText = useUserErrorText();
  const onReinvite = (user: User) =>
    reinvite.mutate(user.id, {
      onSuccess: setInvited,
      onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
    });

  const onCreated = (created: UserCreated) => {
    notifications.show({ color: 'teal', message: t('userCreate.created', { name: created.user.name }) });
    if (created.invite_url) setInvited(created);
  };

  const filtered = !!(filters.q || filters.role || filters.status);
  const addButton = canWrite && (
    <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={createDialog.open}>
      {t('users.create')}
    </Button>
  );

  let body;
  if (users.isPending) body = <LoadingRows rows={6} height={narrow ? 110 : 52} />;
  else if (users.isError) body = <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  else if (users.data.items.length === 0) {
    body = filtered ? (
      <EmptyBlock message={t('users.empty')} icon={<IconUsers size={32} aria-hidden />} />
    ) : (
      <EmptyBlock
        message={t('users.emptyAll')}
        icon={<IconUsers size={32} aria-hidden />}
        action={addButton}
      />
    );
  } else {
    const pages = lastPage;
    body = (
      <>
        <UsersList
          users={users.data.items}
          selfId={me.id}
          canWrite={canWrite}
          canReadAudit={roleCan(me.role, 'audit.read')}
          narrow={narrow}
          onToggleStatus={setStatusTarget}
          onReinvite={onReinvite}
        />
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.total', { count: format.number(users.data.total) })}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(filters.page, pages)}
              onChange={(page) => setFilters({ page })}
              aria-label={t('users.pagination')}
              getItemProps={(page) => ({ 'aria-label': t('users.page', { page }) })}
              getControlProps={(control) =>
                control === 'next'
                  ? { 'aria-label': t('users.nextPage') }
                  : control === 'previous'
                    ? { 'aria-label': t('users.previousPage') }
                    : {}
              }
              size="sm"
            />
          )}
        </Group>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        action={users.data?.items.length === 0 && !filtered ? undefined : addButton}
      />
      <UsersFilters filters={filters} onChange={setFilters} />
      <div aria-busy={users.isFetching}>{body}</div>
      <UserCreateDialog opened={createOpened} onClose={createDialog.close} onCreated={onCreated} />
      <InviteLinkDialog created={invited} onClose={() => setInvited(null)} />
      <UserStatusDialog user={statusTarget} onClose={() => setStatusTarget(null)} />
    </>
  );
}
