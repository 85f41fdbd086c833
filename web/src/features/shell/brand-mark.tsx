import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconRuler2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product name with its mark: "Etalon" in English, "Эталон" in Russian. */
export function BrandMark() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
        <IconRuler2 size={18} />
      </ThemeIcon>
      <Text fw={700} size="lg" data-testid="brand">
        {t('app.name')}
      </Text>
    </Group>
  );
}
