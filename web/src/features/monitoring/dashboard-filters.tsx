import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src/contract/interaction-record.schema';
import type { SummaryResponse } from '../../../../src/contract/monitoring.schema';
import { QUICK_RANGES, quickRange, quickRangeOf, validDay, type MonitoringFilters } from './filters';
import { useMonitoringNames } from './monitoring-labels';
import { treeOrder } from './unit-tree';

/** The range (quick choices or two days), the unit subtree, the channel and the standard. */
export function DashboardFilters({
  filters,
  onChange,
  summary,
}: {
  filters: MonitoringFilters;
  onChange: (next: MonitoringFilters) => void;
  summary: SummaryResponse | undefined;
}) {
  const { t } = useTranslation();
  const { unitName, standardTitle } = useMonitoringNames();
  const today = new Date();
  const chosen = quickRangeOf(filters, today);
  const units = useMemo(() => treeOrder(summary?.units ?? []), [summary?.units]);
  const depth = useMemo(() => new Map(units.map(({ unit, depth }) => [unit.code, depth])), [units]);
  const unitData = units.map(({ unit }) => ({ value: unit.code, label: `${unitName(unit)} (${unit.code})` }));
  // A unit in the URL that this answer does not list (not loaded yet, or not visible) stays chosen.
  if (filters.unit && !depth.has(filters.unit)) unitData.push({ value: filters.unit, label: filters.unit });
  const standardData = (summary?.standards ?? []).map((s) => ({
    value: s.code,
    label: `${s.code} — ${standardTitle(s)}`,
  }));
  if (filters.standard && !standardData.some((s) => s.value === filters.standard))
    standardData.push({ value: filters.standard, label: filters.standard });
  const setDay = (key: 'from' | 'to', text: string) => {
    const day = validDay(text);
    if (day) onChange({ ...filters, [key]: day });
  };
  return (
    <Group
      gap="sm"
      align="flex-end"
      wrap="wrap"
      mb="md"
      role="search"
      aria-label={t('monitoring.filters.label')}
    >
      <Group gap={4} wrap="wrap" role="group" aria-label={t('monitoring.filters.quick')}>
        {QUICK_RANGES.map((choice) => (
          <Button
            key={choice}
            size="xs"
            variant={chosen === choice ? 'filled' : 'default'}
            aria-pressed={chosen === choice}
            onClick={() => onChange({ ...filters, ...quickRange(choice, today) })}
          >
            {t(`monitoring.filters.range.${choice}`)}
          </Button>
        ))}
      </Group>
      <Group gap={6} wrap="nowrap" align="flex-end">
        <TextInput
          type="date"
          size="xs"
          label={t('monitoring.filters.from')}
          value={filters.from}
          max={filters.to}
          onChange={(e) => setDay('from', e.currentTarget.value)}
          w={140}
        />
        <Text size="xs" c="dimmed" pb={6} aria-hidden>
          –
        </Text>
        <TextInput
          type="date"
          size="xs"
          label={t('monitoring.filters.to')}
          value={filters.to}
          min={filters.from}
          onChange={(e) => setDay('to', e.currentTarget.value)}
          w={140}
        />
      </Group>
      <Select
        size="xs"
        label={t('monitoring.filters.unit')}
        placeholder={t('monitoring.filters.allUnits')}
        data={unitData}
        value={filters.unit}
        onChange={(unit) => onChange({ ...filters, unit })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        nothingFoundMessage={t('monitoring.filters.nothingFound')}
        renderOption={({ option }) => (
          <Text size="sm" pl={Math.min(depth.get(option.value) ?? 0, 6) * 12}>
            {option.label}
          </Text>
        )}
        w={{ base: '100%', xs: 220 }}
        data-testid="filter-unit"
      />
      <Select
        size="xs"
        label={t('monitoring.filters.channel')}
        placeholder={t('monitoring.filters.allChannels')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`standards.channels.${c}`) }))}
        value={filters.channel}
        onChange={(channel) => onChange({ ...filters, channel: channel as MonitoringFilters['channel'] })}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={{ base: '100%', xs: 150 }}
        data-testid="filter-channel"
      />
      <Select
        size="xs"
        label={t('monitoring.filters.standard')}
        placeholder={t('monitoring.filters.allStandards')}
        data={standardData}
        value={filters.standard}
        onChange={(standard) => onChange({ ...filters, standard, trend: standard ?? filters.trend })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        nothingFoundMessage={t('monitoring.filters.nothingFound')}
        w={{ base: '100%', xs: 260 }}
        data-testid="filter-standard"
      />
    </Group>
  );
}
