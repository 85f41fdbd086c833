import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMail, IconPhone, IconSearch, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { GridAnswer } from '../../../../src/contract/grid.schema';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { flattenTree, useNamer, useTypeLooks } from './grid-labels';
import { useGridAsk, useMyEmployee, useSupportTypes, useUnitTree } from './grid.queries';
import { TypeBadge } from './type-badge';
import { UnitSelect } from './unit-select';

/** Long support-type names wrap inside their chip instead of widening a phone's page. */
const chipClasses = { root: 'grid-ask-chip', label: 'grid-ask-chip-label' };

/** "Whom do I ask?": pick one's unit and what one needs; the answers are cards, phone first. */
export function GridAskPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { name } = useNamer();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const type = params.get('type') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);

  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, name(u.name, u.code)])), [units, name]);
  const types = useSupportTypes();
  const active = (types.data?.items ?? []).filter((s) => s.status === 'active');
  const looks = useTypeLooks(types.data?.items);
  const mine = useMyEmployee(me);

  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  // Default to the signed-in person's own unit, once, when nothing was chosen.
  const myUnit = mine.data?.unit_id;
  useEffect(() => {
    if (!unit && myUnit && !params.has('unit')) set({ unit: myUnit });
  }, [myUnit]); // only when the record arrives
  // The text lives in the address too (after typing settles), so an answer can be shared.
  useEffect(() => {
    if (debouncedQ.trim() !== (params.get('q') ?? '')) set({ q: debouncedQ.trim() });
  }, [debouncedQ]);

  const answers = useGridAsk({ unit, type, q: debouncedQ });

  let body;
  if (tree.isSuccess && units.length === 0)
    body = (
      <EmptyBlock
        message={t('grid.matrix.noUnits')}
        icon={<IconUsersGroup size={32} aria-hidden />}
        action={
          <Button component={Link} to="/org" variant="default">
            {t('grid.matrix.toOrg')}
          </Button>
        }
      />
    );
  else if (!unit)
    body = <EmptyBlock message={t('grid.ask.pickUnit')} icon={<IconUsersGroup size={32} aria-hidden />} />;
  else if (answers.isPending) body = <LoadingRows rows={3} height={120} />;
  else if (!answers.data) body = <LoadError error={answers.error} onRetry={() => void answers.refetch()} />;
  else if (answers.data.items.length === 0) {
    body = <EmptyBlock message={type || debouncedQ ? t('grid.ask.noneFiltered') : t('grid.ask.none')} />;
  } else {
    body = (
      <Stack gap="sm" data-testid="ask-answers">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('grid.ask.count', { count: answers.data.items.length })}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {answers.data.items.map((a) => (
            <AnswerCard
              key={a.cell_id}
              answer={a}
              looks={looks}
              via={a.via_unit_id !== unit ? (unitName.get(a.via_unit_id) ?? a.via_unit_id) : null}
            />
          ))}
        </SimpleGrid>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={960}>
      <Text size="sm" c="dimmed">
        {t('grid.ask.intro')}
      </Text>
      <UnitSelect
        label={t('grid.ask.myUnit')}
        placeholder={t('grid.ask.myUnitPlaceholder')}
        units={units}
        value={unit || null}
        onChange={(v) => set({ unit: v ?? '' })}
        maw={480}
        data-testid="ask-unit"
      />
      <div>
        <Text size="sm" fw={500} mb={6} id="ask-need">
          {t('grid.ask.need')}
        </Text>
        <Chip.Group multiple={false} value={type} onChange={(v) => set({ type: v })}>
          <Group gap={6} role="radiogroup" aria-labelledby="ask-need">
            <Chip value="" size="sm" variant="outline" classNames={chipClasses}>
              {t('grid.ask.anything')}
            </Chip>
            {active.map((s) => (
              <Chip
                key={s.id}
                value={s.id}
                size="sm"
                variant="outline"
                color={s.color}
                classNames={chipClasses}
              >
                {looks.get(s.id)?.label ?? s.code}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <TextInput
        type="search"
        label={t('grid.ask.text')}
        placeholder={t('grid.ask.textPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={480}
      />
      <div aria-busy={answers.isFetching}>{body}</div>
    </Stack>
  );
}

function AnswerCard({
  answer,
  looks,
  via,
}: {
  answer: GridAnswer;
  looks: ReturnType<typeof useTypeLooks>;
  via: string | null;
}) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const provider = name(answer.provider.name, answer.provider.code);
  const contact = answer.contact;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={provider}
      data-testid="ask-answer"
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {answer.provider.kind === 'employee' ? (
            <IconUser size={18} aria-hidden />
          ) : (
            <IconUsersGroup size={18} aria-hidden />
          )}
          <Title order={2} size="h4" style={{ wordBreak: 'break-word' }}>
            {provider}
          </Title>
        </Group>
        {via && (
          <Badge variant="outline" color="gray" tt="none" miw="max-content" title={t('grid.ask.viaHint')}>
            {t('grid.ask.via', { unit: via })}
          </Badge>
        )}
      </Group>
      <Group gap={4} mt="xs">
        {answer.support_types.map((s) => (
          <TypeBadge
            key={s.id}
            look={
              looks.get(s.id) ?? {
                id: s.id,
                abbr: '',
                label: name(s.name, s.code),
                color: s.color,
                archived: false,
              }
            }
          />
        ))}
      </Group>
      {answer.instructions && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="dimmed" fw={600}>
            {t('grid.ask.instructions')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="ask-instructions">
            {answer.instructions}
          </Text>
        </Stack>
      )}
      {answer.expected_response && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="dimmed" fw={600}>
            {t('grid.ask.expected')}
          </Text>
          <Text size="sm">{answer.expected_response}</Text>
        </Stack>
      )}
      {!contact && <ProviderContact value={answer.provider_contact} />}
      {contact && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="dimmed" fw={600}>
            {t('grid.ask.contact')}
          </Text>
          <Text size="sm" fw={500}>
            {name(contact.name, contact.code)}
            {contact.position && (
              <Text span c="dimmed" inherit fw={400}>
                {' · '}
                {contact.position}
              </Text>
            )}
          </Text>
          <Group gap="sm">
            {contact.email && (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                <Group gap={4} wrap="nowrap" component="span">
                  <IconMail size={14} aria-hidden />
                  {contact.email}
                </Group>
              </Anchor>
            )}
            {contact.extensions.map((x) => (
              <Anchor
                key={x}
                href={`tel:${x.replace(/[^\d+]/g, '')}`}
                size="sm"
                aria-label={t('grid.ask.call', { number: x })}
              >
                <Group gap={4} wrap="nowrap" component="span">
                  <IconPhone size={14} aria-hidden />
                  {x}
                </Group>
              </Anchor>
            ))}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

const str = (o: Record<string, unknown>, k: string) =>
  typeof o[k] === 'string' && o[k] ? (o[k] as string) : null;

/** The providing unit's own channels (e-mail, phone, chat, page), when the cell names no person. */
function ProviderContact({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  const email = str(o, 'email');
  const phone = str(o, 'phone');
  const chat = str(o, 'chat');
  const url = str(o, 'url');
  const note = str(o, 'note');
  if (!email && !phone && !chat && !url && !note) return null;
  return (
    <Stack gap={2} mt="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {t('grid.ask.providerContact')}
      </Text>
      <Group gap="sm">
        {email && (
          <Anchor href={`mailto:${email}`} size="sm">
            {email}
          </Anchor>
        )}
        {phone && (
          <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} size="sm">
            {phone}
          </Anchor>
        )}
        {chat && <Text size="sm">{chat}</Text>}
        {url && /^https?:\/\//.test(url) && (
          <Anchor href={url} target="_blank" rel="noreferrer" size="sm">
            {url}
          </Anchor>
        )}
      </Group>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}
