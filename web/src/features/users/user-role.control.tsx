import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/contract/user.schema';
import { isPersonRole, PERSON_ROLES } from '../../../../src/core/roles';
import { RoleBadge } from '../../components/badges';
import { useUserErrorText } from './user-error-text';
import { useUpdateUser } from './users.queries';

/**
 * Changes a person's role right in the list. The select always shows what the server holds: on a
 * refusal (the last administrator, one's own role) it stays put and a notice says why.
 */
export function UserRoleControl({ user, editable, self }: { user: User; editable: boolean; self: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const errorText = useUserErrorText();
  if (!editable) return <RoleBadge role={user.role} />;
  return (
    <Select
      aria-label={t('users.roleOf', { name: user.name })}
      data={PERSON_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      value={user.role}
      allowDeselect={false}
      disabled={self || update.isPending}
      title={self ? t('users.self') : undefined}
      size="xs"
      w={240}
      comboboxProps={{ withinPortal: true }}
      data-testid={`role-select-${user.email}`}
      onChange={(value) => {
        if (!isPersonRole(value) || value === user.role) return;
        update.mutate(
          { id: user.id, role: value },
          {
            onSuccess: (saved) =>
              notifications.show({
                color: 'teal',
                message: t('users.roleChanged', { name: saved.name, role: t(`roles.${saved.role}`) }),
              }),
            onError: (error) =>
              notifications.show({ color: 'red', title: t('errors.title'), message: errorText(error) }),
          },
        );
      }}
    />
  );
}
