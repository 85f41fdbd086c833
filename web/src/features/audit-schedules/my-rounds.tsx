import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AuditRound } from '../../../../src/contract/audit-schedule.schema';
import { isApiError } from '../../api/api-error';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { useTemplateTitle } from '../audits/audit-badges';
import { useMyRounds, useStartRound } from './audit-schedules.queries';
import { groupMyRounds, roundAction } from './rounds';

export const STATE_COLOR = {
  scheduled: 'gray',
  due: 'blue',
  overdue: 'red',
  missed: 'gray',
  done: 'teal',
} as const;

/**
 * "My rounds" on `/audits`: the rounds to do now (due, overdue in red), the next ones and those
 * missed lately, each with "Start" (makes the audit of the round and opens the form) or "Continue".
 */
export function MyRounds() {
  const { t } = useTranslation();
  const rounds = useMyRounds(true);

  let body;
  if (rounds.isPending) body = <LoadingRows rows={2} height={72} />;
  else if (rounds.isError) body = <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  else if (rounds.data.items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('auditSchedules.mine.none')}
      </Text>
    );
  else {
    const { open, next, missed } = groupMyRounds(rounds.data.items);
    body = (
      <Stack gap="md">
        <RoundGroup title={t('auditSchedules.mine.now')} rounds={open} />
        <RoundGroup title={t('auditSchedules.mine.next')} rounds={next} />
        <RoundGroup title={t('auditSchedules.mine.missed')} rounds={missed} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs" mb="xl" component="section" aria-labelledby="my-rounds-title" data-testid="my-rounds">
      <Title order={2} size="h4" id="my-rounds-title">
        {t('auditSchedules.mine.title')}
      </Title>
      {body}
    </Stack>
  );
}

function RoundGroup({ title, rounds }: { title: string; rounds: AuditRound[] }) {
  if (rounds.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} c="dimmed">
        {title}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
        {rounds.map((r) => (
          <li key={r.id}>
            <RoundCard round={r} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function RoundCard({ round }: { round: AuditRound }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { dateTime } = useFormat();
  const navigate = useNavigate();
  const templateTitle = useTemplateTitle();
  const start = useStartRound();
  const name = `${templateTitle(round.template.title, round.template.code)} · ${round.unit.code}`;
  const action = roundAction(round);
  const overdue = round.state === 'overdue';

  const go = () => {
    if (round.audit) {
      void navigate(`/audits/${round.audit.id}`);
      return;
    }
    start.mutate(
      { id: round.id, template_id: round.template.id, unit: round.unit.code },
      {
        onSuccess: (audit) => void navigate(`/audits/${audit.id}`),
        onError: (error) => {
          const details = isApiError(error)
            ? (error.details as { audit_id?: string } | undefined)
            : undefined;
          if (details?.audit_id) {
            notifications.show({ message: t('auditSchedules.mine.taken') });
            void navigate(`/audits/${details.audit_id}`);
          } else notifications.show({ color: 'red', message: errorText(error) });
        },
      },
    );
  };

  let when: string;
  if (round.state === 'scheduled')
    when = t('auditSchedules.mine.opensAt', { when: dateTime(round.starts_at) });
  else if (round.state === 'overdue')
    when = t('auditSchedules.mine.closesAt', { when: dateTime(round.closes_at) });
  else when = t('auditSchedules.mine.dueBy', { when: dateTime(round.due_at) });

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={overdue ? { borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 4 } : undefined}
      data-testid="round-row"
      data-state={round.state}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <Text size="sm" c={overdue ? 'red.7' : 'dimmed'}>
            {when}
          </Text>
          <Group gap={6}>
            <Badge color={STATE_COLOR[round.state]} variant={overdue ? 'filled' : 'light'} tt="none">
              {t(`auditSchedules.mine.state.${round.state}`)}
            </Badge>
          </Group>
        </Stack>
        {action !== 'none' && (
          <Button
            size="md"
            h={44}
            color={overdue ? 'red' : undefined}
            variant={action === 'start' && round.state !== 'missed' ? 'filled' : 'default'}
            leftSection={action === 'start' ? <IconPlayerPlay size={18} aria-hidden /> : undefined}
            loading={start.isPending}
            onClick={go}
            aria-label={
              action === 'start'
                ? t('auditSchedules.mine.startLabel', { name })
                : t('auditSchedules.mine.continueLabel', { name })
            }
          >
            {t(`auditSchedules.mine.${action}`)}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
