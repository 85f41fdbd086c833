import { IconFileImport, IconLayoutDashboard, IconCalendarOff, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { SectionTabs } from '../../components/section-tabs';

const TABS = [
  { key: 'dashboard', path: '/monitoring', icon: IconLayoutDashboard },
  { key: 'import', path: '/monitoring/import', icon: IconFileImport },
  { key: 'exclusions', path: '/monitoring/exclusions', icon: IconCalendarOff },
] as const satisfies readonly { key: string; path: string; icon: Icon }[];

/** Which tab an address belongs to: the dashboard owns everything else (records included). */
function currentTab(pathname: string) {
  return (
    TABS.find(
      (tab) => tab.path !== '/monitoring' && (pathname === tab.path || pathname.startsWith(`${tab.path}/`)),
    ) ?? TABS[0]
  );
}

/**
 * The way between the monitoring pages: Dashboard · Import · Exclusions. The import and exclusions
 * pages are other features' routes; they render these tabs on top of themselves.
 */
export function MonitoringTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <SectionTabs
      tabs={TABS.map((tab) => ({ ...tab, label: t(`monitoring.tabs.${tab.key}`) }))}
      current={currentTab(pathname).key}
      label={t('monitoring.tabs.label')}
      testId="monitoring-tabs"
    />
  );
}

/** The frame of the dashboard and record pages: the tabs, then the page. */
export function MonitoringLayout() {
  return (
    <>
      <MonitoringTabs />
      <Outlet />
    </>
  );
}
