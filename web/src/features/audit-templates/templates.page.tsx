import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClipboardList, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditTemplateSummary } from '../../../../src/contract/audit-template.schema';
import { roleCan } from '../../../../src/core/permissions';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { useTemplateTitle } from '../audits/audit-badges';
import { useDeleteTemplate, useTemplateList } from './audit-templates.queries';
import { toPercent } from './template-editor';

/**
 * `/audits/templates`: every template not deleted, by code, with its latest version, item count
 * and pass mark. Quality leads (`audit_templates.manage`) make, edit and delete them.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = roleCan(user.role, 'audit_templates.manage');
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useTemplateList();
  const title = useTemplateTitle();
  const [deleting, setDeleting] = useState<AuditTemplateSummary | null>(null);

  const newButton = canManage && (
    <Button component={Link} to="/audits/templates/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('auditTemplates.new')}
    </Button>
  );

  let body: ReactNode;
  if (list.isPending) body = <LoadingRows rows={4} height={48} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyBlock
        message={canManage ? t('auditTemplates.emptyManage') : t('auditTemplates.empty')}
        icon={<IconClipboardList size={32} aria-hidden />}
        action={newButton || undefined}
      />
    );
  else {
    const rows = list.data.items.map((tpl) => ({ tpl, name: title(tpl.title, tpl.code) }));
    body = narrow ? (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('auditTemplates.list')}
      >
        {rows.map(({ tpl, name }) => (
          <li key={tpl.id}>
            <TemplateCard
              template={tpl}
              name={name}
              canManage={canManage}
              onDelete={() => setDeleting(tpl)}
            />
          </li>
        ))}
      </Stack>
    ) : (
      <Table.ScrollContainer minWidth={640}>
        <Table
          verticalSpacing="xs"
          highlightOnHover
          data-testid="templates-table"
          aria-label={t('auditTemplates.list')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auditTemplates.columns.code')}</Table.Th>
              <Table.Th>{t('auditTemplates.columns.title')}</Table.Th>
              <Table.Th>{t('auditTemplates.columns.version')}</Table.Th>
              <Table.Th>{t('auditTemplates.columns.items')}</Table.Th>
              <Table.Th>{t('auditTemplates.columns.passMark')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>{t('auditTemplates.columns.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ tpl, name }) => (
              <Table.Tr key={tpl.id} data-testid="template-row">
                <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {canManage ? (
                    <Anchor component={Link} to={`/audits/templates/${tpl.id}`}>
                      {tpl.code}
                    </Anchor>
                  ) : (
                    tpl.code
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{t('auditTemplates.version', { version: tpl.latest_version })}</Table.Td>
                <Table.Td fz="sm">{tpl.items}</Table.Td>
                <Table.Td fz="sm">
                  <PassMark share={tpl.pass_mark} />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <RowActions name={name} id={tpl.id} onDelete={() => setDeleting(tpl)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      <PageHeader
        title={t('auditTemplates.title')}
        intro={t('auditTemplates.intro')}
        action={list.data?.items.length ? newButton || undefined : undefined}
      />
      {body}
      {canManage && (
        <DeleteDialog
          template={deleting}
          name={deleting ? title(deleting.title, deleting.code) : ''}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

function PassMark({ share }: { share: number }) {
  const { number } = useFormat();
  return <>{`${number(toPercent(share))} %`}</>;
}

function RowActions({ id, name, onDelete }: { id: string; name: string; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label={t('auditTemplates.edit')}>
        <ActionIcon
          component={Link}
          to={`/audits/templates/${id}`}
          variant="subtle"
          size="lg"
          aria-label={t('auditTemplates.editNamed', { name })}
        >
          <IconPencil size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('auditTemplates.delete')}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          onClick={onDelete}
          aria-label={t('auditTemplates.deleteNamed', { name })}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function TemplateCard({
  template: tpl,
  name,
  canManage,
  onDelete,
}: {
  template: AuditTemplateSummary;
  name: string;
  canManage: boolean;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="template-row">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <Text ff="monospace" size="xs" c="dimmed">
            {tpl.code}
          </Text>
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="gray" tt="none">
            {t('auditTemplates.version', { version: tpl.latest_version })}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {t('auditTemplates.itemsCount', { count: tpl.items })}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            <PassMarkText share={tpl.pass_mark} />
          </Badge>
        </Group>
        {canManage && (
          <Group gap="xs">
            <Button
              component={Link}
              to={`/audits/templates/${tpl.id}`}
              variant="light"
              size="md"
              h={44}
              leftSection={<IconPencil size={18} aria-hidden />}
              aria-label={t('auditTemplates.editNamed', { name })}
            >
              {t('auditTemplates.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="md"
              h={44}
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={onDelete}
              aria-label={t('auditTemplates.deleteNamed', { name })}
            >
              {t('auditTemplates.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function PassMarkText({ share }: { share: number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return <>{t('auditTemplates.passMarkValue', { value: number(toPercent(share)) })}</>;
}

function DeleteDialog({
  template,
  name,
  onClose,
}: {
  template: AuditTemplateSummary | null;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const remove = useDeleteTemplate();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={template !== null}
      title={t('auditTemplates.deleteTitle')}
      body={t('auditTemplates.deleteBody', { name })}
      confirmLabel={t('auditTemplates.delete')}
      loading={remove.isPending}
      error={remove.isError ? errorText(remove.error) : null}
      onClose={close}
      onConfirm={() => {
        if (!template) return;
        remove.mutate(template.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('auditTemplates.deleted', { name }) });
            close();
          },
        });
      }}
    />
  );
}
