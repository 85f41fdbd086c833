import { actorName } from './actor-label';
import { useMemo, useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconGitPullRequest, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonRef, Proposal, ProposalChangeInput } from '../../../../src/contract/catalog.schema';
import { isApiError } from '../../api/api-error';
import { MessagePage } from '../../components/message-page';
import { useDocumentTitle } from '../../components/use-document-title';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { useProposal, useUpdateProposal } from './agreement.queries';
import { ProposalActions, ProposalEditForm, useProposalErrorText } from './proposal-actions';
import { ProposalApprovals } from './proposal-approvals';
import { ProposalStatusBadge } from './proposal-badges';
import { ProposalChanges } from './proposal-changes';
import { ProposalDiscussion } from './proposal-discussion';
import { StandardsTabs } from '../standards/standards.layout';

/** `/standards/proposals/:id`: one proposal — what it changes, who must approve, the discussion. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  useDocumentTitle(
    proposal.data ? `#${proposal.data.number} ${proposal.data.title}` : t('agreement.list.title'),
  );

  if (proposal.isPending) return <LoadingRows rows={6} height={48} />;
  if (proposal.isError) {
    // A malformed address (not a UUID) is a 400: for the reader it is the same "no such proposal".
    if (isApiError(proposal.error) && (proposal.error.status === 404 || proposal.error.status === 400))
      return (
        <MessagePage
          icon={<IconGitPullRequest size={32} aria-hidden />}
          title={t('agreement.list.title')}
          message={t('agreement.notFound')}
          testId="proposal-not-found"
        />
      );
    return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  }
  return <ProposalView proposal={proposal.data} />;
}

/** The change set as the PATCH body wants it (the definitions the proposal carries now). */
const asInput = (p: Proposal): ProposalChangeInput[] =>
  p.changes.map(
    (c) =>
      ({
        entity: c.entity,
        action: c.action,
        code: c.code,
        base_version: c.base_version,
        definition: c.after,
      }) as ProposalChangeInput,
  );

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const update = useUpdateProposal(p.id);
  const errorText = useProposalErrorText();
  const [removing, setRemoving] = useState<string | null>(null);

  // Whom one can @mention: the author and everyone who may decide an approval.
  const people = useMemo(() => {
    const byId = new Map<string, PersonRef>();
    if (p.author) byId.set(p.author.id, p.author);
    for (const a of p.approvals) {
      for (const e of a.eligible) byId.set(e.id, e);
      if (a.decided_by) byId.set(a.decided_by.id, a.decided_by);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [p]);

  const removeChange = (index: number) => {
    const change = p.changes[index]!;
    const key = `${change.entity}:${change.code}`;
    setRemoving(key);
    update.mutate(
      { revision: p.revision, changes: asInput(p).filter((_, i) => i !== index) },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('agreement.change.removed', { code: change.code }),
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
        onSettled: () => setRemoving(null),
      },
    );
  };

  const author = actorName(p.author, p.author_label, t);

  return (
    <>
      <StandardsTabs />
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to="/standards/proposals" size="sm">
          {t('agreement.list.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          #{p.number}
        </Text>
      </Breadcrumbs>
      <Stack gap="sm" mb="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" align="center" wrap="wrap">
            <Title order={1} size="h2" data-testid="proposal-title">
              <Text span c="dimmed" inherit ff="monospace">
                #{p.number}
              </Text>{' '}
              {p.title}
            </Title>
            <ProposalStatusBadge status={p.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('agreement.byline', { author, date: format.dateTime(p.created_at) })}
            {p.effective_from
              ? ` · ${t('agreement.effectiveOn', { date: format.date(p.effective_from) })}`
              : p.status === 'published'
                ? ''
                : ` · ${t('agreement.effectiveOnApproval')}`}
          </Text>
          {p.status === 'published' && (
            <Text size="sm" c="green.9" data-testid="published-line">
              {t(p.published_directly ? 'agreement.publishedDirectly' : 'agreement.publishedOn', {
                date: format.dateTime(p.published_at),
                name: actorName(p.published_by, p.published_by_label, t),
              })}
            </Text>
          )}
        </Stack>
        {!editing && <ProposalActions proposal={p} onEdit={() => setEditing(true)} />}
      </Stack>

      {p.conflicts.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('agreement.conflicts.title')}
          mb="md"
          data-testid="proposal-conflicts"
        >
          <List size="sm" spacing={2}>
            {p.conflicts.map((c) => (
              <List.Item key={`${c.proposal_id}:${c.entity}:${c.code}`}>
                {t('agreement.conflicts.item', { code: c.code })}{' '}
                <Anchor component={Link} to={`/standards/proposals/${c.proposal_id}`} size="sm">
                  #{c.number} {c.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {p.status === 'draft' && p.can.submit && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} mb="md">
          {t('agreement.draftHint')}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              {editing ? (
                <ProposalEditForm proposal={p} onDone={() => setEditing(false)} />
              ) : (
                <>
                  <Title order={2} size="h5" mb={4}>
                    {t('agreement.rationale')}
                  </Title>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.rationale ? undefined : 'dimmed'}>
                    {p.rationale || t('agreement.noRationale')}
                  </Text>
                </>
              )}
            </Paper>
            <ProposalChanges
              changes={p.changes}
              onRemove={p.can.edit && p.changes.length > 0 ? removeChange : undefined}
              removingCode={removing}
            />
            <ProposalDiscussion proposalId={p.id} people={people} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ProposalApprovals
            approvals={p.approvals}
            mine={p.can.decide}
            open={p.status === 'open'}
            authorId={p.author?.id ?? null}
            viewerId={me.id}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
