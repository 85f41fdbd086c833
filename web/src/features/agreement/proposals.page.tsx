import { actorName } from './actor-label';
import { Anchor, Group, Paper, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconGitPullRequest } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProposalStatus, ProposalSummary } from '../../../../src/contract/catalog.schema';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { notifications } from '@mantine/notifications';
import { useCurrentUser } from '../auth/session.queries';
import {
  useProposals,
  useSaveStandardsSettings,
  useStandardsSettings,
  type ProposalFilter,
} from './agreement.queries';
import { ProposalStatusBadge } from './proposal-badges';
import { StandardsTabs } from '../standards/standards.layout';

const FILTERS: ProposalFilter[] = ['open', 'approved', 'draft', 'published', 'rejected', 'withdrawn', 'all'];
const isFilter = (v: string | null): v is ProposalFilter => FILTERS.includes(v as ProposalFilter);

/** `/standards/proposals`: every proposal, by status, or only those waiting for my decision. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: ProposalFilter = isFilter(raw) ? raw : 'open';
  const awaitingMe = params.get('awaiting') === '1';
  const set = (next: { status?: ProposalFilter; awaitingMe?: boolean }) => {
    const out = new URLSearchParams();
    const s = next.status ?? status;
    const a = next.awaitingMe ?? awaitingMe;
    if (s !== 'open') out.set('status', s);
    if (a) out.set('awaiting', '1');
    setParams(out, { replace: true });
  };
  const list = useProposals({ status, awaitingMe });
  const me = useCurrentUser();

  let body;
  if (list.isPending) body = <LoadingRows rows={4} height={72} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyBlock
        icon={<IconGitPullRequest size={32} aria-hidden />}
        message={awaitingMe ? t('agreement.list.emptyAwaiting') : t('agreement.list.empty')}
      />
    );
  else
    body = (
      <Stack gap="xs" data-testid="proposal-list">
        {list.data.items.map((p) => (
          <ProposalRow key={p.id} proposal={p} />
        ))}
      </Stack>
    );

  return (
    <>
      <StandardsTabs />
      <PageHeader title={t('agreement.list.title')} intro={t('agreement.list.intro')} />
      <Group gap="md" mb="md" align="center">
        <SegmentedControl
          value={status}
          onChange={(v) => set({ status: v as ProposalFilter })}
          data={FILTERS.map((f) => ({ value: f, label: t(`agreement.filter.${f}`) }))}
          aria-label={t('agreement.list.statusFilter')}
          visibleFrom="md"
          data-testid="proposal-status-filter"
        />
        <Select
          hiddenFrom="md"
          value={status}
          onChange={(v) => v && set({ status: v as ProposalFilter })}
          data={FILTERS.map((f) => ({ value: f, label: t(`agreement.filter.${f}`) }))}
          aria-label={t('agreement.list.statusFilter')}
          allowDeselect={false}
          w="100%"
        />
        <Switch
          checked={awaitingMe}
          onChange={(e) => set({ awaitingMe: e.currentTarget.checked })}
          label={t('agreement.list.awaitingMe')}
          data-testid="awaiting-me"
        />
      </Group>
      {body}
      {me.role === 'admin' && <SelfApprovalSetting />}
    </>
  );
}

function ProposalRow({ proposal: p }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pendingLabel =
    p.status === 'open' || p.status === 'rejected'
      ? t('agreement.list.approvalsPending', { count: p.approvals_pending })
      : null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="proposal-row">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap={8} wrap="nowrap" align="baseline">
            <Text c="dimmed" ff="monospace" size="sm">
              #{p.number}
            </Text>
            <Anchor component={Link} to={`/standards/proposals/${p.id}`} fw={600} style={{ minWidth: 0 }}>
              {p.title}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            {t('agreement.list.byline', {
              author: actorName(p.author, p.author_label, t),
              date: format.date(p.created_at),
            })}
          </Text>
        </Stack>
        <ProposalStatusBadge status={p.status as ProposalStatus} />
      </Group>
      <Group mt={6} style={{ rowGap: 2, columnGap: 16 }}>
        <Text size="xs">{t('agreement.list.changes', { count: p.change_count })}</Text>
        {pendingLabel && (
          <Text size="xs" c={p.approvals_pending > 0 ? 'orange.8' : 'teal.8'}>
            {pendingLabel}
          </Text>
        )}
        <Text size="xs">{t('agreement.list.comments', { count: p.comment_count })}</Text>
        <Text size="xs" c="dimmed">
          {p.effective_from
            ? t('agreement.effectiveOn', { date: format.date(p.effective_from) })
            : t('agreement.effectiveOnApproval')}
        </Text>
      </Group>
    </Paper>
  );
}

/** Administrators: may the author of a proposal approve it themselves (small teams). */
function SelfApprovalSetting() {
  const { t } = useTranslation();
  const settings = useStandardsSettings();
  const save = useSaveStandardsSettings();
  return (
    <Paper withBorder radius="md" p="sm" mt="lg" data-testid="self-approval-setting">
      <Switch
        checked={settings.data?.allow_self_approval ?? false}
        disabled={!settings.data || save.isPending}
        onChange={(e) =>
          save.mutate(
            { allow_self_approval: e.currentTarget.checked },
            {
              onError: () => notifications.show({ color: 'red', message: t('agreement.settings.failed') }),
            },
          )
        }
        label={t('agreement.settings.selfApproval')}
        description={t('agreement.settings.selfApprovalHint')}
      />
    </Paper>
  );
}
