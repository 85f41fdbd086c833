/** What the sign-in page tells someone who was sent there, carried in the router's location state. */
export type AuthNotice = 'setupDone' | 'inviteDone' | 'sessionEnded';

export interface AuthLocationState {
  notice?: AuthNotice;
  /** Where to go back to after signing in. */
  from?: string;
}

export const readAuthState = (state: unknown): AuthLocationState =>
  state !== null && typeof state === 'object' ? (state as AuthLocationState) : {};
