import { useMemo, useState, type ReactNode } from 'react';
import { Badge, Button, Center, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src/contract/audit.schema';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { diffSnapshots } from '../audit/audit-diff';
import { useNamer, useTypeLooks, type Names, type TypeLook } from './grid-labels';
import { providerKey } from './grid-matrix';
import { useGridHistory, useGridMatrix, useSupportTypes } from './grid.queries';
import { TypeBadge } from './type-badge';

/** `YYYY-MM-DD` of a local date. */
const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return ymd(d);
};

type Snap = Record<string, unknown>;
const asSnap = (v: unknown): Snap | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Snap) : null;
const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A cell's provider as its snapshot records it: `provider: {kind, id}` or `provider_kind`/`provider_id`. */
function providerOf(s: Snap): { kind: string; id: string; code: string } | null {
  const p = asSnap(s.provider);
  if (p && typeof p.kind === 'string' && typeof p.id === 'string')
    return { kind: p.kind, id: p.id, code: typeof p.code === 'string' ? p.code : '' };
  if (typeof s.provider_kind === 'string' && typeof s.provider_id === 'string')
    return { kind: s.provider_kind, id: s.provider_id, code: '' };
  return null;
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const HIDDEN_FIELDS = new Set([
  'id',
  'created_at',
  'updated_at',
  'provider',
  'provider_kind',
  'provider_id',
  'recipient_unit_id',
  'support_type_ids',
  'support_type_codes',
  'recipient_unit_code',
  'contact_employee_id',
  'cell_count',
]);

/** "What changed in the grid": cells and support types created, changed and removed, newest first. */
export function GridHistoryPage() {
  const { t } = useTranslation();
  const { name } = useNamer();
  const [range, setRange] = useState({ from: daysAgo(30), to: daysAgo(0) });
  const history = useGridHistory(range);
  const matrix = useGridMatrix({ unit: '', type: '' });
  const types = useSupportTypes();
  const looks = useTypeLooks(types.data?.items ?? matrix.data?.support_types);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of matrix.data?.recipients ?? []) map.set(providerKey('unit', r.id), name(r.name, r.code));
    for (const p of matrix.data?.providers ?? []) map.set(providerKey(p.kind, p.id), name(p.name, p.code));
    return map;
  }, [matrix.data, name]);

  const badOrder = range.from && range.to && range.to < range.from;

  let body;
  if (history.isPending) body = <LoadingRows rows={6} height={72} />;
  else if (!history.data) body = <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  else {
    const entries = history.data.pages.flatMap((p) => p.items);
    body =
      entries.length === 0 ? (
        <EmptyBlock message={t('grid.history.empty')} icon={<IconHistory size={32} aria-hidden />} />
      ) : (
        <>
          <Stack gap="xs" data-testid="history-list">
            {entries.map((e) => (
              <HistoryEntry key={e.id} entry={e} names={names} looks={looks} />
            ))}
          </Stack>
          {history.isFetchNextPageError && (
            <LoadError error={history.error} onRetry={() => void history.fetchNextPage()} />
          )}
          <Center mt="md">
            {history.hasNextPage ? (
              <Button
                variant="default"
                loading={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('grid.history.end')}
              </Text>
            )}
          </Center>
        </>
      );
  }

  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" mb="md" maw={640}>
        <TextInput
          type="date"
          label={t('grid.history.from')}
          value={range.from}
          max={range.to || undefined}
          onChange={(e) => setRange((r) => ({ ...r, from: e.currentTarget.value }))}
        />
        <TextInput
          type="date"
          label={t('grid.history.to')}
          value={range.to}
          min={range.from || undefined}
          error={badOrder ? t('validation.dateOrder') : null}
          onChange={(e) => setRange((r) => ({ ...r, to: e.currentTarget.value }))}
        />
      </SimpleGrid>
      <div aria-busy={history.isFetching}>{body}</div>
    </>
  );
}

const VERBS = ['create', 'update', 'delete', 'archive', 'restore'] as const;
type Verb = (typeof VERBS)[number];
const VERB_COLOR: Record<Verb, string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  archive: 'gray',
  restore: 'indigo',
};
const verbOf = (action: string): Verb | null => {
  const last = action.split('.').pop() ?? '';
  return (VERBS as readonly string[]).includes(last) ? (last as Verb) : null;
};

function HistoryEntry({
  entry,
  names,
  looks,
}: {
  entry: AuditEntry;
  names: Map<string, string>;
  looks: Map<string, TypeLook>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { name } = useNamer();
  const before = asSnap(entry.before);
  const after = asSnap(entry.after);
  const snap = after ?? before ?? {};
  const verb = verbOf(entry.action);
  const isCell = 'recipient_unit_id' in snap;

  let subject: ReactNode;
  if (isCell) {
    const p = providerOf(snap);
    // Names of today; the codes the snapshot kept for units or people removed since.
    const provider = p
      ? (names.get(providerKey(p.kind, p.id)) ?? (p.code || t('grid.history.removedUnit')))
      : '?';
    const recipient =
      names.get(providerKey('unit', str(snap.recipient_unit_id))) ??
      (str(snap.recipient_unit_code) || t('grid.history.removedUnit'));
    subject = (
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {provider}
        </Text>
        <IconArrowRight size={14} aria-label={t('grid.history.helps')} />
        <Text size="sm" fw={600}>
          {recipient}
        </Text>
      </Group>
    );
  } else {
    const n = asSnap(snap.name);
    const label = n
      ? name(n as unknown as Names, String(snap.code ?? ''))
      : String(snap.code ?? entry.entity_id);
    subject = (
      <Text size="sm" fw={600}>
        {t('grid.history.supportType', { name: label })}
      </Text>
    );
  }

  const oldTypes = ids(before?.support_type_ids);
  const newTypes = ids(after?.support_type_ids);
  const added = newTypes.filter((id) => !oldTypes.includes(id));
  const removed = oldTypes.filter((id) => !newTypes.includes(id));
  const typeLook = (id: string): TypeLook =>
    looks.get(id) ?? { id, abbr: '?', label: id.slice(0, 8), color: 'gray', archived: false };
  const changes =
    verb === 'update' ? diffSnapshots(before, after).filter((c) => !HIDDEN_FIELDS.has(c.field)) : [];
  const fieldLabel = (f: string) =>
    (
      ({
        instructions: t('grid.editor.instructions'),
        expected_response: t('grid.editor.expected'),
        contact_employee_code: t('grid.editor.contact'),
        name: t('grid.types.name'),
        description: t('grid.types.description'),
        color: t('grid.types.color'),
        status: t('grid.types.status'),
        code: t('grid.types.code'),
      }) as Record<string, string>
    )[f] ?? f;
  const show = (v: unknown) => {
    if (v === null || v === undefined || v === '') return t('common.none');
    if (typeof v === 'string') return v;
    const n = asSnap(v);
    if (n && ('ru' in n || 'en' in n)) return name(n as unknown as Names);
    return JSON.stringify(v);
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="history-entry" component="article">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs" align="center">
          <Badge color={verb ? VERB_COLOR[verb] : 'gray'} variant="light" miw="max-content">
            {verb ? t(`grid.history.verbs.${verb}`) : entry.action}
          </Badge>
          {subject}
        </Group>
        <Text size="xs" c="dimmed">
          {format.dateTime(entry.at)} · {entry.actor_label}
        </Text>
      </Group>
      {(added.length > 0 || removed.length > 0) && (
        <Group gap={6} mt={6}>
          {verb !== 'create' &&
            added.map((id) => (
              <Group key={id} gap={2} wrap="nowrap">
                <Text size="sm" c="teal.8" fw={700} aria-label={t('grid.history.added')}>
                  +
                </Text>
                <TypeBadge look={typeLook(id)} size="xs" />
              </Group>
            ))}
          {verb === 'create' && added.map((id) => <TypeBadge key={id} look={typeLook(id)} size="xs" />)}
          {verb !== 'delete' &&
            removed.map((id) => (
              <Group key={id} gap={2} wrap="nowrap" td="line-through">
                <Text size="sm" c="red.8" fw={700} aria-label={t('grid.history.removed')}>
                  −
                </Text>
                <TypeBadge look={typeLook(id)} size="xs" />
              </Group>
            ))}
          {verb === 'delete' && removed.map((id) => <TypeBadge key={id} look={typeLook(id)} size="xs" />)}
        </Group>
      )}
      {changes.length > 0 && (
        <Stack gap={2} mt={6}>
          {changes.map((c) => (
            <Text key={c.field} size="sm" style={{ wordBreak: 'break-word' }}>
              <Text span c="dimmed" inherit>
                {fieldLabel(c.field)}:{' '}
              </Text>
              <Text span c="red.8" inherit>
                {show(c.before)}
              </Text>
              {' → '}
              <Text span c="teal.9" inherit>
                {show(c.after)}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
