import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconFlag, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import type { TemplateItem } from '../../../../src/contract/audit-template.schema';
import { useFormat } from '../../i18n/use-format';
import { pickText } from '../standards/standards-labels';
import { answerChoices, percent } from './answers';
import { AmendAuditDialog } from './amend-audit.dialog';
import { OutcomeBadge } from './audit-badges';
import { canActOnSubmitted } from './audit-rights';
import { useChoiceText } from './audit-item.field';
import { PhotoThumbs } from './audit-photos';
import { useCurrentUser } from '../auth/session.queries';
import { formatLocalDate } from '../follow-ups/follow-ups.logic';
import { useAuditPhotos, useFollowUps } from '../follow-ups/follow-ups.queries';
import { RaiseFollowUpDialog, type RaiseTarget } from '../follow-ups/raise-follow-up.dialog';

const VERDICT_COLOR = { pass: 'teal', fail: 'red', na: 'gray', unanswered: 'yellow' } as const;

/**
 * A submitted audit (or a draft the reader may not change), read-only: the score and outcome, the
 * core's summary in the interface language, the critical rule when it applied, each section's
 * subtotal and each item's verdict, weight and share of the score; each item's photos, and on a
 * failed item its follow-ups and (for quality leads and the audit's auditor) "Raise follow-up".
 */
export function AuditResult({ audit }: { audit: AuditDetail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const { dateTime, number } = useFormat();
  const choiceText = useChoiceText();
  const ex = audit.explanation;
  const user = useCurrentUser();
  const photos = useAuditPhotos(audit.id).data?.items ?? [];
  // Amend and raise follow-ups: the audit's auditor or a quality lead, once submitted.
  const mayAct = canActOnSubmitted(user, audit);
  const followUps = useFollowUps({ audit: audit.id }, audit.status === 'submitted').data?.items ?? [];
  const [raising, setRaising] = useState<RaiseTarget | null>(null);
  const [amending, setAmending] = useState(false);
  const items = new Map<string, TemplateItem>(audit.sections.flatMap((s) => s.items.map((i) => [i.id, i])));
  const titleOf = (id: string) => {
    const item = items.get(id);
    return item ? pickText(item.title, lng, item.standard) : id;
  };
  const pct = (share: number) => `${number(percent(share))} %`;
  const answerText = (id: string) => {
    const a = audit.answers[id];
    const item = items.get(id);
    if (a === undefined || !item) return t('audits.result.noAnswer');
    const choice = answerChoices({ ...item.measure, allow_na: true }).find((c) => c.value === a);
    if (!choice) return String(a);
    const words = choiceText(choice);
    return words.sub && choice.kind === 'point' ? `${words.main} — ${words.sub}` : words.main;
  };

  return (
    <Stack gap="lg" data-testid="audit-result">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('audits.result.score')}
            </Text>
            <Text fz={40} fw={700} lh={1.1} data-testid="audit-score">
              {ex.score === null ? t('audits.result.noScore') : pct(ex.score)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('audits.result.passMark', { value: pct(ex.pass_mark) })}
            </Text>
          </Stack>
          {audit.status === 'submitted' ? (
            <OutcomeBadge outcome={ex.outcome} size="xl" />
          ) : (
            <Badge color="yellow" variant="light" size="xl" tt="none">
              {t('audits.status.draft')}
            </Badge>
          )}
        </Group>
        <Text size="sm" mt="sm" data-testid="audit-summary">
          {ex.summary[lng]}
        </Text>
        {audit.submitted_at && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('audits.result.submittedAt', { when: dateTime(audit.submitted_at) })}
          </Text>
        )}
        {mayAct && (
          <Button
            mt="sm"
            variant="light"
            size="md"
            leftSection={<IconPencil size={18} aria-hidden />}
            onClick={() => setAmending(true)}
            data-testid="amend-audit"
          >
            {t('audits.amend.action')}
          </Button>
        )}
      </Paper>
      {mayAct && amending && (
        <AmendAuditDialog audit={audit} opened={amending} onClose={() => setAmending(false)} />
      )}

      {ex.critical_failed.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertOctagon aria-hidden />}
          title={t('audits.result.criticalTitle')}
          data-testid="critical-rule"
        >
          {t('audits.result.criticalRule', {
            items: ex.critical_failed.map(titleOf).join(', '),
            weighted: ex.weighted_score === null ? t('common.none') : pct(ex.weighted_score),
          })}
        </Alert>
      )}
      {audit.status !== 'submitted' && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('audits.result.readOnlyDraft')}
        </Alert>
      )}

      {audit.sections.map((section) => {
        const sub = ex.sections.find((s) => s.section_id === section.id);
        const title =
          (section.title &&
            pickText({ ru: section.title.ru ?? undefined, en: section.title.en ?? undefined }, lng)) ||
          section.id;
        const headingId = `result-section-${section.id}`;
        return (
          <section key={section.id} aria-labelledby={headingId}>
            <Group justify="space-between" align="baseline" gap="xs" mb="xs">
              <Title order={2} size="h4" id={headingId}>
                {title}
              </Title>
              {sub && (
                <Text size="sm" fw={600} data-testid="section-subtotal">
                  {sub.score === null
                    ? t('audits.result.sectionNotJudged')
                    : t('audits.result.sectionScore', {
                        score: pct(sub.score),
                        earned: number(sub.earned),
                        counted: number(sub.counted),
                      })}
                </Text>
              )}
            </Group>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {section.items.map((item) => {
                const row = ex.items.find((r) => r.item_id === item.id);
                const comment = audit.comments[item.id];
                return (
                  <Paper key={item.id} component="li" withBorder radius="md" p="sm" data-testid="result-item">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {titleOf(item.id)}
                        </Text>
                        <Text size="sm">
                          {t('audits.result.answer')}: {answerText(item.id)}
                        </Text>
                      </Stack>
                      {row && (
                        <Badge
                          color={VERDICT_COLOR[row.verdict]}
                          variant="light"
                          tt="none"
                          style={{ flexShrink: 0 }}
                        >
                          {t(`audits.verdict.${row.verdict}`)}
                        </Badge>
                      )}
                    </Group>
                    {row && (
                      <>
                        <Group gap={6} mt={6}>
                          <Badge color="gray" variant="outline" tt="none">
                            {t('audits.result.weight', { value: number(row.weight) })}
                          </Badge>
                          {row.verdict === 'pass' && (
                            <Badge color="teal" variant="outline" tt="none">
                              {t('audits.result.contribution', { value: pct(row.contribution) })}
                            </Badge>
                          )}
                          {row.verdict === 'fail' && (
                            <Badge color="red" variant="outline" tt="none">
                              {t('audits.result.lost', { value: pct(row.lost) })}
                            </Badge>
                          )}
                          {row.critical && (
                            <Badge color="red" variant="light" tt="none">
                              {t('audits.item.critical')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" mt={4}>
                          {row.says[lng]}
                        </Text>
                      </>
                    )}
                    {comment && (
                      <Text size="sm" mt={6} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                        <Text span fw={600} size="sm">
                          {t('audits.item.comment')}:
                        </Text>{' '}
                        {comment}
                      </Text>
                    )}
                    <PhotoThumbs
                      photos={photos.filter((p) => p.item_id === item.id)}
                      label={titleOf(item.id)}
                    />
                    {followUps
                      .filter((f) => f.item_id === item.id)
                      .map((f) => (
                        <Text key={f.id} size="sm" mt={6} data-testid="item-follow-up">
                          <IconFlag size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                          {t('followUps.onItem', {
                            owner: f.owner.name,
                            due: formatLocalDate(f.due_on, lng),
                            status: t(`followUps.status.${f.status}`),
                          })}
                        </Text>
                      ))}
                    {row?.verdict === 'fail' && mayAct && (
                      <Button
                        mt="sm"
                        variant="light"
                        color="red"
                        size="md"
                        h={44}
                        leftSection={<IconFlag size={18} aria-hidden />}
                        aria-label={t('followUps.raise.buttonFor', { item: titleOf(item.id) })}
                        onClick={() =>
                          setRaising({ itemId: item.id, itemTitle: titleOf(item.id), says: row.says[lng] })
                        }
                        data-testid="raise-follow-up"
                      >
                        {t('followUps.raise.button')}
                      </Button>
                    )}
                  </Paper>
                );
              })}
            </Stack>
          </section>
        );
      })}

      {photos.some((p) => p.item_id === null) && (
        <section aria-labelledby="result-photos">
          <Title order={2} size="h4" id="result-photos" mb="xs">
            {t('followUps.photos.ofAudit')}
          </Title>
          <PhotoThumbs
            photos={photos.filter((p) => p.item_id === null)}
            label={t('followUps.photos.ofAudit')}
          />
        </section>
      )}

      {audit.amendment_history.length > 0 && (
        <section aria-labelledby="result-amendments">
          <Title order={2} size="h4" id="result-amendments" mb="xs">
            {t('audits.result.amendmentsTitle')}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {audit.amendment_history.map((a) => (
              <Paper key={a.n} component="li" withBorder radius="md" p="sm">
                <Text size="sm" fw={600}>
                  {t('audits.result.amendment', { n: a.n, when: dateTime(a.at), by: a.by })}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.reason}
                </Text>
              </Paper>
            ))}
          </Stack>
        </section>
      )}
      <RaiseFollowUpDialog
        auditId={audit.id}
        selfId={user.id}
        target={raising}
        onClose={() => setRaising(null)}
      />
    </Stack>
  );
}
