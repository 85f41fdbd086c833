import { useState, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCalendarRepeat, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditSchedule } from '../../../../src/contract/audit-schedule.schema';
import { roleCan } from '../../../../src/core/permissions';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentUser } from '../auth/session.queries';
import { useTemplateTitle } from '../audits/audit-badges';
import { useDeleteSchedule, useSchedules } from './audit-schedules.queries';
import { RoundsOverview } from './rounds-overview';
import { ScheduleFormDialog } from './schedule-form.dialog';
import { useScheduleText } from './schedule-text';

/**
 * `/audits/schedules`: every schedule, as cards (they read well on a phone); quality leads
 * (`audit_schedules.manage`) create, edit and delete them.
 */
export function SchedulesPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const user = useCurrentUser();
  const canManage = roleCan(user.role, 'audit_schedules.manage');
  const seesAllRounds = roleCan(user.role, 'audits.read.all');
  const list = useSchedules();
  const remove = useDeleteSchedule();
  const templateTitle = useTemplateTitle();
  const text = useScheduleText();
  const [editing, setEditing] = useState<AuditSchedule | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<AuditSchedule | null>(null);

  const newButton = canManage && (
    <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing(null)}>
      {t('auditSchedules.new')}
    </Button>
  );
  const nameOf = (s: AuditSchedule) => `${templateTitle(s.template.title, s.template.code)} · ${s.unit.code}`;

  let body: ReactNode;
  if (list.isPending) body = <LoadingRows rows={3} height={96} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyBlock
        message={t('auditSchedules.empty')}
        icon={<IconCalendarRepeat size={32} aria-hidden />}
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
        aria-label={t('auditSchedules.list')}
      >
        {list.data.items.map((s) => (
          <li key={s.id} data-testid="schedule-row">
            <Paper withBorder radius="md" p="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {nameOf(s)}
                  </Text>
                  <Text size="sm">{text.rule(s.rule)}</Text>
                  <Text size="sm" c="dimmed">
                    {t('auditSchedules.due', {
                      after: text.duration(s.due_after),
                      grace: text.duration(s.grace),
                    })}
                  </Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('auditSchedules.auditors', { names: s.auditors.map((a) => a.name).join(', ') })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('auditSchedules.zone', { zone: s.timezone })}
                  </Text>
                </Stack>
                {canManage && (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('auditSchedules.edit')}>
                      <ActionIcon
                        variant="subtle"
                        size={44}
                        aria-label={t('auditSchedules.editLabel', { name: nameOf(s) })}
                        onClick={() => setEditing(s)}
                      >
                        <IconPencil size={20} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('auditSchedules.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size={44}
                        aria-label={t('auditSchedules.deleteLabel', { name: nameOf(s) })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(s);
                        }}
                      >
                        <IconTrash size={20} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            </Paper>
          </li>
        ))}
      </Stack>
    );

  return (
    <>
      <Button
        component={Link}
        to="/audits"
        variant="subtle"
        px={0}
        mb="xs"
        leftSection={<IconArrowLeft size={16} aria-hidden />}
      >
        {t('auditSchedules.backToAudits')}
      </Button>
      <PageHeader
        title={t('auditSchedules.title')}
        intro={t('auditSchedules.intro')}
        action={newButton || undefined}
      />
      {body}
      {seesAllRounds && <RoundsOverview />}
      {canManage && (
        <ScheduleFormDialog
          opened={editing !== undefined}
          schedule={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('auditSchedules.deleteTitle')}
        body={t('auditSchedules.deleteText')}
        confirmLabel={t('auditSchedules.delete')}
        color="red"
        loading={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('auditSchedules.deleted') });
              setDeleting(null);
            },
          })
        }
      />
    </>
  );
}
