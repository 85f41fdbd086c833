import { Alert, Progress, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useActiveRejudging } from './monitoring.queries';
import { rejudgeProgress } from './progress';

/**
 * While records are re-judged after a change of standards, calendars or exclusions: how far it has
 * got (polled every 2 s). The dashboard's numbers refresh when it ends; until then they are the
 * old ones, whole (never half old, half new).
 */
export function RejudgeBanner() {
  const { t } = useTranslation();
  const jobs = useActiveRejudging();
  if (jobs.length === 0) return null;
  const progress = rejudgeProgress(jobs);
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconRefresh size={20} aria-hidden />}
      title={t('monitoring.rejudge.title', { progress })}
      mb="md"
      data-testid="rejudge-banner"
    >
      <Stack gap={6}>
        <Progress value={progress} animated aria-label={t('monitoring.rejudge.progressLabel')} />
        <Text size="xs" c="dimmed">
          {jobs.map((j) => j.title).join(' · ')} — {t('monitoring.rejudge.body')}
        </Text>
      </Stack>
    </Alert>
  );
}
