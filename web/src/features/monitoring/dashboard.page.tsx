import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconChartLine, IconFileImport } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { roleCan } from '../../../../src/core/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { trendGrain } from './chart-scale';
import { DashboardFilters } from './dashboard-filters';
import { parseFilters, serializeFilters, type MonitoringFilters } from './filters';
import { FindingsDrawer } from './findings.drawer';
import { Heatmap, HeatLegend } from './heatmap';
import { useMonitoringNames } from './monitoring-labels';
import { useSummary, useTrend } from './monitoring.queries';
import { RejudgeBanner } from './rejudge.banner';
import { TrendChart } from './trend-chart';
import { subtreeCodes, treeOrder } from './unit-tree';
import './monitoring.css';

/**
 * The monitoring dashboard: units × standards coloured against target over a range, each cell
 * opening its failed records, and one standard's trend. The filters live in the URL so a view can
 * be shared; the server scopes what a person sees (a head their units, staff their own records).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params, new Date()), [params]);
  const setFilters = (next: MonitoringFilters) => setParams(serializeFilters(next), { replace: true });
  const summary = useSummary(filters);
  const { unitName, standardTitle } = useMonitoringNames();
  const [openCell, setOpenCell] = useState<{ unit: string; standard: string } | null>(null);
  const trendRef = useRef<HTMLElement>(null);

  const data = summary.data;
  const units = useMemo(() => {
    const all = data?.units ?? [];
    const keep = filters.unit ? subtreeCodes(all, filters.unit) : null;
    return treeOrder(keep ? all.filter((u) => keep.has(u.code)) : all);
  }, [data?.units, filters.unit]);
  const standards = useMemo(
    () => (data?.standards ?? []).filter((s) => !filters.standard || s.code === filters.standard),
    [data?.standards, filters.standard],
  );
  const trendCode =
    (filters.trend && data?.standards.some((s) => s.code === filters.trend) ? filters.trend : null) ??
    standards[0]?.code ??
    null;
  const trendStandard = data?.standards.find((s) => s.code === trendCode);
  const titleOf = (code: string) => {
    const s = data?.standards.find((x) => x.code === code);
    return s ? `${code} ${standardTitle(s)}` : code;
  };
  const grain = trendStandard ? trendGrain(trendStandard.period, filters.from, filters.to) : undefined;
  const trend = useTrend(filters, trendCode, grain);
  const recorded = (data?.cells ?? []).some((c) => c.pass + c.fail + c.na + c.pending > 0);
  const canImport = roleCan(me.role, 'monitoring.manage');
  const cellOf = (c: { unit: string; standard: string } | null) =>
    c ? data?.cells.find((x) => x.unit === c.unit && x.standard === c.standard) : undefined;
  const openUnit = openCell ? data?.units.find((u) => u.code === openCell.unit) : undefined;
  const openStandard = openCell ? data?.standards.find((s) => s.code === openCell.standard) : undefined;

  return (
    <>
      <PageHeader title={t('monitoring.dashboard.title')} intro={t('monitoring.dashboard.intro')} />
      <RejudgeBanner />
      <DashboardFilters filters={filters} onChange={setFilters} summary={data} />
      {summary.isPending ? (
        <LoadingRows rows={6} height={40} />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : data!.standards.length === 0 ? (
        <EmptyBlock
          message={t('monitoring.dashboard.noStandards')}
          action={
            <Button component={Link} to="/standards" variant="default">
              {t('monitoring.dashboard.toStandards')}
            </Button>
          }
        />
      ) : !recorded ? (
        <EmptyBlock
          message={t(canImport ? 'monitoring.dashboard.emptyManager' : 'monitoring.dashboard.empty')}
          icon={<IconFileImport size={32} aria-hidden />}
          action={
            canImport ? (
              <Button
                component={Link}
                to="/monitoring/import"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('monitoring.dashboard.toImport')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Stack gap="lg">
          <section aria-labelledby="heatmap-title">
            <Group justify="space-between" align="baseline" mb="xs" gap="xs">
              <Title order={2} size="h4" id="heatmap-title">
                {t('monitoring.heat.title')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('monitoring.heat.hint')}
              </Text>
            </Group>
            {units.length === 0 || standards.length === 0 ? (
              <EmptyBlock message={t('monitoring.heat.nothingMatches')} />
            ) : (
              <Heatmap
                units={units}
                standards={standards}
                cells={data!.cells}
                minJudged={data!.min_judged}
                trendStandard={trendCode}
                onChooseStandard={(code) => {
                  setFilters({ ...filters, trend: code });
                  trendRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
                }}
                onOpenCell={setOpenCell}
              />
            )}
            <HeatLegend minJudged={data!.min_judged} />
          </section>
          <Paper
            ref={trendRef}
            component="section"
            withBorder
            radius="md"
            p="md"
            aria-labelledby="trend-title"
          >
            <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
              <Stack gap={0}>
                <Title order={2} size="h4" id="trend-title">
                  {t('monitoring.trend.title')}
                </Title>
                {trendStandard && (
                  <Text size="sm" c="dimmed">
                    {trendStandard.code} — {standardTitle(trendStandard)}
                    {filters.unit
                      ? ` · ${unitName(data!.units.find((u) => u.code === filters.unit) ?? { code: filters.unit, name_ru: null, name_en: null })}`
                      : ''}
                  </Text>
                )}
              </Stack>
              <Select
                size="xs"
                label={t('monitoring.trend.choose')}
                data={data!.standards.map((s) => ({
                  value: s.code,
                  label: `${s.code} — ${standardTitle(s)}`,
                }))}
                value={trendCode}
                onChange={(code) => code && setFilters({ ...filters, trend: code })}
                allowDeselect={false}
                w={{ base: '100%', xs: 280 }}
                data-testid="trend-standard"
              />
            </Group>
            {!trendCode ? null : trend.isPending ? (
              <LoadingRows rows={1} height={260} />
            ) : trend.isError ? (
              <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
            ) : trend.data.points.length === 0 ? (
              <EmptyBlock
                message={t('monitoring.trend.empty')}
                icon={<IconChartLine size={32} aria-hidden />}
              />
            ) : (
              <div style={{ opacity: trend.isPlaceholderData ? 0.5 : 1 }} aria-busy={trend.isPlaceholderData}>
                <TrendChart trend={trend.data} title={titleOf(trend.data.standard)} />
              </div>
            )}
          </Paper>
          <Text size="xs" c="dimmed">
            {t('monitoring.dashboard.scope')}{' '}
            {canImport && (
              <Anchor component={Link} to="/monitoring/import" size="xs">
                {t('monitoring.dashboard.toImport')}
              </Anchor>
            )}
          </Text>
        </Stack>
      )}
      <FindingsDrawer
        cell={openCell}
        summaryCell={cellOf(openCell)}
        unitLabel={openUnit ? unitName(openUnit) : (openCell?.unit ?? '')}
        standardLabel={
          openStandard ? `${openStandard.code} ${standardTitle(openStandard)}` : (openCell?.standard ?? '')
        }
        filters={filters}
        onClose={() => setOpenCell(null)}
      />
    </>
  );
}
