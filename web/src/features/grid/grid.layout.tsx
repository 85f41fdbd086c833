import { useEffect, useRef } from 'react';
import { Button, Group } from '@mantine/core';
import {
  IconHistory,
  IconLayoutGrid,
  IconPrinter,
  IconQuestionMark,
  IconTags,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header';
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
  // On a phone the page links scroll sideways: keep the current one in sight.
  const nav = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (link && nav.current) nav.current.scrollLeft = link.offsetLeft - nav.current.offsetLeft - 8;
  }, [current.key]);

  return (
    <>
      <div className="grid-no-print">
        <PageHeader title={title} intro={t('grid.intro')} action={<GridTransferMenu />} />
        <Group
          ref={nav}
          component="nav"
          aria-label={t('grid.tabs.label')}
          gap={4}
          wrap="nowrap"
          mb="md"
          className="grid-nav"
        >
          {TABS.map((tab) => {
            const active = tab.key === current.key;
            return (
              <Button
                key={tab.key}
                component={Link}
                to={tab.path}
                variant={active ? 'light' : 'subtle'}
                color={active ? undefined : 'gray'}
                size="sm"
                leftSection={<tab.icon size={16} aria-hidden />}
                aria-current={active ? 'page' : undefined}
                miw="max-content"
              >
                {t(`grid.tabs.${tab.key}`)}
              </Button>
            );
          })}
        </Group>
      </div>
      <Outlet />
    </>
  );
}
