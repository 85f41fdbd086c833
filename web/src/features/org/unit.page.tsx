import { useMemo, useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowsMove,
  IconBinaryTree2,
  IconPencil,
  IconUserPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UnitContact } from '../../../../src/contract/unit.schema';
import { ancestorsOf } from '../../../../src/core/org/unit-tree';
import { roleCan } from '../../../../src/core/permissions';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { MessagePage } from '../../components/message-page';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { UnitAcknowledgementsSection } from '../agreement/unit-acknowledgements';
import { useCurrentUser } from '../auth/session.queries';
import { EmployeeFormDialog } from './employee-form.dialog';
import { UnitEmployees } from './employees-table';
import { Field, FieldList } from './org-fields';
import { useOrgErrorText } from './org-errors';
import { inherited, localName } from './org-tree';
import { useEmployees, useOrgTree, useUpdateUnit } from './org.queries';
import { UnitFormDialog } from './unit-form.dialog';
import { MoveConfirmDialog, MovePickerDialog, type PendingMove } from './unit-move.dialogs';

const CONTACT_KEYS: (keyof UnitContact)[] = ['email', 'phone', 'chat', 'url', 'note'];

/** One unit: where it sits, its settings (own or inherited), contacts, heads and employees. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const canWrite = roleCan(me.role, 'org.write');
  const tree = useOrgTree();
  const people = useEmployees({ status: 'active' });
  const update = useUpdateUnit();
  const errorText = useOrgErrorText();
  const [editing, setEditing] = useState(false);
  const [addingEmployee, setAddingEmployee] = useState(false);
  const [picking, setPicking] = useState(false);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [statusOpen, setStatusOpen] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);

  const index = tree.index;
  const unit = index?.byId.get(id);
  const names = useMemo(
    () => new Map((people.data?.items ?? []).map((e) => [e.id, localName(e.name, lng, e.code)])),
    [people.data, lng],
  );

  if (tree.isPending) return <LoadingRows rows={6} height={40} />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!index || !unit) {
    return (
      <MessagePage
        icon={<IconBinaryTree2 size={32} aria-hidden />}
        title={t('org.title')}
        message={t('org.unit.notFound')}
        testId="unit-not-found"
      />
    );
  }

  const nameOf = (u: { code: string; name: { ru: string | null; en: string | null } }) =>
    localName(u.name, lng, u.code);
  const parent = unit.parent_id ? index.byId.get(unit.parent_id) : undefined;
  const path = ancestorsOf(index.links, unit.id)
    .reverse()
    .map((a) => index.byId.get(a))
    .filter((a) => !!a);
  const archived = unit.status === 'archived';

  const setting = (key: 'timezone' | 'calendar') => {
    const own = unit[key];
    if (own) return own;
    const from = inherited(index, unit.id, key);
    return from ? (
      <>
        {from.value}{' '}
        <Text span c="dimmed" size="sm">
          ({t('org.unit.inheritedFrom')}{' '}
          <Anchor component={Link} to={`/org/units/${from.from.id}`} size="sm">
            {from.from.code}
          </Anchor>
          )
        </Text>
      </>
    ) : (
      <Text span c="dimmed" size="sm">
        {t('org.unit.notSet')}
      </Text>
    );
  };

  const contact = CONTACT_KEYS.filter((k) => unit.contact?.[k]);
  const toggleStatus = () => {
    setStatusError(null);
    update.mutate(
      { id: unit.id, patch: { status: archived ? 'active' : 'archived' } },
      {
        onSuccess: () => {
          setStatusOpen(false);
          notifications.show({
            color: 'teal',
            message: t(archived ? 'org.unit.restored' : 'org.unit.archived', { code: unit.code }),
          });
        },
        onError: (e) => setStatusError(errorText(e)),
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
        {t('org.unit.edit')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconArrowsMove size={16} aria-hidden />}
        onClick={() => setPicking(true)}
      >
        {t('org.move')}
      </Button>
      <Button
        variant={archived ? 'default' : 'light'}
        color={archived ? undefined : 'red'}
        leftSection={
          archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
        }
        onClick={() => {
          setStatusError(null);
          setStatusOpen(true);
        }}
      >
        {archived ? t('org.unit.restore') : t('org.unit.archive')}
      </Button>
    </Group>
  );

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }} aria-label={t('org.unit.back')}>
        <Anchor component={Link} to="/org" size="sm">
          {t('org.unit.back')}
        </Anchor>
        {path.map((a) => (
          <Anchor key={a.id} component={Link} to={`/org/units/${a.id}`} size="sm" ff="monospace">
            {a.code}
          </Anchor>
        ))}
      </Breadcrumbs>
      <PageHeader title={`${unit.code} · ${nameOf(unit)}`} action={actions || undefined} />
      {archived && (
        <Badge color="gray" variant="light" mb="md" mt={-8}>
          {t('org.status.archived')}
        </Badge>
      )}
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <FieldList>
            <Field label={t('org.unit.code')}>
              <Text span ff="monospace" size="sm">
                {unit.code}
              </Text>
            </Field>
            <Field label={t('org.unit.nameRu')}>{unit.name.ru ?? t('common.none')}</Field>
            <Field label={t('org.unit.nameEn')}>{unit.name.en ?? t('common.none')}</Field>
            <Field label={t('org.unit.parent')} testId="unit-parent">
              {parent ? (
                <Anchor component={Link} to={`/org/units/${parent.id}`} size="sm">
                  {parent.code} · {nameOf(parent)}
                </Anchor>
              ) : (
                t('org.unit.topLevel')
              )}
            </Field>
            <Field label={t('org.unit.children')} testId="unit-children">
              {unit.children.length === 0 ? (
                t('org.unit.noChildren')
              ) : (
                <Group gap={6}>
                  {unit.children.map((c) => (
                    <Anchor key={c.id} component={Link} to={`/org/units/${c.id}`} size="sm">
                      {c.code}
                      {c.status === 'archived' ? ` (${t('org.status.archived')})` : ''}
                    </Anchor>
                  ))}
                </Group>
              )}
            </Field>
            <Field label={t('org.unit.heads')} testId="unit-heads">
              {unit.head_ids.length === 0 ? (
                <Text span c="dimmed" size="sm">
                  {t('org.unit.noHeads')}
                </Text>
              ) : (
                <Group gap={6}>
                  {unit.head_ids.map((hid) => (
                    <Anchor key={hid} component={Link} to={`/org/employees/${hid}`} size="sm">
                      {names.get(hid) ?? '…'}
                    </Anchor>
                  ))}
                </Group>
              )}
            </Field>
            <Field label={t('org.unit.timezone')} testId="unit-timezone">
              {setting('timezone')}
            </Field>
            <Field label={t('org.unit.calendar')} testId="unit-calendar">
              {setting('calendar')}
            </Field>
            <Field label={t('org.unit.contact')}>
              {contact.length === 0 ? (
                <Text span c="dimmed" size="sm">
                  {t('org.unit.noContact')}
                </Text>
              ) : (
                <Stack gap={2}>
                  {contact.map((k) => {
                    const v = unit.contact?.[k] ?? '';
                    const href =
                      k === 'email' ? `mailto:${v}` : k === 'phone' ? `tel:${v}` : k === 'url' ? v : null;
                    return (
                      <Text key={k} size="sm">
                        <Text span c="dimmed" size="sm">
                          {t(`org.unitForm.${k}`)}:{' '}
                        </Text>
                        {href ? (
                          <Anchor
                            href={href}
                            size="sm"
                            target={k === 'url' ? '_blank' : undefined}
                            rel="noreferrer"
                          >
                            {v}
                          </Anchor>
                        ) : (
                          v
                        )}
                      </Text>
                    );
                  })}
                </Stack>
              )}
            </Field>
          </FieldList>
        </Paper>
        <section aria-labelledby="unit-employees-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="unit-employees-title">
              {t('org.unit.employees')}
            </Title>
            {canWrite && !archived && (
              <Button
                variant="light"
                size="sm"
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setAddingEmployee(true)}
              >
                {t('org.newEmployee')}
              </Button>
            )}
          </Group>
          <UnitEmployees unitId={unit.id} index={index} />
        </section>
        <UnitAcknowledgementsSection unitId={unit.id} />
      </Stack>
      <UnitFormDialog opened={editing} onClose={() => setEditing(false)} unit={unit} index={index} />
      <EmployeeFormDialog
        opened={addingEmployee}
        onClose={() => setAddingEmployee(false)}
        employee={null}
        unitId={unit.id}
        index={index}
      />
      <MovePickerDialog
        unit={picking ? unit : null}
        index={index}
        onClose={() => setPicking(false)}
        onPick={(move) => {
          setPicking(false);
          setPending(move);
        }}
      />
      <MoveConfirmDialog move={pending} index={index} onClose={() => setPending(null)} />
      <ConfirmDialog
        opened={statusOpen}
        title={t(archived ? 'org.unit.restoreTitle' : 'org.unit.archiveTitle', { code: unit.code })}
        body={t(archived ? 'org.unit.restoreBody' : 'org.unit.archiveBody')}
        confirmLabel={archived ? t('org.unit.restore') : t('org.unit.archive')}
        color={archived ? 'blue' : 'red'}
        loading={update.isPending}
        error={statusError}
        onConfirm={toggleStatus}
        onClose={() => setStatusOpen(false)}
      />
    </>
  );
}
