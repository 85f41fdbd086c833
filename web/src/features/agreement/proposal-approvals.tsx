import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Approval, Decision } from '../../../../src/contract/catalog.schema';
import { useFormat } from '../../i18n/use-format';
import { pickName } from '../grid/grid-labels';

const DECISION_COLOR: Record<Decision, string> = { pending: 'gray', approved: 'teal', rejected: 'red' };
const DECISION_ICON = {
  pending: <IconClock size={12} aria-hidden />,
  approved: <IconCheck size={12} aria-hidden />,
  rejected: <IconX size={12} aria-hidden />,
};

/** Who must approve, who may, and what each decided. */
export function ProposalApprovals({
  approvals,
  mine,
  open = false,
  authorId = null,
  viewerId = null,
}: {
  approvals: Approval[];
  mine: string[];
  /** The proposal is in discussion: pending approvals can be decided now. */
  open?: boolean;
  authorId?: string | null;
  viewerId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return (
    <section aria-labelledby="proposal-approvals-title">
      <Title order={2} size="h4" id="proposal-approvals-title" mb="sm">
        {t('agreement.approvals.title')}
      </Title>
      {approvals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreement.approvals.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {approvals.map((a) => (
            <Paper
              key={a.id}
              withBorder
              radius="md"
              p="sm"
              data-testid="approval"
              bg={mine.includes(a.id) ? 'blue.0' : undefined}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ minWidth: 0 }}>
                  {a.requirement === 'head' && a.unit
                    ? t('agreement.approvals.head', { unit: pickName(a.unit.name, lng, a.unit.code) })
                    : t('agreement.approvals.manager')}
                </Text>
                <Badge
                  color={DECISION_COLOR[a.decision]}
                  variant="light"
                  leftSection={DECISION_ICON[a.decision]}
                  miw="max-content"
                >
                  {t(`agreement.decision.${a.decision}`)}
                </Badge>
              </Group>
              {a.eligible.length > 0 && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('agreement.approvals.eligible', { names: a.eligible.map((p) => p.name).join(', ') })}
                </Text>
              )}
              {open && a.decision === 'pending' && !mine.includes(a.id) && (
                <StuckHint
                  approval={a}
                  viewerIsAuthor={authorId !== null && authorId === viewerId}
                  authorId={authorId}
                />
              )}
              {mine.includes(a.id) && (
                <Text size="xs" c="blue.8" mt={2}>
                  {t('agreement.approvals.yours')}
                </Text>
              )}
              {a.decided_by && (
                <Text size="xs" mt={4}>
                  {t('agreement.approvals.decidedBy', {
                    name: a.decided_by.name,
                    date: format.dateTime(a.decided_at),
                  })}
                </Text>
              )}
              {a.comment && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} fs="italic">
                  «{a.comment}»
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

/**
 * Why a pending approval may have nobody to decide it: a unit without a head who has an account,
 * or the viewer wrote the proposal and may not approve it themselves.
 */
function StuckHint({
  approval: a,
  viewerIsAuthor,
  authorId,
}: {
  approval: Approval;
  viewerIsAuthor: boolean;
  authorId: string | null;
}) {
  const { t } = useTranslation();
  let key: string | null = null;
  if (a.requirement === 'head' && a.eligible.length === 0) key = 'agreement.approvals.stuckNoHead';
  else if (viewerIsAuthor && a.requirement === 'manager') key = 'agreement.approvals.stuckManager';
  else if (viewerIsAuthor && a.requirement === 'head' && a.eligible.every((e) => e.id === authorId))
    key = 'agreement.approvals.stuckHead';
  if (!key) return null;
  return (
    <Text size="xs" c="orange.9" mt={4} data-testid="approval-stuck">
      {t(key as 'agreement.approvals.stuckManager')}
    </Text>
  );
}
