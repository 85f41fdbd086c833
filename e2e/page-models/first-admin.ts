import type { APIRequestContext } from '@playwright/test';

/**
 * The instance's first administrator. The journeys share one server and may run alone or in any
 * subset: whichever runs first sets the instance up with this person, and every other journey
 * signs in as them (journeys that need a persona of their own create it through the API).
 */
export const FIRST_ADMIN = {
  name: 'Anna Admin',
  email: 'anna@example.org',
  password: 'plum orchard 42 lanterns',
};

/** Sets the instance up with FIRST_ADMIN unless it is set up already; returns their credentials. */
export async function ensureFirstAdmin(request: APIRequestContext) {
  const setup = (await (await request.get('/api/v1/setup')).json()) as { needed: boolean };
  if (setup.needed) {
    const made = await request.post('/api/v1/setup', { data: FIRST_ADMIN });
    if (!made.ok()) throw new Error(`setup failed: ${made.status()} ${await made.text()}`);
  }
  return FIRST_ADMIN;
}
