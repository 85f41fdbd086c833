import {
  IconHistory,
  IconLayoutGrid,
  IconPrinter,
  IconQuestionMark,
  IconTags,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { SectionTabs } from '../../components/section-tabs';
import { useDocumentTitle } from '../../components/use-document-title';
import { GridTransferMenu } from './grid-transfer.menu';
import './grid.css';

const TABS = [
  { key: 'matrix', path: '/grid', icon: IconLayoutGrid },
  { key: 'ask', path: '/grid/ask', icon: IconQuestionMark },
  { key: 'history', path: '/grid/history', icon: IconHistory },
  { key: 'types', path: '/grid/types', icon: IconTags },
  { key: 'print', path: '/grid/print', icon: IconPrinter },
] as const satisfies readonly { key: string; path: string; icon: Icon }[];

/** The grid's frame: its title, the way between its pages, import and export; the page below. */
export function GridLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = TABS.find((tab) => tab.path !== '/grid' && pathname.startsWith(tab.path)) ?? TABS[0];
  const title = t('grid.title');
  // After PageHeader's own title: a grid page is named "Whom do I ask? – Service grid".
  useDocumentTitle(current.key === 'matrix' ? title : `${t(`grid.tabs.${current.key}`)} – ${title}`);

  return (
    <>
      <div className="grid-no-print">
        <PageHeader title={title} intro={t('grid.intro')} action={<GridTransferMenu />} />
        <SectionTabs
          tabs={TABS.map((tab) => ({ ...tab, label: t(`grid.tabs.${tab.key}`) }))}
          current={current.key}
          label={t('grid.tabs.label')}
        />
      </div>
      <Outlet />
    </>
  );
}
