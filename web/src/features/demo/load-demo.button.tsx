import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { roleCan } from '../../../../src/core/permissions';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentUser } from '../auth/session.queries';
import { useLoadDemo } from './demo.queries';

/**
 * "Load the demo organization", for the empty states of the organization and grid pages. Shown
 * only to roles that may edit both; the server refuses anyone else and any non-empty organization.
 */
export function LoadDemoButton() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const load = useLoadDemo();
  const { errorText } = useErrorText();
  if (!roleCan(user.role, 'org.write') || !roleCan(user.role, 'grid.write')) return null;
  return (
    <Button
      variant="light"
      leftSection={<IconSparkles size={16} aria-hidden />}
      loading={load.isPending}
      onClick={() =>
        load.mutate(undefined, {
          onSuccess: (report) => notifications.show({ color: 'teal', message: t('demo.loaded', report) }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: t('errors.title'),
              // The one conflict here: the organization already has units of its own.
              message: isApiError(error) && error.code === 'conflict' ? t('demo.notEmpty') : errorText(error),
            }),
        })
      }
    >
      {t('demo.load')}
    </Button>
  );
}
