import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/contract/common.schema';
import { currentLanguage, LANGUAGES, rememberLanguage } from '../../i18n/i18n';
import { useSession } from '../auth/session.queries';
import { useUpdateMe } from '../me/me.queries';

/**
 * The language control in every header. Its name is bilingual ("Язык / Language") so that someone
 * who cannot read the current language still finds it. Signed in, the choice is saved to the
 * profile and follows the person to other devices.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const updateMe = useUpdateMe();
  const current = currentLanguage();

  const choose = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    rememberLanguage(locale);
    if (session && session.user.locale !== locale) {
      updateMe.mutate(
        { locale },
        { onError: () => notifications.show({ color: 'orange', message: t('language.saveFailed') }) },
      );
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.label')}
          data-testid="language-switch"
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            rightSection={locale === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={locale === current ? 'true' : undefined}
            data-testid={`language-${locale}`}
          >
            {t(`language.${locale}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
