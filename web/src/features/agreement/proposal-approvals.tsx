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
export function ProposalApprovals({ approvals, mine }: { approvals: Approval[]; mine: string[] }) {
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
