import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/use-document-title';
import { BrandMark } from '../shell/brand-mark';
import { LanguageSwitch } from '../shell/language-switch';

/** The frame of the pages seen before signing in: the brand, the language control and one card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" py="md">
      <Container size={460} px="md">
        <Group justify="space-between" mb="xl" component="header">
          <BrandMark />
          <LanguageSwitch />
        </Group>
        <Paper component="main" withBorder shadow="sm" radius="md" p={{ base: 'md', xs: 'xl' }}>
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="lg">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
