import { ActionIcon, CopyButton, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A read-only value with a copy button, wrapped over as many lines as it needs. Focusing the field selects it all, which is the fallback
 * where the clipboard API is unavailable (plain http on a host other than localhost).
 */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard;
  return (
    <Textarea
      label={label}
      value={value}
      readOnly
      autosize
      minRows={1}
      onFocus={(e) => e.currentTarget.select()}
      // The whole value stays visible, wrapped, even on a phone: people check links by eye.
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
      data-testid={testId}
      rightSection={
        canCopy ? (
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  aria-label={copied ? t('common.copied') : `${t('common.copy')}: ${label}`}
                  onClick={() => {
                    try {
                      copy();
                    } catch {
                      notifications.show({ color: 'red', message: t('common.copyFailed') });
                    }
                  }}
                >
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        ) : null
      }
    />
  );
}
