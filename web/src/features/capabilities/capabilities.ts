import type { Icon } from '@tabler/icons-react';
import {
  IconActivity,
  IconBuildingCommunity,
  IconChecklist,
  IconClipboardCheck,
  IconHistory,
  IconKey,
  IconSitemap,
  IconTrendingUp,
  IconUsers,
} from '@tabler/icons-react';
import type { Permission } from '../../../../src/core/permissions';

/** The parts of Etalon from the product's capability map, in the order a person meets them. */
export const CAPABILITIES = [
  { key: 'org', path: '/org', icon: IconBuildingCommunity, built: true },
  { key: 'grid', path: '/grid', icon: IconSitemap, built: true },
  { key: 'standards', path: '/standards', icon: IconChecklist, built: true },
  { key: 'monitoring', path: '/monitoring', icon: IconActivity, built: true },
  { key: 'audits', path: '/audits', icon: IconClipboardCheck, built: true },
  { key: 'improvement', path: '/improvement', icon: IconTrendingUp, built: false },
] as const satisfies readonly { key: string; path: string; icon: Icon; built: boolean }[];

export type CapabilityKey = (typeof CAPABILITIES)[number]['key'];

/** Administration pages, each shown only to roles holding its permission. */
export const ADMIN_PAGES = [
  { key: 'users', path: '/admin/users', icon: IconUsers, permission: 'users.read' },
  { key: 'tokens', path: '/admin/tokens', icon: IconKey, permission: 'tokens.manage' },
  { key: 'audit', path: '/admin/audit', icon: IconHistory, permission: 'audit.read' },
] as const satisfies readonly { key: string; path: string; icon: Icon; permission: Permission }[];
