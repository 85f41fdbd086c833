import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../components/message-page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      icon={<IconMapPinOff size={32} aria-hidden />}
      title={t('states.notFoundTitle')}
      message={t('states.notFound')}
      testId="not-found"
    />
  );
}
