import { Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TypeLook } from './grid-labels';

/** What the abbreviations, tints and marks of the matrix mean. */
export function GridLegend({ looks }: { looks: Map<string, TypeLook> }) {
  const { t } = useTranslation();
  const types = [...looks.values()].filter((l) => !l.archived);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      mt="sm"
      component="section"
      aria-label={t('grid.legend.title')}
      data-testid="grid-legend"
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
        {t('grid.legend.title')}
      </Text>
      <Group gap="md" style={{ rowGap: 6 }}>
        {types.map((l) => (
          <Group key={l.id} gap={6} wrap="nowrap">
            <span
              className="grid-badge"
              style={{ background: `var(--mantine-color-${l.color}-filled)` }}
              aria-hidden
            >
              {l.abbr}
            </span>
            <Text size="sm">{l.label}</Text>
          </Group>
        ))}
      </Group>
      <Group gap="md" style={{ rowGap: 6 }} mt="xs">
        {[1, 2, 3].map((n) => (
          <Group key={n} gap={6} wrap="nowrap">
            <span className={`grid-tint-swatch grid-tint-${n}`} aria-hidden />
            <Text size="sm">{n < 3 ? t('grid.legend.tint', { count: n }) : t('grid.legend.tintMore')}</Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <span className="grid-gap-mark">
            <IconAlertTriangle size={14} aria-hidden />
          </span>
          <Text size="sm">{t('grid.legend.gap')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <span className="grid-tint-swatch grid-cell-self" aria-hidden />
          <Text size="sm">{t('grid.legend.self')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconUser size={14} aria-hidden />
          <Text size="sm">{t('grid.legend.employee')}</Text>
        </Group>
      </Group>
    </Paper>
  );
}
