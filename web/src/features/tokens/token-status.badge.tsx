import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../src/contract/token.schema';
import { TOKEN_STATUS_COLOR, tokenStatus } from './token-status';

export function TokenStatusBadge({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const status = tokenStatus(token);
  const label = {
    active: t('tokens.statusActive'),
    revoked: t('tokens.statusRevoked'),
    expired: t('tokens.statusExpired'),
  };
  return (
    <Badge color={TOKEN_STATUS_COLOR[status]} variant="light" miw="max-content">
      {label[status]}
    </Badge>
  );
}
