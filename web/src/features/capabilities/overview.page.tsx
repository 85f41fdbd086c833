import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useAdminPages } from '../shell/use-admin-pages';
import { CAPABILITIES } from './capabilities';

/** The landing page after sign-in: the whole capability map at a glance. */
export function OverviewPage() {
  const { t } = useTranslation();
  const adminPages = useAdminPages();
  const cards = [
    ...CAPABILITIES.map((c) => ({ key: c.key, path: c.path, icon: c.icon })),
    ...(adminPages[0] ? [{ key: 'admin' as const, path: adminPages[0].path, icon: IconSettings }] : []),
  ];
  return (
    <>
      <PageHeader title={t('capabilities.overview.title')} intro={t('capabilities.overview.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {cards.map(({ key, path, icon: Icon }) => (
          <Card key={key} withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon size={36} radius="md" variant="light" aria-hidden>
                  <Icon size={20} />
                </ThemeIcon>
                <Title order={2} size="h4">
                  {t(`capabilities.${key}.title`)}
                </Title>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={4} style={{ flex: 1 }}>
                {t(`capabilities.${key}.body`)}
              </Text>
              <Anchor component={Link} to={path} size="sm" fw={500}>
                {t('capabilities.overview.open')}: {t(`capabilities.${key}.title`)}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
