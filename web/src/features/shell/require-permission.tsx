import type { ReactNode } from 'react';
import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { roleCan, type Permission } from '../../../../src/core/permissions';
import { useCurrentUser } from '../auth/session.queries';

/** A page someone reached by its address although their role may not see it. */
export function ForbiddenState() {
  const { t } = useTranslation();
  useDocumentTitle(t('states.forbiddenTitle'));
  return (
    <EmptyState
      py="xl"
      icon={<IconLock size={32} aria-hidden />}
      withIndicatorBackground
      data-testid="forbidden"
    >
      <EmptyState.Title order={1}>{t('states.forbiddenTitle')}</EmptyState.Title>
      <EmptyState.Description>{t('states.forbidden')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('states.toHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** Shows the page only to roles holding the permission; the server checks again regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useCurrentUser();
  return roleCan(user.role, permission) ? children : <ForbiddenState />;
}
