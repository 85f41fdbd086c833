import { Badge, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/contract/user.schema';
import { UserStatusBadge } from '../../components/badges';
import { useFormat } from '../../i18n/use-format';
import { UserActionsMenu } from './user-actions.menu';
import { UserRoleControl } from './user-role.control';

interface UsersListProps {
  users: User[];
  selfId: string;
  canWrite: boolean;
  canReadAudit: boolean;
  narrow: boolean;
  onToggleStatus: (user: User) => void;
  onReinvite: (user: User) => void;
}

function NameCell({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} c={user.status === 'deactivated' ? 'dimmed' : undefined}>
          {user.name}
        </Text>
        {self && (
          <Badge size="xs" variant="dot">
            {t('users.self')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {user.email}
      </Text>
    </Stack>
  );
}

/** People as a table on wide screens and as cards on phones; one row or card per person. */
export function UsersList({
  users,
  selfId,
  canWrite,
  canReadAudit,
  narrow,
  onToggleStatus,
  onReinvite,
}: UsersListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const actions = (user: User) => (
    <UserActionsMenu
      user={user}
      self={user.id === selfId}
      canWrite={canWrite}
      canReadAudit={canReadAudit}
      onToggleStatus={onToggleStatus}
      onReinvite={onReinvite}
    />
  );

  if (narrow) {
    return (
      <Stack gap="sm" data-testid="users-cards">
        {users.map((user) => (
          <Paper key={user.id} withBorder p="sm" radius="md" data-testid="user-row" data-email={user.email}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <NameCell user={user} self={user.id === selfId} />
              {actions(user)}
            </Group>
            <Group gap="xs" mt="sm" justify="space-between">
              <UserRoleControl user={user} editable={canWrite} self={user.id === selfId} />
              <UserStatusBadge status={user.status} />
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t('users.colLastLogin')}: {format.dateTime(user.last_login_at, t('common.never'))}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.colName')}</Table.Th>
            <Table.Th>{t('users.colRole')}</Table.Th>
            <Table.Th>{t('users.colStatus')}</Table.Th>
            <Table.Th>{t('users.colLastLogin')}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t('users.colActions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
              <Table.Td>
                <NameCell user={user} self={user.id === selfId} />
              </Table.Td>
              <Table.Td>
                <UserRoleControl user={user} editable={canWrite} self={user.id === selfId} />
              </Table.Td>
              <Table.Td>
                <UserStatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(user.last_login_at, t('common.never'))}</Text>
              </Table.Td>
              <Table.Td>{actions(user)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
