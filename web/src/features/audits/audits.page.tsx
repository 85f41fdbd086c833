import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconCalendarRepeat,
  IconChevronRight,
  IconClipboardCheck,
  IconClipboardList,
  IconPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditSummary } from '../../../../src/contract/audits.schema';
import { roleCan } from '../../../../src/core/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { MyRounds } from '../audit-schedules/my-rounds';
import { percent } from './answers';
import { useAuditList } from './audits.queries';
import { NewAuditDialog } from './new-audit.dialog';
import { OutcomeBadge, StatusBadge, useTemplateTitle } from './audit-badges';
import './audits.css';

type StatusFilter = 'all' | 'draft' | 'submitted';

/**
 * `/audits`: drafts and submitted audits, newest first, and "New audit" — an auditor's own at first,
 * everyone's for a quality lead (each may switch); people who read audits but do not make them see
 * the audits they may read.
 */
export function AuditsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'audits.write');
  const canSchedule = roleCan(user.role, 'audit_schedules.manage');
  const canTemplates = roleCan(user.role, 'audit_templates.manage');
  const templateTitle = useTemplateTitle();
  // Auditors start on their own audits, quality leads on everyone's; both may switch.
  const canChoose = canWrite && roleCan(user.role, 'audits.read.all');
  const [whose, setWhose] = useState<'mine' | 'everyone'>(() =>
    canWrite && !roleCan(user.role, 'audits.write.all') ? 'mine' : 'everyone',
  );
  const mine = canWrite && (!canChoose || whose === 'mine');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const list = useAuditList({ mine, status: status === 'all' ? undefined : status });

  const newButton = canWrite && (
    <Button
      size="md"
      h={44}
      leftSection={<IconPlus size={18} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t('audits.new')}
    </Button>
  );

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  let body;
  if (list.isPending) body = <LoadingRows rows={4} height={88} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    body = (
      <EmptyBlock
        message={mine ? t('audits.empty') : t('audits.emptyAll')}
        icon={<IconClipboardCheck size={32} aria-hidden />}
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
        aria-label={mine ? t('audits.mine') : t('audits.title')}
        data-testid="audit-list"
      >
        {items.map((a) => (
          <li key={a.id}>
            <AuditCard
              audit={a}
              title={templateTitle(a.template.title, a.template.code)}
              when={dateTime(a.observed_at)}
              showAuditor={!mine}
            />
          </li>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('audits.title')}
        intro={mine ? t('audits.intro') : t('audits.introAll')}
        action={
          newButton || canSchedule || canTemplates ? (
            <Group gap="xs">
              {canTemplates && (
                <Button
                  component={Link}
                  to="/audits/templates"
                  variant="default"
                  size="md"
                  h={44}
                  leftSection={<IconClipboardList size={18} aria-hidden />}
                >
                  {t('auditTemplates.link')}
                </Button>
              )}
              {canSchedule && (
                <Button
                  component={Link}
                  to="/audits/schedules"
                  variant="default"
                  size="md"
                  h={44}
                  leftSection={<IconCalendarRepeat size={18} aria-hidden />}
                >
                  {t('auditSchedules.manage')}
                </Button>
              )}
              {newButton}
            </Group>
          ) : undefined
        }
      />
      {canWrite && <MyRounds />}
      {canChoose && (
        <SegmentedControl
          mb="xs"
          size="md"
          maw={480}
          fullWidth
          aria-label={t('audits.whose.label')}
          value={whose}
          onChange={(v) => setWhose(v as 'mine' | 'everyone')}
          data={[
            { value: 'mine', label: t('audits.whose.mine') },
            { value: 'everyone', label: t('audits.whose.everyone') },
          ]}
          data-testid="audits-whose"
        />
      )}
      <SegmentedControl
        mb="md"
        size="lg"
        fullWidth
        maw={480}
        aria-label={t('audits.filter.label')}
        value={status}
        onChange={(v) => setStatus(v as StatusFilter)}
        data={[
          { value: 'all', label: t('audits.filter.all') },
          { value: 'draft', label: t('audits.filter.draft') },
          { value: 'submitted', label: t('audits.filter.submitted') },
        ]}
      />
      {body}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            size="md"
            h={44}
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {canWrite && <NewAuditDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function AuditCard({
  audit,
  title,
  when,
  showAuditor,
}: {
  audit: AuditSummary;
  title: string;
  when: string;
  showAuditor: boolean;
}) {
  const { t } = useTranslation();
  const who = audit.employee ? `${audit.unit.code} · ${audit.employee.code}` : audit.unit.code;
  return (
    <UnstyledButton
      component={Link}
      to={`/audits/${audit.id}`}
      className="audit-card"
      aria-label={t('audits.open', { name: `${title}, ${who}, ${when}` })}
      data-testid="audit-row"
    >
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} size="md" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
            <Text size="sm" c="dimmed">
              {who}
            </Text>
            <Text size="xs" c="dimmed">
              {showAuditor ? `${when} · ${audit.auditor.label}` : when}
            </Text>
            <Group gap={6} mt={2}>
              <StatusBadge status={audit.status} />
              {audit.status === 'submitted' && audit.outcome && <OutcomeBadge outcome={audit.outcome} />}
              {audit.score !== null && (
                <Badge variant="outline" color="gray" tt="none">
                  {t('audits.score', { value: percent(audit.score) })}
                </Badge>
              )}
              {audit.amendments > 0 && (
                <Badge variant="light" color="gray" tt="none">
                  {t('audits.amendments', { count: audit.amendments })}
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
