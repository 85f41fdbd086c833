import { useMemo, useState, type ReactNode } from 'react';
import { Button, Group, Switch, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBinaryTree2, IconSearch, IconSitemap, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { roleCan } from '../../../../src/core/permissions';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { EmployeeFormDialog } from './employee-form.dialog';
import { localName, visibleUnits } from './org-tree';
import { EMPLOYEES_LIMIT, useEmployees, useOrgTree } from './org.queries';
import { UnitFormDialog } from './unit-form.dialog';
import { OrgEmptyExtras } from './org-empty-extras';
import { OrgTransferMenu } from './org-transfer.menu';
import { MoveConfirmDialog, MovePickerDialog, type PendingMove } from './unit-move.dialogs';
import { UnitTreeView } from './unit-tree.view';

/** Organization: the unit tree with search, archived units on request, moving by drag or by menu. */
export function OrgPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const canWrite = roleCan(me.role, 'org.write');
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const tree = useOrgTree();
  const employees = useEmployees({ status: 'active' });
  const [q, setQ] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [unitDialog, setUnitDialog] = useState<{ parentId: string | null } | null>(null);
  const [employeeOpened, employeeDialog] = useDisclosure(false);
  const [picking, setPicking] = useState<UnitNode | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);

  const index = tree.index;
  const visible = useMemo(
    () => (index ? visibleUnits(index, q, showArchived) : null),
    [index, q, showArchived],
  );

  // Counts and heads' names come from one list of active employees; a partial list gives no counts.
  const { counts, people } = useMemo(() => {
    const items = employees.data?.items ?? [];
    const complete = !!employees.data && employees.data.total <= EMPLOYEES_LIMIT;
    const counts = new Map<string, number>();
    const people = new Map<string, string>();
    for (const e of items) {
      counts.set(e.unit_id, (counts.get(e.unit_id) ?? 0) + 1);
      people.set(e.id, localName(e.name, lng, e.code));
    }
    return { counts: complete ? counts : null, people };
  }, [employees.data, lng]);

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const newUnitButton = canWrite && (
    <Button
      leftSection={<IconSitemap size={18} aria-hidden />}
      onClick={() => setUnitDialog({ parentId: null })}
    >
      {t('org.newUnit')}
    </Button>
  );
  const hasUnits = !!index && index.all.length > 0;
  const actions = (
    <Group gap="xs">
      {canWrite && hasUnits && newUnitButton}
      {canWrite && hasUnits && (
        <Button
          variant="default"
          leftSection={<IconUserPlus size={18} aria-hidden />}
          onClick={employeeDialog.open}
        >
          {t('org.newEmployee')}
        </Button>
      )}
      {!tree.isPending && <OrgTransferMenu canWrite={canWrite} />}
    </Group>
  );

  let body: ReactNode;
  if (tree.isPending) body = <LoadingRows rows={6} height={36} />;
  else if (tree.isError) body = <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (!hasUnits) {
    body = (
      <EmptyBlock
        message={t('org.tree.empty')}
        icon={<IconBinaryTree2 size={32} aria-hidden />}
        action={
          canWrite && (
            <>
              {newUnitButton}
              <OrgEmptyExtras />
            </>
          )
        }
      />
    );
  } else if (visible && visible.size === 0) {
    body = (
      <EmptyBlock
        message={q.trim() ? t('org.tree.noMatches', { q: q.trim() }) : t('org.tree.emptyArchived')}
      />
    );
  } else {
    body = (
      <UnitTreeView
        index={index}
        visible={visible}
        q={q}
        collapsed={collapsed}
        onToggle={toggle}
        canWrite={canWrite}
        narrow={narrow}
        counts={counts}
        people={people}
        onDropMove={(unit, parentId) => setPending({ unit, parentId })}
        onMoveMenu={setPicking}
        onNewChild={(unit) => setUnitDialog({ parentId: unit.id })}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('org.title')} intro={t('org.intro')} action={actions} />
      {hasUnits && (
        <Group mb="md" gap="md" align="flex-end">
          <TextInput
            label={t('org.tree.search')}
            placeholder={t('org.tree.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            style={{ flex: '1 1 240px' }}
            maw={420}
          />
          <Switch
            label={t('org.tree.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
            mb={8}
          />
          <Group gap="xs" mb={4}>
            <Button variant="subtle" size="compact-sm" onClick={() => setCollapsed(new Set())}>
              {t('org.tree.expandAll')}
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() =>
                setCollapsed(new Set(index.all.filter((u) => u.children.length > 0).map((u) => u.id)))
              }
            >
              {t('org.tree.collapseAll')}
            </Button>
          </Group>
        </Group>
      )}
      <div aria-busy={tree.isFetching}>{body}</div>
      <UnitFormDialog
        opened={unitDialog !== null}
        onClose={() => setUnitDialog(null)}
        unit={null}
        parentId={unitDialog?.parentId ?? null}
        index={index}
      />
      <EmployeeFormDialog
        opened={employeeOpened}
        onClose={employeeDialog.close}
        employee={null}
        index={index}
      />
      <MovePickerDialog
        unit={picking}
        index={index}
        onClose={() => setPicking(null)}
        onPick={(move) => {
          setPicking(null);
          setPending(move);
        }}
      />
      <MoveConfirmDialog move={pending} index={index} onClose={() => setPending(null)} />
    </>
  );
}
