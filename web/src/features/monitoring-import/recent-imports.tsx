import { Anchor, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { JobStatusBadge } from './import-job';
import { rejectedCsvUrl, useImportJobs } from './monitoring-import.queries';

/** Recent imports, newest first, with status and counts; one opens its report. */
export function RecentImports() {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const jobs = useImportJobs();
  let body;
  if (jobs.isPending) body = <LoadingRows rows={3} height={56} />;
  else if (jobs.isError) body = <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />;
  else if (jobs.data.items.length === 0)
    body = (
      <EmptyBlock message={t('monitoringImport.recent.empty')} icon={<IconHistory size={32} aria-hidden />} />
    );
  else
    body = (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {jobs.data.items.slice(0, 20).map((job) => {
          const c = job.counts;
          const running = job.status === 'running' || job.status === 'queued';
          return (
            <Paper key={job.id} component="li" withBorder p="sm" radius="sm" data-testid="recent-import">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`?job=${job.id}`}
                    fw={600}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {job.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {dateTime(job.created_at)}
                  </Text>
                </Stack>
                <JobStatusBadge job={job} />
              </Group>
              {running ? (
                <Progress
                  mt="xs"
                  value={job.total > 0 ? (job.done / job.total) * 100 : 0}
                  aria-label={t('monitoringImport.job.processing')}
                />
              ) : (
                <Text size="xs" mt={4}>
                  {t('monitoringImport.recent.counts', {
                    created: number(c.created ?? 0),
                    updated: number(c.updated ?? 0),
                    unchanged: number(c.unchanged ?? 0),
                    rejected: number(c.rejected_count ?? 0),
                  })}
                  {(c.rejected_count ?? 0) > 0 && (
                    <>
                      {' · '}
                      <Anchor href={rejectedCsvUrl(job.id)} download size="xs">
                        {t('monitoringImport.recent.rejectedCsv')}
                      </Anchor>
                    </>
                  )}
                </Text>
              )}
              {job.status === 'failed' && job.error && (
                <Text size="xs" c="red.8" mt={4}>
                  {job.error}
                </Text>
              )}
            </Paper>
          );
        })}
      </Stack>
    );
  return (
    <Stack gap="sm" component="section" aria-labelledby="recent-imports-title" mt="xl">
      <Title order={2} size="h4" id="recent-imports-title">
        {t('monitoringImport.recent.title')}
      </Title>
      {body}
    </Stack>
  );
}
