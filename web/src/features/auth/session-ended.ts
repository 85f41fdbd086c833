/**
 * Set when the server answered 401 to a signed-in person (the session expired or was ended
 * elsewhere), so the sign-in page can say why it appeared. Cleared by the next sign-in or sign-out.
 */
let ended = false;

export const sessionEnded = {
  mark: () => {
    ended = true;
  },
  clear: () => {
    ended = false;
  },
  get: () => ended,
};
