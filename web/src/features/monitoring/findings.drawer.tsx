import { Anchor, Badge, Drawer, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SummaryCell } from '../../../../src/contract/monitoring.schema';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import type { MonitoringFilters } from './filters';
import { percent } from './heat';
import { FINDINGS_PAGE, useFindings } from './monitoring.queries';

/**
 * The drill-down of one heatmap cell: the records that failed the standard in that unit (with
 * everything below it) over the range, newest first as the server orders them, each with its reason
 * and a link to the record.
 */
export function FindingsDrawer({
  cell,
  summaryCell,
  unitLabel,
  standardLabel,
  filters,
  onClose,
}: {
  cell: { unit: string; standard: string } | null;
  summaryCell: SummaryCell | undefined;
  unitLabel: string;
  standardLabel: string;
  filters: MonitoringFilters;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [cell?.unit, cell?.standard]);
  const findings = useFindings(cell, filters, page);
  const pages = Math.max(1, Math.ceil((findings.data?.total ?? 0) / FINDINGS_PAGE));
  const channelFilter = filters.channel;
  return (
    <Drawer
      opened={!!cell}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={
        <Stack gap={0}>
          <Text fw={600}>{t('monitoring.findings.title', { standard: standardLabel })}</Text>
          <Text size="sm" c="dimmed">
            {unitLabel} · {filters.from} – {filters.to}
            {channelFilter ? ` · ${t(`standards.channels.${channelFilter}`)}` : ''}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="findings-drawer"
    >
      {summaryCell && (
        <Text size="sm" mb="md">
          {summaryCell.compliance !== null &&
            `${t('monitoring.heat.compliance', { value: percent(summaryCell.compliance), target: percent(summaryCell.target) })}. `}
          {t('monitoring.heat.counts', {
            pass: number(summaryCell.pass),
            fail: number(summaryCell.fail),
            na: number(summaryCell.na),
            pending: number(summaryCell.pending),
          })}
        </Text>
      )}
      {findings.isPending ? (
        <LoadingRows rows={6} height={72} />
      ) : findings.isError ? (
        <LoadError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : findings.data.items.length === 0 ? (
        <EmptyBlock
          message={t('monitoring.findings.none')}
          icon={<IconCircleCheck size={32} aria-hidden />}
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('monitoring.findings.total', {
              count: findings.data.total,
              shown: number(findings.data.total),
            })}
          </Text>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {findings.data.items.map((f) => (
              <Paper
                key={`${f.interaction_id ?? `audit-${f.audit_id}`}-${f.standard}`}
                component="li"
                withBorder
                p="sm"
                radius="md"
                data-testid="finding"
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={
                      f.audit_id !== null
                        ? `/audits/${encodeURIComponent(f.audit_id)}`
                        : `/monitoring/records/${encodeURIComponent(f.interaction_id ?? '')}`
                    }
                    fw={600}
                    size="sm"
                  >
                    {dateTime(f.started_at)}
                  </Anchor>
                  <Group gap={4}>
                    {f.audit_id !== null && (
                      <Badge variant="light" color="grape" size="sm">
                        {t('monitoring.findings.fromAudit')}
                      </Badge>
                    )}
                    <Badge variant="light" color="gray" size="sm">
                      {t(`standards.channels.${f.channel}`)}
                    </Badge>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed" mt={2}>
                  {f.unit}
                  {f.employee ? ` · ${f.employee}` : ''} ·{' '}
                  {f.interaction_id ?? t('monitoring.findings.auditRef')} · v{f.version}
                </Text>
                <Text size="sm" mt={6}>
                  {f.reason}
                </Text>
              </Paper>
            ))}
          </Stack>
          {pages > 1 && (
            <Pagination
              value={page}
              onChange={setPage}
              total={pages}
              size="sm"
              siblings={phone ? 0 : 1}
              getControlProps={(control) => ({
                'aria-label': t(`monitoring.findings.page.${control}`),
              })}
              getItemProps={(p) => ({ 'aria-label': t('monitoring.findings.page.number', { page: p }) })}
            />
          )}
        </Stack>
      )}
    </Drawer>
  );
}
