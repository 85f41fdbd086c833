import { useTranslation } from 'react-i18next';
import { roleCan } from '../../../../src/core/permissions';
import { TransferMenu } from '../../components/transfer.menu';
import { useCurrentUser } from '../auth/session.queries';
import { GridImportDialog } from './grid-import.dialog';
import { gridExportUrl } from './grid-transfer';

/**
 * Import / export of the whole grid as a spreadsheet: downloads for everyone, the import for
 * `grid.write` (it can change any cell, so heads with `grid.write.own` do not get it).
 */
export function GridTransferMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <TransferMenu
      label={t('grid.transfer.menu')}
      downloads={[
        { href: gridExportUrl('xlsx'), label: t('grid.transfer.exportXlsx'), format: 'xlsx' },
        { href: gridExportUrl('csv'), label: t('grid.transfer.exportCsv'), format: 'csv' },
      ]}
      importLabel={t('grid.transfer.import')}
      canImport={roleCan(me.role, 'grid.write')}
      dialog={(opened, onClose) => <GridImportDialog opened={opened} onClose={onClose} />}
    />
  );
}
