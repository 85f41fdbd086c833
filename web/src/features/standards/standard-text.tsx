import { useMemo } from 'react';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeStandard } from '../../../../src/core/standards/describe';
import type { StandardDefinitionInput } from '../../../../src/core/standards/describe';

/**
 * A standard's measure and target in plain words: in the interface language, or in both side by
 * side (the editor's live preview, so both texts are checked while writing).
 */
export function StandardInWords({
  definition,
  ringSeconds,
  both = false,
}: {
  definition: unknown;
  ringSeconds?: number | undefined;
  both?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const texts = useMemo(() => {
    const def = (definition ?? {}) as StandardDefinitionInput;
    const opts = ringSeconds === undefined ? {} : { ringSeconds };
    const say = (l: 'ru' | 'en') => {
      try {
        return describeStandard(def, l, opts);
      } catch {
        return '…';
      }
    };
    return { ru: say('ru'), en: say('en') };
  }, [definition, ringSeconds]);

  if (!both)
    return (
      <Text size="lg" fw={500} data-testid="standard-in-words">
        {texts[lng]}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="standard-preview" aria-live="polite">
      {(['ru', 'en'] as const).map((l) => (
        <Paper key={l} withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`standards.preview.${l}`)}
            </Text>
            <Text size="sm" lang={l}>
              {texts[l]}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
