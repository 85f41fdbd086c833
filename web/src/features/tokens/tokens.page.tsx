import { useState } from 'react';
import { Button } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../src/contract/token.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useLastShown } from '../../components/use-last-shown';
import { useErrorText } from '../../i18n/error-text';
import { TokenCreateDialog } from './token-create.dialog';
import { TokenSecretDialog } from './token-secret.dialog';
import { TokensList } from './tokens-list';
import { useRevokeToken, useTokens, type TokenCreated } from './tokens.queries';

/** Administration → API tokens: create (secret shown once), list, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const narrow = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [createOpened, createDialog] = useDisclosure(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
      {t('tokens.create')}
    </Button>
  );

  let body;
  if (tokens.isPending) body = <LoadingRows rows={4} height={narrow ? 120 : 52} />;
  else if (tokens.isError) body = <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.items.length === 0) {
    body = (
      <EmptyBlock
        message={t('tokens.empty')}
        icon={<IconKey size={32} aria-hidden />}
        action={createButton}
      />
    );
  } else {
    body = (
      <TokensList
        tokens={tokens.data.items}
        narrow={narrow}
        onRevoke={(token) => {
          revoke.reset();
          setRevoking(token);
        }}
      />
    );
  }

  const confirmRevoke = () => {
    if (!revoking) return;
    const name = revoking.name;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('tokens.revoked', { name }) });
        setRevoking(null);
      },
    });
  };

  const revokingShown = useLastShown(revoking);
  return (
    <>
      {/* When the list is empty its own call to action replaces this one: one "Create token" at a time. */}
      <PageHeader
        title={t('tokens.title')}
        intro={t('tokens.intro')}
        action={tokens.data?.items.length === 0 ? undefined : createButton}
      />
      {body}
      <TokenCreateDialog opened={createOpened} onClose={createDialog.close} onCreated={setCreated} />
      <TokenSecretDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revokingShown?.name ?? '' })}
        body={t('tokens.revokeBody')}
        confirmLabel={t('tokens.revoke')}
        loading={revoke.isPending}
        error={revoke.isError ? errorText(revoke.error) : null}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
