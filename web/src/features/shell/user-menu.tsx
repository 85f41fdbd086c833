import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLock, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../auth/session.queries';
import { PasswordDialog } from '../me/password.dialog';
import { ProfileDialog } from '../me/profile.dialog';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** Who is signed in, and their own things: profile, password, signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const [profileOpened, profile] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifications.show({ color: 'teal', message: t('userMenu.signedOut') });
        void navigate('/login', { replace: true });
      },
    });

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('userMenu.label')}
            data-testid="user-menu"
            style={{ borderRadius: 8 }}
            p={4}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="indigo" aria-hidden>
                {initials(user.name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                {user.name}
              </Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email} · {t(`roles.${user.role}`)}
            </Text>
          </Menu.Label>
          <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={profile.open}>
            {t('userMenu.profile')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={password.open}>
            {t('userMenu.password')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={signOut}
            data-testid="sign-out"
          >
            {t('userMenu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ProfileDialog opened={profileOpened} onClose={profile.close} />
      <PasswordDialog opened={passwordOpened} onClose={password.close} />
    </>
  );
}
