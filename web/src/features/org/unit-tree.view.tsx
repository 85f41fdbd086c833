import { useState, type DragEvent } from 'react';
import { ActionIcon, Anchor, Badge, Box, Group, Highlight, Menu, Paper, Text } from '@mantine/core';
import {
  IconArrowsMove,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconExternalLink,
  IconGripVertical,
  IconPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { wouldCreateCycle } from '../../../../src/core/org/unit-tree';
import { localName, unitMatches, type OrgIndex } from './org-tree';

const DRAG_TYPE = 'application/x-etalon-unit';

interface UnitTreeViewProps {
  index: OrgIndex;
  /** Units to show; null shows every one. */
  visible: Set<string> | null;
  q: string;
  /** Units folded shut (ignored while searching, which opens the way to every match). */
  collapsed: Set<string>;
  onToggle: (id: string) => void;
  canWrite: boolean;
  narrow: boolean;
  /** Active employees per unit, when known for every unit. */
  counts: ReadonlyMap<string, number> | null;
  /** Employee names by id, for the heads. */
  people: ReadonlyMap<string, string>;
  onDropMove: (unit: UnitNode, parentId: string | null) => void;
  onMoveMenu: (unit: UnitNode) => void;
  onNewChild: (unit: UnitNode) => void;
}

/**
 * The organization as nested lists. With org.write a unit can be dragged onto another unit, or onto
 * the "top level" zone; a drop that would close a loop (onto itself or a unit below it) or onto an
 * archived unit is not accepted. The menu's "Move…" does the same without a mouse.
 */
export function UnitTreeView(props: UnitTreeViewProps) {
  const { t } = useTranslation();
  const { index, canWrite } = props;
  const [dragId, setDragId] = useState<string | null>(null);
  const [over, setOver] = useState<{ id: string; ok: boolean } | null>(null);

  /** Whether the dragged unit may go under `parentId` (null: top level). */
  const canDrop = (parentId: string | null): boolean => {
    if (!dragId) return false;
    const unit = index.byId.get(dragId);
    if (!unit || unit.parent_id === parentId) return false;
    if (parentId === null) return true;
    const parent = index.byId.get(parentId);
    if (!parent || (parent.status === 'archived' && unit.status === 'active')) return false;
    return !wouldCreateCycle(index.links, dragId, parentId);
  };

  const dropHandlers = (parentId: string | null, key: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!dragId) return;
      const ok = canDrop(parentId);
      if (ok) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }
      if (over?.id !== key || over.ok !== ok) setOver({ id: key, ok });
    },
    onDragLeave: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null) && over?.id === key) setOver(null);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const unit = dragId ? index.byId.get(dragId) : undefined;
      const ok = canDrop(parentId);
      setDragId(null);
      setOver(null);
      if (unit && ok) props.onDropMove(unit, parentId);
    },
  });

  const dragHandlers = (unit: UnitNode) =>
    canWrite
      ? {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.stopPropagation();
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData(DRAG_TYPE, unit.id);
            e.dataTransfer.setData('text/plain', unit.code);
            setDragId(unit.id);
          },
          onDragEnd: () => {
            setDragId(null);
            setOver(null);
          },
        }
      : {};

  const rows = (nodes: UnitNode[], depth: number) => {
    const shown = nodes.filter((n) => !props.visible || props.visible.has(n.id));
    if (shown.length === 0) return null;
    return (
      <Box
        component="ul"
        aria-label={depth === 0 ? t('org.tree.label') : undefined}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {shown.map((unit) => {
          const children = unit.children.filter((c) => !props.visible || props.visible.has(c.id));
          const open = props.q.trim() !== '' || !props.collapsed.has(unit.id);
          return (
            <li key={unit.id}>
              <UnitRow
                unit={unit}
                depth={depth}
                hasChildren={children.length > 0}
                open={open}
                dragging={dragId === unit.id}
                over={over?.id === unit.id ? over.ok : null}
                rowProps={{ ...dragHandlers(unit), ...(canWrite ? dropHandlers(unit.id, unit.id) : {}) }}
                {...props}
              />
              {open && rows(unit.children, depth + 1)}
            </li>
          );
        })}
      </Box>
    );
  };

  // Said in the zone above the tree, so nothing shifts under the pointer while dragging.
  const cycleOver =
    !!dragId &&
    !!over &&
    !over.ok &&
    over.id !== '__root__' &&
    wouldCreateCycle(index.links, dragId, over.id);

  return (
    <Box>
      {canWrite && !props.narrow && (
        <Paper
          withBorder
          p="xs"
          mb="sm"
          radius="md"
          data-testid="root-drop-zone"
          {...dropHandlers(null, '__root__')}
          style={{
            borderStyle: 'dashed',
            borderColor: over?.id === '__root__' ? 'var(--mantine-color-blue-6)' : undefined,
            background: over?.id === '__root__' && over.ok ? 'var(--mantine-color-blue-light)' : undefined,
          }}
        >
          <Text size="xs" c={cycleOver ? 'red' : 'dimmed'} ta="center" aria-live="polite">
            {!dragId ? t('org.tree.dragHint') : cycleOver ? t('org.tree.cannotDrop') : t('org.tree.rootZone')}
          </Text>
        </Paper>
      )}
      {rows(index.roots, 0)}
    </Box>
  );
}

function UnitRow({
  unit,
  depth,
  hasChildren,
  open,
  dragging,
  over,
  rowProps,
  ...props
}: UnitTreeViewProps & {
  unit: UnitNode;
  depth: number;
  hasChildren: boolean;
  open: boolean;
  dragging: boolean;
  over: boolean | null;
  rowProps: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const name = localName(unit.name, lng, unit.code);
  const archived = unit.status === 'archived';
  const q = props.q.trim();
  const match = q !== '' && unitMatches(unit, q);
  const heads = unit.head_ids.map((id) => props.people.get(id)).filter((n): n is string => !!n);
  const count = props.counts?.get(unit.id) ?? (props.counts ? 0 : null);
  const indent = props.narrow ? 12 : 24;

  return (
    <Group
      gap={props.narrow ? 4 : 'xs'}
      wrap="nowrap"
      align="center"
      py={6}
      pr="xs"
      data-testid="unit-row"
      data-code={unit.code}
      data-match={match || undefined}
      title={props.canWrite && !props.narrow ? t('org.tree.dragHandle', { name }) : undefined}
      {...rowProps}
      style={{
        paddingInlineStart: depth * indent,
        borderRadius: 'var(--mantine-radius-sm)',
        opacity: dragging ? 0.5 : archived ? 0.7 : 1,
        outline:
          over === null
            ? undefined
            : over
              ? '2px solid var(--mantine-color-blue-6)'
              : '2px dashed var(--mantine-color-red-5)',
        background: over ? 'var(--mantine-color-blue-light)' : undefined,
        cursor: props.canWrite ? 'grab' : undefined,
      }}
    >
      {hasChildren ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={() => props.onToggle(unit.id)}
          aria-label={open ? t('org.tree.collapse', { name }) : t('org.tree.expand', { name })}
          aria-expanded={open}
          disabled={q !== ''}
        >
          {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
        </ActionIcon>
      ) : (
        <Box w={22} style={{ flexShrink: 0 }} />
      )}
      {props.canWrite && !props.narrow && (
        <IconGripVertical
          size={16}
          color="var(--mantine-color-dimmed)"
          aria-hidden
          style={{ flexShrink: 0 }}
        />
      )}
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap" align="baseline">
          <Highlight highlight={q} component="span" ff="monospace" fw={600} size="sm">
            {unit.code}
          </Highlight>
          <Anchor component={Link} to={`/org/units/${unit.id}`} size="sm" style={{ wordBreak: 'break-word' }}>
            <Highlight highlight={q} component="span" size="sm" inherit>
              {name}
            </Highlight>
          </Anchor>
          {archived && (
            <Badge color="gray" variant="light" size="sm">
              {t('org.status.archived')}
            </Badge>
          )}
        </Group>
        {heads.length > 0 && (
          <Text size="xs" c="dimmed" truncate>
            {t('org.tree.heads', { names: heads.join(', ') })}
          </Text>
        )}
      </Box>
      {count !== null && count > 0 && (
        <Badge variant="light" color="gray" size="sm" tt="none" style={{ flexShrink: 0 }}>
          {props.narrow ? count : t('org.tree.employees', { count })}
        </Badge>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('org.actionsFor', { name: `${unit.code} ${name}` })}
          >
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component={Link}
            to={`/org/units/${unit.id}`}
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            {t('org.open')}
          </Menu.Item>
          {props.canWrite && (
            <Menu.Item
              leftSection={<IconArrowsMove size={16} aria-hidden />}
              onClick={() => props.onMoveMenu(unit)}
            >
              {t('org.move')}
            </Menu.Item>
          )}
          {props.canWrite && !archived && (
            <Menu.Item
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => props.onNewChild(unit)}
            >
              {t('org.newSubunit')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
