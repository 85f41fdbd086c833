import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import type { Role } from '../../core';

type Headers = Record<string, string>;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Holidays//EN',
  'BEGIN:VEVENT',
  'UID:a@example.org',
  'DTSTART;VALUE=DATE:20200107',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Рождество',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b@example.org',
  'DTSTART;VALUE=DATE:20260504',
  'SUMMARY:Day off',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:c@example.org',
  'DTSTART:20260505T090000Z',
  'SUMMARY:Meeting',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describeEachDb('POST /calendars/holidays/ics', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['manager', 'head', 'staff'] as const)
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
  });
  afterAll(() => t.app.close());

  const post = (headers: Headers | undefined, payload: string, type = 'text/calendar; charset=utf-8') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/calendars/holidays/ics',
      headers: { ...headers, 'content-type': type },
      payload,
    });

  it('answers the holidays and the skipped events of a file', async () => {
    for (const role of ['manager', 'head'] as const) {
      const response = await post(as[role], ICS);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        holidays: [
          { date: '--01-07', summary: 'Рождество', recurring: true },
          { date: '2026-05-04', summary: 'Day off', recurring: false },
        ],
        skipped: [{ summary: 'Meeting', reason: 'it has a time of day, not whole days' }],
      });
    }
  });

  it('refuses staff (no standards.propose) and anonymous callers', async () => {
    expect((await post(as.staff, ICS)).statusCode).toBe(403);
    expect((await post(undefined, ICS)).statusCode).toBe(401);
  });

  it('refuses what is not iCalendar with 400 and the reason', async () => {
    const response = await post(as.manager, 'hello world');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [{ in: 'body', message: 'it does not start with BEGIN:VCALENDAR' }] },
      },
    });
  });

  it('takes only text/calendar, up to 2 MiB', async () => {
    expect((await post(as.manager, ICS, 'application/json')).statusCode).toBe(400);
    expect((await post(as.manager, ICS, 'text/plain')).statusCode).toBe(415);
    const huge = ICS.replace('END:VCALENDAR', `X-PAD:${'x'.repeat(2 * 1024 * 1024)}\r\nEND:VCALENDAR`);
    expect((await post(as.manager, huge)).statusCode).toBe(413);
  });
});
