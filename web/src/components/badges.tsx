import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src/core/roles';
import type { UserStatus } from '../../../src/contract/user.schema';

const STATUS_COLOR: Record<UserStatus, string> = { active: 'teal', invited: 'blue', deactivated: 'gray' };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" miw="max-content">
      {t(`userStatus.${status}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={role === 'admin' ? 'grape' : 'indigo'} variant="outline" miw="max-content">
      {t(`roles.${role}`)}
    </Badge>
  );
}
