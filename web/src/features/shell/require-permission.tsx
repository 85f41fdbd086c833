import type { ReactNode } from 'react';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../components/message-page';
import { roleCan, type Permission } from '../../../../src/core/permissions';
import { useCurrentUser } from '../auth/session.queries';

/** A page someone reached by its address although their role may not see it. */
export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <MessagePage
      icon={<IconLock size={32} aria-hidden />}
      title={t('states.forbiddenTitle')}
      message={t('states.forbidden')}
      testId="forbidden"
    />
  );
}

/** Shows the page only to roles holding the permission; the server checks again regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useCurrentUser();
  return roleCan(user.role, permission) ? children : <ForbiddenState />;
}
