import { useState } from 'react';
import { Anchor, Breadcrumbs, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconUserCheck, IconUserOff, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ancestorsOf } from '../../../../src/core/org/unit-tree';
import { roleCan } from '../../../../src/core/permissions';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { MessagePage } from '../../components/message-page';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { EmployeeFormDialog } from './employee-form.dialog';
import { EmployeeStatusBadge } from './employees-table';
import { Field, FieldList } from './org-fields';
import { useOrgErrorText } from './org-errors';
import { localName } from './org-tree';
import { useEmployee, useOrgTree, useUpdateEmployee, useUsersForLink } from './org.queries';

/** One employee: names, code, position, unit, contacts, linked account; edit, leave, return. */
export function EmployeePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const canWrite = roleCan(me.role, 'org.write');
  const employee = useEmployee(id);
  const tree = useOrgTree();
  const update = useUpdateEmployee();
  const users = useUsersForLink(!!employee.data?.user_id && roleCan(me.role, 'users.read'));
  const linkedUser = users.data?.items.find((u) => u.id === employee.data?.user_id);
  const errorText = useOrgErrorText();
  const [editing, setEditing] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);

  if (employee.isPending) return <LoadingRows rows={5} height={40} />;
  if (employee.isError) {
    if (
      isApiError(employee.error) &&
      (employee.error.code === 'not_found' || employee.error.status === 400)
    ) {
      return (
        <MessagePage
          icon={<IconUserQuestion size={32} aria-hidden />}
          title={t('org.title')}
          message={t('org.employee.notFound')}
          testId="employee-not-found"
        />
      );
    }
    return <LoadError error={employee.error} onRetry={() => void employee.refetch()} />;
  }

  const e = employee.data;
  const name = localName(e.name, lng, e.code);
  const index = tree.index;
  const unit = index?.byId.get(e.unit_id);
  const path = index && unit ? [...ancestorsOf(index.links, unit.id).reverse(), unit.id] : [];
  const left = e.status === 'left';

  const toggleStatus = () => {
    setStatusError(null);
    update.mutate(
      { id: e.id, patch: { status: left ? 'active' : 'left' } },
      {
        onSuccess: () => {
          setStatusOpen(false);
          notifications.show({
            color: 'teal',
            message: t(left ? 'org.employee.returnedDone' : 'org.employee.leftDone', { name }),
          });
        },
        onError: (err) => setStatusError(errorText(err)),
      },
    );
  };

  const actions = canWrite && (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => setEditing(true)}
      >
        {t('org.employee.edit')}
      </Button>
      <Button
        variant={left ? 'default' : 'light'}
        color={left ? undefined : 'red'}
        leftSection={left ? <IconUserCheck size={16} aria-hidden /> : <IconUserOff size={16} aria-hidden />}
        onClick={() => {
          setStatusError(null);
          setStatusOpen(true);
        }}
      >
        {left ? t('org.employee.markReturned') : t('org.employee.markLeft')}
      </Button>
    </Group>
  );

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }} aria-label={t('org.unit.back')}>
        <Anchor component={Link} to="/org" size="sm">
          {t('org.unit.back')}
        </Anchor>
        {path.map((uid) => (
          <Anchor key={uid} component={Link} to={`/org/units/${uid}`} size="sm" ff="monospace">
            {index?.byId.get(uid)?.code}
          </Anchor>
        ))}
      </Breadcrumbs>
      <PageHeader title={name} intro={e.position ?? undefined} action={actions || undefined} />
      <Paper withBorder p="md" radius="md">
        <FieldList>
          <Field label={t('org.employee.code')}>
            <Text span ff="monospace" size="sm">
              {e.code}
            </Text>
          </Field>
          <Field label={t('org.employee.nameRu')}>{e.name.ru ?? t('common.none')}</Field>
          <Field label={t('org.employee.nameEn')}>{e.name.en ?? t('common.none')}</Field>
          <Field label={t('org.employee.position')}>{e.position ?? t('common.none')}</Field>
          <Field label={t('org.employee.unit')} testId="employee-unit">
            {unit ? (
              <Anchor component={Link} to={`/org/units/${unit.id}`} size="sm">
                {unit.code} · {localName(unit.name, lng, unit.code)}
              </Anchor>
            ) : (
              t('common.none')
            )}
          </Field>
          <Field label={t('org.employee.email')}>
            {e.email ? (
              <Anchor href={`mailto:${e.email}`} size="sm">
                {e.email}
              </Anchor>
            ) : (
              t('common.none')
            )}
          </Field>
          <Field label={t('org.employee.extensions')}>
            {e.extensions.length > 0 ? e.extensions.join(', ') : t('common.none')}
          </Field>
          <Field label={t('org.employee.user')} testId="employee-user">
            {e.user_id
              ? linkedUser
                ? `${linkedUser.name} <${linkedUser.email}>`
                : t('org.employee.userLinked')
              : t('org.employee.userNone')}
          </Field>
          <Field label={t('org.employee.status')}>
            <EmployeeStatusBadge status={e.status} />
          </Field>
        </FieldList>
      </Paper>
      <EmployeeFormDialog opened={editing} onClose={() => setEditing(false)} employee={e} index={index} />
      <ConfirmDialog
        opened={statusOpen}
        title={t(left ? 'org.employee.returnTitle' : 'org.employee.leftTitle', { name })}
        body={t(left ? 'org.employee.returnBody' : 'org.employee.leftBody')}
        confirmLabel={left ? t('org.employee.markReturned') : t('org.employee.markLeft')}
        color={left ? 'blue' : 'red'}
        loading={update.isPending}
        error={statusError}
        onConfirm={toggleStatus}
        onClose={() => setStatusOpen(false)}
      />
    </>
  );
}
