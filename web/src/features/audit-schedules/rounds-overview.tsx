import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useTemplateTitle } from '../audits/audit-badges';
import { useRounds } from './audit-schedules.queries';
import { STATE_COLOR } from './my-rounds';

const FILTERS = { open: 'due,overdue', missed: 'missed', next: 'scheduled', done: 'done' } as const;
type Filter = keyof typeof FILTERS;

/** Every schedule's rounds by state, for quality leads: who should do what, and what was missed. */
export function RoundsOverview() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 30em)');
  const { dateTime } = useFormat();
  const templateTitle = useTemplateTitle();
  const [filter, setFilter] = useState<Filter>('open');
  const rounds = useRounds(FILTERS[filter]);

  let body;
  if (rounds.isPending) body = <LoadingRows rows={3} height={64} />;
  else if (rounds.isError) body = <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  else if (rounds.data.items.length === 0) body = <EmptyBlock message={t('auditSchedules.rounds.empty')} />;
  else
    body = (
      <Stack
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('auditSchedules.rounds.title')}
      >
        {rounds.data.items.map((r) => (
          <li key={r.id} data-testid="all-round-row">
            <Paper withBorder radius="md" p="sm">
              <Stack gap={2}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {templateTitle(r.template.title, r.template.code)} · {r.unit.code}
                  </Text>
                  <Badge
                    color={STATE_COLOR[r.state]}
                    variant={r.state === 'overdue' ? 'filled' : 'light'}
                    tt="none"
                  >
                    {t(`auditSchedules.mine.state.${r.state}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('auditSchedules.rounds.window', {
                    start: dateTime(r.starts_at),
                    due: dateTime(r.due_at),
                  })}
                </Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('auditSchedules.auditors', {
                    names: (r.assignee ? [r.assignee] : r.auditors).map((a) => a.name).join(', '),
                  })}
                </Text>
                {r.audit && (
                  <Anchor component={Link} to={`/audits/${r.audit.id}`} size="sm">
                    {t('auditSchedules.rounds.openAudit')}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
    );

  return (
    <Stack gap="sm" mt="xl" component="section" aria-labelledby="rounds-title">
      <Title order={2} size="h4" id="rounds-title">
        {t('auditSchedules.rounds.title')}
      </Title>
      <SegmentedControl
        fullWidth
        maw={520}
        // Four states side by side do not fit a phone in Russian: one under another there.
        orientation={phone ? 'vertical' : 'horizontal'}
        size={phone ? 'lg' : 'sm'}
        aria-label={t('auditSchedules.rounds.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={(Object.keys(FILTERS) as Filter[]).map((f) => ({
          value: f,
          label: t(`auditSchedules.rounds.${f}`),
        }))}
      />
      {body}
    </Stack>
  );
}
