import type { ReactNode } from 'react';
import { Anchor, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconChartLine, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { MessagePage } from '../../components/message-page';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { pickName } from '../grid/grid-labels';
import { EntryActions } from './entry-actions';
import { StandardBadges } from './standards-catalog.page';
import { toPercent, useLocalText } from './standards-labels';
import { useCalendar, useStandard } from './standards.queries';
import { StandardInWords } from './standard-text';
import { VersionHistory } from './version-history';

/** A label and its value, one under the other; used in the facts card. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Stack>
  );
}

/** One standard: the version in force in plain words, where it applies, its history and open proposals. */
export function StandardPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { lng, text } = useLocalText();
  const standard = useStandard(code);
  const def = standard.data?.current.definition ?? null;
  const calendar = useCalendar(def?.calendar);

  if (standard.isPending) return <LoadingRows rows={6} height={40} />;
  if (standard.isError) {
    if (isApiError(standard.error) && standard.error.status === 404)
      return (
        <MessagePage
          icon={<IconChecklist size={32} aria-hidden />}
          title={t('standards.page.notFoundTitle')}
          message={t('standards.page.notFound', { code })}
          testId="standard-not-found"
        />
      );
    return <LoadError error={standard.error} onRetry={() => void standard.refetch()} />;
  }
  const s = standard.data;
  const ringSeconds = calendar.data?.current.definition?.ring_seconds;
  const none = t('common.none');

  return (
    <>
      <PageHeader
        title={text(def?.title, s.code)}
        action={
          <EntryActions
            entity="standard"
            code={s.code}
            status={s.status}
            editTo={`/standards/${encodeURIComponent(s.code)}/edit`}
            latestVersion={s.versions[0]?.version}
            retireTitle={t('standards.page.retireTitle', { code: s.code })}
          />
        }
      />
      <Group gap="xs" mb="md" mt={-12}>
        <Text ff="monospace" size="sm" c="dimmed">
          {s.code}
        </Text>
        <StandardBadges standard={s} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('standards.preview.title')}
                </Title>
                {def ? (
                  <StandardInWords definition={def} ringSeconds={ringSeconds} />
                ) : (
                  <Text>{t('standards.page.retiredText')}</Text>
                )}
                {def?.description && (
                  <Fact label={t('standards.fields.description')}>{text(def.description)}</Fact>
                )}
                {def?.why && <Fact label={t('standards.fields.why')}>{text(def.why)}</Fact>}
              </Stack>
            </Card>
            {s.pending.length > 0 && (
              <Card withBorder radius="md" data-testid="standard-pending">
                <Title order={2} size="h4" mb="xs">
                  {t('standards.page.pending')}
                </Title>
                <List size="sm" spacing={4}>
                  {s.pending.map((p) => (
                    <List.Item key={p.id}>
                      <Anchor component={Link} to={`/standards/proposals/${p.id}`}>
                        {t('standards.save.draftOption', { number: p.number, title: p.title })}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        ({t(`standards.proposalStatus.${p.status}`)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Card>
            )}
            <Card withBorder radius="md" bg="var(--mantine-color-gray-0)">
              <Group gap="sm" wrap="nowrap">
                <IconChartLine size={28} aria-hidden color="var(--mantine-color-dimmed)" />
                <Stack gap={0}>
                  <Text fw={600} size="sm">
                    {t('standards.page.results')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('standards.page.resultsSoon')}
                  </Text>
                </Stack>
              </Group>
            </Card>
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="sm">
                {t('standards.history.title')}
              </Title>
              <VersionHistory versions={s.versions} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md">
            <Stack gap="sm">
              <Fact label={t('standards.fields.kind')}>{def ? t(`standards.kinds.${def.kind}`) : none}</Fact>
              <Fact label={t('standards.fields.category')}>
                {def ? t(`standards.categories.${def.category}`) : none}
              </Fact>
              <Fact label={t('standards.fields.channels')}>
                {def?.channels?.map((c) => t(`standards.channels.${c}`)).join(', ') ??
                  t('standards.catalog.allChannels')}
              </Fact>
              <Fact label={t('standards.fields.target')}>
                {def
                  ? t('standards.targetPer', {
                      percent: toPercent(def.target),
                      period: t(`standards.periodsPer.${def.period}`),
                    })
                  : none}
              </Fact>
              <Fact label={t('standards.page.appliesTo')}>
                {s.applies_to.length === 0 ? (
                  none
                ) : (
                  <Group gap={6}>
                    {s.applies_to.map((u) => (
                      <Anchor key={u.id} component={Link} to={`/org/units/${u.id}`} size="sm">
                        {pickName(u.name, lng, u.code)}
                      </Anchor>
                    ))}
                  </Group>
                )}
                {!def?.units && (
                  <Text size="xs" c="dimmed">
                    {t('standards.catalog.wholeOrg')}
                  </Text>
                )}
              </Fact>
              <Fact label={t('standards.fields.calendar')}>
                {def?.calendar ? (
                  <Anchor
                    component={Link}
                    to={`/standards/calendars/${encodeURIComponent(def.calendar)}`}
                    size="sm"
                  >
                    {text(calendar.data?.current.definition?.name, def.calendar)}
                  </Anchor>
                ) : (
                  t('standards.page.unitCalendar')
                )}
              </Fact>
              <Fact label={t('standards.fields.owner')}>
                {s.owner ? (
                  <Anchor component={Link} to={`/org/employees/${s.owner.id}`} size="sm">
                    {pickName(s.owner.name, lng, s.owner.code)}
                  </Anchor>
                ) : (
                  (def?.owner ?? none)
                )}
              </Fact>
              <Fact label={t('standards.fields.gridCells')}>
                {def?.grid_cells?.length ? (
                  <List size="sm" spacing={2}>
                    {def.grid_cells.map((c) => (
                      <List.Item key={`${c.provider}>${c.recipient}`}>
                        <Anchor component={Link} to="/grid" size="sm" ff="monospace">
                          {c.provider} → {c.recipient}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  none
                )}
              </Fact>
              <Fact label={t('standards.fields.measure')}>
                {def ? t(`standards.measures.${def.measure.type}`) : none}
              </Fact>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
