import {
  IconBook,
  IconCalendar,
  IconChecklist,
  IconGitPullRequest,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { SectionTabs } from '../../components/section-tabs';

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
  return (
    <SectionTabs
      tabs={TABS.map((tab) => ({ ...tab, label: t(`standards.tabs.${tab.key}`) }))}
      current={current.key}
      label={t('standards.tabs.label')}
      testId="standards-tabs"
    />
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
