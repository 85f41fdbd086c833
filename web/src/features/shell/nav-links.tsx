import { NavLink, Stack, Text } from '@mantine/core';
import { IconHome, IconScale } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { IconFlag } from '@tabler/icons-react';
import { roleCan } from '../../../../src/core/permissions';
import { useCurrentUser } from '../auth/session.queries';
import { CAPABILITIES } from '../capabilities/capabilities';
import { useAdminPages } from './use-admin-pages';

function Item({
  to,
  label,
  icon: Icon,
  onNavigate,
}: {
  to: string;
  label: string;
  icon: Icon;
  onNavigate: () => void;
}) {
  const { pathname } = useLocation();
  const active = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={RouterLink}
      to={to}
      end={to === '/'}
      label={label}
      leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
      active={active}
      onClick={onNavigate}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** The capability map as navigation; Administration lists only what the role may open. */
export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const adminPages = useAdminPages();
  const canCalibrate = roleCan(useCurrentUser().role, 'audits.write');
  return (
    <Stack gap={2}>
      <Item to="/" label={t('nav.home')} icon={IconHome} onNavigate={onNavigate} />
      {/* Follow-ups from failed audit items (issue 7): one's own tasks, for everyone. */}
      <Item to="/follow-ups" label={t('followUps.nav')} icon={IconFlag} onNavigate={onNavigate} />
      {CAPABILITIES.map((c) => [
        <Item key={c.key} to={c.path} label={t(`nav.${c.key}`)} icon={c.icon} onNavigate={onNavigate} />,
        // Calibration sessions (issue 7) sit under Audits, for people who can write audits.
        c.key === 'audits' && canCalibrate && (
          <Item
            key="calibration"
            to="/calibration"
            label={t('calibration.nav')}
            icon={IconScale}
            onNavigate={onNavigate}
          />
        ),
      ])}
      {adminPages.length > 0 && (
        <>
          <Text id="nav-admin" size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            {t('nav.admin')}
          </Text>
          <Stack gap={2} role="group" aria-labelledby="nav-admin">
            {adminPages.map((p) => (
              <Item key={p.key} to={p.path} label={t(`nav.${p.key}`)} icon={p.icon} onNavigate={onNavigate} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
