/**
 * Why the last session went away, so the sign-in page can react: `ended` when the server answered
 * 401 to a signed-in person (expired, or ended elsewhere) — the page says so and offers to return
 * to where they were; `signedOut` when they chose to — no return address, since the next person at
 * this browser may not be allowed there. Cleared by the next sign-in.
 */
let reason: 'ended' | 'signedOut' | null = null;

export const sessionEnded = {
  mark: () => {
    reason = 'ended';
  },
  markSignedOut: () => {
    reason = 'signedOut';
  },
  clear: () => {
    reason = null;
  },
  get: () => reason === 'ended',
  bySignOut: () => reason === 'signedOut',
};
