import { Anchor, AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { NotificationsBell } from '../agreement/notifications.bell';
import { BrandMark } from './brand-mark';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

/** The signed-in frame: header, the capability map as navigation (behind a burger on phones), page. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <Anchor href="#main" className="skip-link">
        {t('nav.skip')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <BrandMark />
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationsBell />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea} p="sm">
          <NavLinks onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
