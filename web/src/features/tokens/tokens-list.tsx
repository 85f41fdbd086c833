import { ActionIcon, Code, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../src/contract/token.schema';
import { RoleBadge } from '../../components/badges';
import { useFormat } from '../../i18n/use-format';
import { tokenStatus } from './token-status';
import { TokenStatusBadge } from './token-status.badge';

/** Badges and the prefix must not be squeezed into "VIE…"; the dates may wrap instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function RevokeButton({ token, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  if (tokenStatus(token) === 'revoked') return null;
  const label = t('tokens.revokeFor', { name: token.name });
  return (
    <Tooltip label={t('tokens.revoke')} withArrow>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => onRevoke(token)}>
        <IconBan size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** Tokens as a table on wide screens and as cards on phones. Secrets are never listed. */
export function TokensList({
  tokens,
  narrow,
  onRevoke,
}: {
  tokens: ApiToken[];
  narrow: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const prefix = (token: ApiToken) => <Code>{token.prefix}…</Code>;
  const created = (token: ApiToken) =>
    `${format.dateTime(token.created_at)}${token.created_by ? ` ${t('tokens.createdBy', { who: token.created_by })}` : ''}`;
  const lastUsed = (token: ApiToken) => format.dateTime(token.last_used_at, t('common.never'));
  const expires = (token: ApiToken) => format.date(token.expires_at, t('tokens.noExpiry'));

  if (narrow) {
    return (
      <Stack gap="sm" data-testid="tokens-cards">
        {tokens.map((token) => (
          <Paper key={token.id} withBorder p="sm" radius="md" data-testid="token-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4}>
                <Text fw={500} size="sm">
                  {token.name}
                </Text>
                <Group gap="xs">
                  {prefix(token)}
                  <RoleBadge role={token.role} />
                  <TokenStatusBadge token={token} />
                </Group>
              </Stack>
              <RevokeButton token={token} onRevoke={onRevoke} />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t('tokens.colCreated')}: {created(token)}
              <br />
              {t('tokens.colLastUsed')}: {lastUsed(token)}
              <br />
              {t('tokens.colExpires')}: {expires(token)}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.colName')}</Table.Th>
            <Table.Th>{t('tokens.colRole')}</Table.Th>
            <Table.Th>{t('tokens.colPrefix')}</Table.Th>
            <Table.Th>{t('tokens.colCreated')}</Table.Th>
            <Table.Th>{t('tokens.colLastUsed')}</Table.Th>
            <Table.Th>{t('tokens.colExpires')}</Table.Th>
            <Table.Th>{t('tokens.colStatus')}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t('tokens.colActions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} data-testid="token-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <RoleBadge role={token.role} />
              </Table.Td>
              <Table.Td style={NOWRAP}>{prefix(token)}</Table.Td>
              <Table.Td>
                <Text size="sm">{created(token)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lastUsed(token)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{expires(token)}</Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <TokenStatusBadge token={token} />
              </Table.Td>
              <Table.Td>
                <RevokeButton token={token} onRevoke={onRevoke} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
