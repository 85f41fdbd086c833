import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeAction, ProposalStatus } from '../../../../src/contract/catalog.schema';

const STATUS_COLOR: Record<ProposalStatus, string> = {
  draft: 'gray',
  open: 'blue',
  approved: 'teal',
  rejected: 'red',
  published: 'green',
  withdrawn: 'dark',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" miw="max-content" data-testid="proposal-status">
      {t(`agreement.status.${status}`)}
    </Badge>
  );
}

const ACTION_COLOR: Record<ChangeAction, string> = { add: 'green', change: 'blue', retire: 'red' };

export function ChangeActionBadge({ action }: { action: ChangeAction }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_COLOR[action]} variant="filled" size="sm" miw="max-content">
      {t(`agreement.action.${action}`)}
    </Badge>
  );
}
