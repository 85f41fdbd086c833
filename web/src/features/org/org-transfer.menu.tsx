import { useTranslation } from 'react-i18next';
import { TransferMenu } from '../../components/transfer.menu';
import { OrgImportDialog } from './org-import.dialog';
import { exportUrl } from './org-transfer';

/** Import / export on the tree page: downloads for everyone, the import for org.write. */
export function OrgTransferMenu({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <TransferMenu
      label={t('org.transfer.menu')}
      downloads={[
        { href: exportUrl('xlsx'), label: t('org.transfer.exportXlsx'), format: 'xlsx' },
        { href: exportUrl('csv', 'units'), label: t('org.transfer.exportUnitsCsv'), format: 'csv' },
        { href: exportUrl('csv', 'employees'), label: t('org.transfer.exportEmployeesCsv'), format: 'csv' },
      ]}
      importLabel={t('org.transfer.import')}
      canImport={canWrite}
      dialog={(opened, onClose) => <OrgImportDialog opened={opened} onClose={onClose} />}
    />
  );
}
