import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/use-document-title';
import { CAPABILITIES, type CapabilityKey } from './capabilities';

/**
 * An honest placeholder for a part of Etalon that is not built yet: what will live here, from the
 * product's capability map, and that it is coming.
 */
export function CapabilityPage({ capability }: { capability: CapabilityKey }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`capabilities.${capability}.title`));
  const { icon: Icon } = CAPABILITIES.find((c) => c.key === capability)!;
  return (
    <Stack maw={760} gap="lg">
      <Group gap="md" wrap="nowrap" align="center">
        <ThemeIcon size={52} radius="md" variant="light" aria-hidden>
          <Icon size={30} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t(`capabilities.${capability}.title`)}
          </Title>
          <Badge variant="light" color="orange" w="fit-content" data-testid="coming-soon">
            {t('capabilities.comingSoon')}
          </Badge>
        </Stack>
      </Group>
      <Text size="md" lh={1.6}>
        {t(`capabilities.${capability}.body`)}
      </Text>
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
        <Text size="sm" c="dimmed">
          {t('capabilities.comingSoonBody')}
        </Text>
      </Paper>
    </Stack>
  );
}
