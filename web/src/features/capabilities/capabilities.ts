import type { Icon } from '@tabler/icons-react';
import {
  IconActivity,
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
  { key: 'grid', path: '/grid', icon: IconSitemap },
  { key: 'standards', path: '/standards', icon: IconChecklist },
  { key: 'monitoring', path: '/monitoring', icon: IconActivity },
  { key: 'audits', path: '/audits', icon: IconClipboardCheck },
  { key: 'improvement', path: '/improvement', icon: IconTrendingUp },
] as const satisfies readonly { key: string; path: string; icon: Icon }[];

export type CapabilityKey = (typeof CAPABILITIES)[number]['key'];

/** Administration pages, each shown only to roles holding its permission. */
export const ADMIN_PAGES = [
  { key: 'users', path: '/admin/users', icon: IconUsers, permission: 'users.read' },
  { key: 'tokens', path: '/admin/tokens', icon: IconKey, permission: 'tokens.manage' },
  { key: 'audit', path: '/admin/audit', icon: IconHistory, permission: 'audit.read' },
] as const satisfies readonly { key: string; path: string; icon: Icon; permission: Permission }[];
