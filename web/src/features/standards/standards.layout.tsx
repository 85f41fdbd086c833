import { useEffect, useRef } from 'react';
import { Button, Group } from '@mantine/core';
import {
  IconBook,
  IconCalendar,
  IconChecklist,
  IconGitPullRequest,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const TABS = [
  { key: 'catalog', path: '/standards', icon: IconChecklist },
  { key: 'calendars', path: '/standards/calendars', icon: IconCalendar },
  { key: 'proposals', path: '/standards/proposals', icon: IconGitPullRequest },
  { key: 'mine', path: '/standards/mine', icon: IconUserCheck },
  { key: 'handbook', path: '/handbook', icon: IconBook },
] as const satisfies readonly { key: string; path: string; icon: Icon }[];

/** Which tab an address belongs to: the longest tab path it starts with (the catalog owns the rest). */
function currentTab(pathname: string) {
  const matches = TABS.filter(
    (tab) => tab.path !== '/standards' && (pathname === tab.path || pathname.startsWith(`${tab.path}/`)),
  );
  return matches[0] ?? TABS[0];
}

/**
 * The way between the standards pages: Catalog · Calendars · Proposals · My standards · Handbook.
 * Pages outside this feature's layout (proposals, handbook) render it on top of themselves.
 */
export function StandardsTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = currentTab(pathname);
  // On a phone the links scroll sideways: keep the current one in sight.
  const nav = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (link && nav.current) nav.current.scrollLeft = link.offsetLeft - nav.current.offsetLeft - 8;
  }, [current.key]);
  return (
    <Group
      ref={nav}
      component="nav"
      aria-label={t('standards.tabs.label')}
      gap={4}
      wrap="nowrap"
      mb="md"
      style={{ overflowX: 'auto', scrollbarWidth: 'thin' }}
      data-testid="standards-tabs"
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
            {t(`standards.tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}

/** The frame of the catalog and calendar pages: the tabs, then the page (which has its own title). */
export function StandardsLayout() {
  return (
    <>
      <StandardsTabs />
      <Outlet />
    </>
  );
}
