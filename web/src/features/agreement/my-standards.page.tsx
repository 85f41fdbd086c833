import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconUserOff, IconBook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StandardDefinition, StandardList } from '../../../../src/contract/catalog.schema';
import type { Locale } from '../../../../src/contract/common.schema';
import { roleCan } from '../../../../src/core/permissions';
import { api } from '../../api/api-client';
import { useCurrentUser } from '../auth/session.queries';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { useAcknowledge, useMyStandards } from './agreement.queries';
import { describeStandard, localized } from './plain-words';
import { StandardsTabs } from '../standards/standards.layout';

/** The catalog's versions in force, by code: the definitions to put into plain words. */
function useDefinitions() {
  return useQuery({
    queryKey: ['standards', 'list', 'definitions'],
    queryFn: async ({ signal }) => {
      const list = await api.get<StandardList>('/standards', undefined, signal);
      return new Map(
        list.items
          .filter((s) => s.current.definition !== null)
          .map((s) => [s.code, s.current.definition as StandardDefinition]),
      );
    },
    staleTime: 60_000,
  });
}

/** `/standards/mine`: the standards that bind me, and "I have read and will follow it". */
export function MyStandardsPage() {
  const { t, i18n } = useTranslation();
  const lng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const format = useFormat();
  const { errorText } = useErrorText();
  const mine = useMyStandards();
  const definitions = useDefinitions();
  const ack = useAcknowledge();
  const mayAcknowledge = roleCan(useCurrentUser().role, 'standards.acknowledge');

  const pending = useMemo(
    () => (mine.data?.items ?? []).filter((s) => !s.acknowledged_at).length,
    [mine.data],
  );

  const acknowledge = (code: string, version: number) =>
    ack.mutate(
      { code, version },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('agreement.mine.thanks', { code }) }),
        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
      },
    );

  let body;
  if (mine.isPending) body = <LoadingRows rows={4} height={88} />;
  else if (mine.isError) body = <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  else if (mine.data.employee === null)
    body = (
      <EmptyBlock icon={<IconUserOff size={32} aria-hidden />} message={t('agreement.mine.noEmployee')} />
    );
  else if (mine.data.items.length === 0) body = <EmptyBlock message={t('agreement.mine.none')} />;
  else
    body = (
      <Stack gap="sm">
        {pending > 0 ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertCircle size={18} aria-hidden />}
            data-testid="ack-callout"
          >
            {t('agreement.mine.pending', { count: pending })}
          </Alert>
        ) : (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />}>
            {t('agreement.mine.allDone')}
          </Alert>
        )}
        {mine.data.items.map((s) => {
          const def = definitions.data?.get(s.code);
          return (
            <Paper key={s.code} withBorder radius="md" p="md" data-testid="my-standard">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
                  <Group gap={8}>
                    <Anchor
                      component={Link}
                      to={`/standards/${encodeURIComponent(s.code)}`}
                      ff="monospace"
                      size="sm"
                    >
                      {s.code}
                    </Anchor>
                    <Text fw={600}>{localized(s.title, lng)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('agreement.mine.version', { version: s.version })}
                    </Text>
                  </Group>
                  {def && <Text size="sm">{describeStandard(def, lng)}</Text>}
                  {def?.description && (
                    <Text size="sm" c="dimmed">
                      {localized(def.description, lng)}
                    </Text>
                  )}
                </Stack>
                {s.acknowledged_at ? (
                  <Badge
                    color="teal"
                    variant="light"
                    leftSection={<IconCircleCheck size={12} aria-hidden />}
                    miw="max-content"
                  >
                    {t('agreement.mine.acknowledgedOn', { date: format.date(s.acknowledged_at) })}
                  </Badge>
                ) : !mayAcknowledge ? null : (
                  <Button
                    size="sm"
                    onClick={() => acknowledge(s.code, s.version)}
                    loading={ack.isPending && ack.variables?.code === s.code}
                    data-testid="acknowledge"
                    aria-label={t('agreement.mine.acknowledgeLabel', { code: s.code })}
                  >
                    {t('agreement.mine.acknowledge')}
                  </Button>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );

  return (
    <>
      <StandardsTabs />
      <PageHeader
        title={t('agreement.mine.title')}
        intro={t('agreement.mine.intro')}
        action={
          <Button
            component={Link}
            to="/handbook"
            variant="default"
            leftSection={<IconBook size={16} aria-hidden />}
          >
            {t('agreement.mine.handbook')}
          </Button>
        }
      />
      {body}
    </>
  );
}
