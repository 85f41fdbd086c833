import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogEntity, CatalogStatus } from '../../../../src/contract/catalog.schema';
import { useCurrentUser } from '../auth/session.queries';
import { ProposalSaveDialog } from './proposal-save.dialog';
import { canPropose } from './standards-labels';

/**
 * A catalog entry's actions, for people who may propose: "Propose a change" (its editor) and
 * "Retire" (a retirement of the latest version, saved into a proposal). Nothing for a retired entry.
 */
export function EntryActions({
  entity,
  code,
  status,
  editTo,
  latestVersion,
  retireTitle,
}: {
  entity: CatalogEntity;
  code: string;
  status: CatalogStatus;
  editTo: string;
  latestVersion: number | undefined;
  retireTitle: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [retiring, setRetiring] = useState(false);
  if (!canPropose(me.role) || status === 'retired') return null;
  return (
    <Group gap="xs">
      <Button component={Link} to={editTo} leftSection={<IconPencil size={16} aria-hidden />}>
        {t('standards.page.propose')}
      </Button>
      <Button
        variant="default"
        color="red"
        leftSection={<IconArchive size={16} aria-hidden />}
        onClick={() => setRetiring(true)}
      >
        {t('standards.page.retire')}
      </Button>
      <ProposalSaveDialog
        opened={retiring}
        onClose={() => setRetiring(false)}
        defaultTitle={retireTitle}
        change={
          latestVersion === undefined
            ? null
            : { entity, action: 'retire', code, base_version: latestVersion, definition: null }
        }
      />
    </Group>
  );
}
