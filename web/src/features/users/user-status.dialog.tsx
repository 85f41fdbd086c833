import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/contract/user.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { useUserErrorText } from './user-error-text';
import { useUpdateUser } from './users.queries';
import { useLastShown } from '../../components/use-last-shown';

/** Confirms deactivating (signs the person out at once) or reactivating someone. */
export function UserStatusDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const errorText = useUserErrorText();
  const { reset } = update;
  useEffect(() => reset(), [user, reset]);
  const target = useLastShown(user);
  if (!target) return null;

  const reactivate = target.status === 'deactivated';
  const name = target.name;
  return (
    <ConfirmDialog
      opened={user !== null}
      title={t(reactivate ? 'users.reactivateTitle' : 'users.deactivateTitle', { name })}
      body={t(reactivate ? 'users.reactivateBody' : 'users.deactivateBody', { name })}
      confirmLabel={t(reactivate ? 'users.reactivate' : 'users.deactivate')}
      color={reactivate ? 'teal' : 'red'}
      loading={update.isPending}
      error={update.isError ? errorText(update.error) : null}
      onClose={onClose}
      onConfirm={() =>
        update.mutate(
          { id: target.id, status: reactivate ? 'active' : 'deactivated' },
          {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                message: t(reactivate ? 'users.reactivated' : 'users.deactivated', { name }),
              });
              onClose();
            },
          },
        )
      }
    />
  );
}
