import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OrgImportDialog } from './org-import.dialog';
import { exportUrl } from './org-transfer';

/** Import / export on the tree page: downloads for everyone, the import for org.write. */
export function OrgTransferMenu({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            {t('org.transfer.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={exportUrl('xlsx')}
            download
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('org.transfer.exportXlsx')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={exportUrl('csv', 'units')}
            download
            leftSection={<IconFileExport size={16} aria-hidden />}
          >
            {t('org.transfer.exportUnitsCsv')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={exportUrl('csv', 'employees')}
            download
            leftSection={<IconFileExport size={16} aria-hidden />}
          >
            {t('org.transfer.exportEmployeesCsv')}
          </Menu.Item>
          {canWrite && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('org.transfer.import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <OrgImportDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
