import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconHistory, IconMailForward, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../../src/contract/user.schema';

interface UserActionsMenuProps {
  user: User;
  self: boolean;
  canWrite: boolean;
  canReadAudit: boolean;
  onToggleStatus: (user: User) => void;
  onReinvite: (user: User) => void;
}

/** Per-person actions: a new invitation link, deactivate or reactivate (never delete), their change history. */
export function UserActionsMenu({
  user,
  self,
  canWrite,
  canReadAudit,
  onToggleStatus,
  onReinvite,
}: UserActionsMenuProps) {
  const { t } = useTranslation();
  if (!canWrite && !canReadAudit) return null;
  const deactivated = user.status === 'deactivated';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {canWrite && user.status === 'invited' && (
          <Menu.Item leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => onReinvite(user)}>
            {t('users.reinvite')}
          </Menu.Item>
        )}
        {canWrite &&
          (deactivated ? (
            <Menu.Item
              leftSection={<IconUserCheck size={16} aria-hidden />}
              onClick={() => onToggleStatus(user)}
            >
              {t('users.reactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item
              color="red"
              leftSection={<IconUserOff size={16} aria-hidden />}
              disabled={self}
              onClick={() => onToggleStatus(user)}
            >
              {self ? `${t('users.deactivate')} (${t('users.self')})` : t('users.deactivate')}
            </Menu.Item>
          ))}
        {canReadAudit && (
          <Menu.Item
            component={Link}
            to={`/admin/audit?entity=user&entity_id=${user.id}`}
            leftSection={<IconHistory size={16} aria-hidden />}
          >
            {t('users.history')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
