import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconPlus, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalibrationSummary } from '../../../../src/contract/calibration.schema';
import { roleCan } from '../../../../src/core/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { useTemplateTitle } from '../audits/audit-badges';
import { useCalibrationList } from './calibration.queries';
import { NewCalibrationDialog } from './new-calibration.dialog';
import './calibration.css';

/** `/calibration`: the sessions the reader takes part in (quality leads: all), and "New session". */
export function CalibrationPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = roleCan(user.role, 'calibration.manage');
  const list = useCalibrationList();
  const [creating, setCreating] = useState(false);

  const newButton = canManage && (
    <Button
      size="md"
      h={44}
      leftSection={<IconPlus size={18} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t('calibration.new')}
    </Button>
  );

  let body;
  if (list.isPending) body = <LoadingRows rows={3} height={88} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyBlock
        message={canManage ? t('calibration.empty') : t('calibration.emptyMine')}
        icon={<IconScale size={32} aria-hidden />}
        action={newButton || undefined}
      />
    );
  else
    body = (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('calibration.listLabel')}
        data-testid="calibration-list"
      >
        {list.data.items.map((s) => (
          <li key={s.id}>
            <SessionCard session={s} />
          </li>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('calibration.title')}
        intro={t('calibration.intro')}
        action={newButton || undefined}
      />
      {body}
      {canManage && <NewCalibrationDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function SessionCard({ session }: { session: CalibrationSummary }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const templateTitle = useTemplateTitle();
  return (
    <UnstyledButton
      component={Link}
      to={`/calibration/${session.id}`}
      className="calibration-card"
      aria-label={t('calibration.open', { name: session.title })}
      data-testid="calibration-row"
    >
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {session.title}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {templateTitle(session.template.title, session.template.code)} ·{' '}
              {t('calibration.subjects', { count: session.subjects })}
            </Text>
            <Text size="xs" c="dimmed">
              {dateTime(session.created_at)}
            </Text>
            <Group gap={6} mt={2}>
              <Badge variant="light" color={session.status === 'open' ? 'yellow' : 'teal'} tt="none">
                {t(`calibration.status.${session.status}`)}
              </Badge>
              <Badge variant="outline" color="gray" tt="none">
                {t('calibration.submittedOf', { submitted: session.submitted, count: session.participants })}
              </Badge>
              {session.me.participant && session.status === 'open' && (
                <Badge variant="light" color={session.me.submitted_at ? 'blue' : 'orange'} tt="none">
                  {session.me.submitted_at ? t('calibration.me.done') : t('calibration.me.todo')}
                </Badge>
              )}
            </Group>
          </Stack>
          <IconChevronRight size={22} aria-hidden style={{ flexShrink: 0 }} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
