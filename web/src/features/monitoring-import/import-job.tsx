import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from '../../../../src/contract/monitoring.schema';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { formatBytes } from './import-file';
import { rejectedCsvUrl, useJob } from './monitoring-import.queries';

export const JOB_COLOR: Record<Job['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
};

export function JobStatusBadge({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <Badge color={JOB_COLOR[job.status]} variant="light">
      {t(`monitoringImport.status.${job.status}`)}
    </Badge>
  );
}

/** created / updated / unchanged / rejected, as four figures. */
export function JobCounts({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const figures = [
    ['created', job.counts.created, 'teal'],
    ['updated', job.counts.updated, 'blue'],
    ['unchanged', job.counts.unchanged, 'gray'],
    ['rejected', job.counts.rejected_count, 'red'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="import-counts">
      {figures.map(([key, value, color]) => (
        <Paper key={key} withBorder p="xs" radius="sm">
          <Text size="xs" c="dimmed">
            {t(`monitoringImport.counts.${key}`)}
          </Text>
          <Text fw={700} size="xl" c={value ? `${color}.8` : undefined} data-testid={`count-${key}`}>
            {number(value ?? 0)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * One import as it runs on the server (polled every second), then its report: the counts, the
 * rejected records as CSV, the way to the dashboard. Leaving the page does not stop it.
 */
export function ImportJob({ jobId, onAnother }: { jobId: string; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const job = useJob(jobId);
  if (job.isPending) return <LoadingRows rows={3} height={60} />;
  if (job.isError) return <LoadError error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const finished = j.status === 'done' || j.status === 'failed';
  const percent = j.total > 0 ? Math.min(100, Math.round((j.done / j.total) * 100)) : 0;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="import-job-title"
      data-testid="import-job"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Title order={2} size="h4" id="import-job-title">
              {finished ? t('monitoringImport.job.reportTitle') : t('monitoringImport.job.runningTitle')}
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {j.title}
            </Text>
          </div>
          <JobStatusBadge job={j} />
        </Group>

        {!finished && (
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" id="import-processing-label">
                {j.status === 'queued'
                  ? t('monitoringImport.job.queued')
                  : t('monitoringImport.job.processing')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('monitoringImport.job.bytes', {
                  done: formatBytes(j.done, lng),
                  total: formatBytes(j.total, lng),
                })}
              </Text>
            </Group>
            <Progress
              value={percent}
              animated={j.status === 'running'}
              aria-labelledby="import-processing-label"
              size="lg"
            />
            <Text size="xs" c="dimmed">
              {t('monitoringImport.job.canLeave')}
            </Text>
          </Stack>
        )}

        {j.status === 'failed' && (
          <Alert color="red" variant="light" role="alert" title={t('monitoringImport.job.failed')}>
            {j.error ?? t('monitoringImport.job.failedUnknown')}
          </Alert>
        )}

        <JobCounts job={j} />

        {finished && (
          <Group gap="sm" wrap="wrap">
            {(j.counts.rejected_count ?? 0) > 0 && (
              <Button
                component="a"
                href={rejectedCsvUrl(j.id)}
                download
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('monitoringImport.job.downloadRejected')}
              </Button>
            )}
            <Button component={Link} to="/monitoring" rightSection={<IconArrowRight size={18} aria-hidden />}>
              {t('monitoringImport.job.toDashboard')}
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={onAnother}>
              {t('monitoringImport.job.another')}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
