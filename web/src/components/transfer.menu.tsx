import { useState, type ReactNode } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';

export interface Download {
  href: string;
  label: string;
  format: 'xlsx' | 'csv';
}

/**
 * An "Import / export" menu: plain download links (the session cookie goes along), then — for
 * those who may — an item that opens the feature's import dialog.
 */
export function TransferMenu({
  label,
  downloads,
  importLabel,
  canImport,
  dialog,
}: {
  label: string;
  downloads: readonly Download[];
  importLabel: string;
  canImport: boolean;
  dialog: (opened: boolean, onClose: () => void) => ReactNode;
}) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {downloads.map((d) => (
            <Menu.Item
              key={d.href}
              component="a"
              href={d.href}
              download
              leftSection={
                d.format === 'xlsx' ? (
                  <IconFileSpreadsheet size={16} aria-hidden />
                ) : (
                  <IconFileExport size={16} aria-hidden />
                )
              }
            >
              {d.label}
            </Menu.Item>
          ))}
          {canImport && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {importLabel}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog(importing, () => setImporting(false))}
    </>
  );
}
