import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { roleCan } from '../../../../src/core/permissions';
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
  const canImport = roleCan(me.role, 'grid.write');
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            {t('grid.transfer.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={gridExportUrl('xlsx')}
            download
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t('grid.transfer.exportXlsx')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={gridExportUrl('csv')}
            download
            leftSection={<IconFileExport size={16} aria-hidden />}
          >
            {t('grid.transfer.exportCsv')}
          </Menu.Item>
          {canImport && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('grid.transfer.import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <GridImportDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
