/** What the sign-in page tells someone who was sent there, carried in the router's location state. */
export type AuthNotice = 'setupDone' | 'inviteDone' | 'sessionEnded';

export interface AuthLocationState {
  notice?: AuthNotice;
  /** Where to go back to after signing in. */
  from?: string;
  /** The e-mail just set up or invited, so the sign-in form starts with it filled in. */
  email?: string;
}

export const readAuthState = (state: unknown): AuthLocationState =>
  state !== null && typeof state === 'object' ? (state as AuthLocationState) : {};
