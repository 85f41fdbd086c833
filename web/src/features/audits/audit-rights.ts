import { roleCan } from '../../../../src/core/permissions';
import type { Role } from '../../../../src/core/roles';

/**
 * Who may act on a submitted audit — amend it, raise follow-ups from its failed items: quality
 * leads (`audits.write.all`) any, an auditor (`audits.write`) their own; never a draft. The
 * server's rule, asked here only to show or hide the buttons.
 */
export function canActOnSubmitted(
  user: { id: string; role: Role },
  audit: { status: string; auditor: { kind: string; id: string } },
): boolean {
  if (audit.status !== 'submitted') return false;
  if (roleCan(user.role, 'audits.write.all')) return true;
  return roleCan(user.role, 'audits.write') && audit.auditor.kind === 'user' && audit.auditor.id === user.id;
}
