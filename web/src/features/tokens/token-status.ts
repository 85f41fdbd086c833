import type { ApiToken } from '../../../../src/contract/token.schema';

export type TokenStatus = 'active' | 'revoked' | 'expired';

/** Revoked wins over expired; `now` is a parameter so the rule stays testable. */
export function tokenStatus(token: ApiToken, now: number = Date.now()): TokenStatus {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && Date.parse(token.expires_at) <= now) return 'expired';
  return 'active';
}

export const TOKEN_STATUS_COLOR: Record<TokenStatus, string> = {
  active: 'teal',
  revoked: 'red',
  expired: 'gray',
};
