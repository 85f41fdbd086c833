import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import type { UsersTable } from './database';
import { newId } from './ids';
import { userRepository, type UserFilter } from './user.repository';
import { isForeignKeyViolation, isUniqueViolation } from './dialect/driver-errors';
import { sessionRepository } from './session.repository';

const AT = '2026-03-02T09:00:00.000Z';
const person = (email: string, name: string, extra: Partial<UsersTable> = {}): UsersTable => ({
  id: newId(),
  email,
  name,
  role: 'staff',
  status: 'active',
  password_hash: null,
  locale: null,
  created_at: AT,
  updated_at: AT,
  last_login_at: null,
  ...extra,
});

const PEOPLE = [
  person('joan.smith@example.org', 'Joan Smith', { role: 'admin' }),
  person('maria@example.org', 'MARIA GARCÍA', { role: 'manager' }),
  person('ivan@example.org', 'Иван Петров', { role: 'manager', status: 'deactivated' }),
  person('desk50@example.org', '50% Desk'),
  person('desk500@example.org', '500 Desk', { status: 'invited' }),
  person('a_b@example.org', 'Underscore'),
  person('axb@example.org', 'No Underscore'),
  person('slash@example.org', 'Back\\Slash'),
];

describeEachDb('user repository', (database) => {
  const db = () => database().db;
  beforeAll(async () => {
    for (const row of PEOPLE) await userRepository.insert(db(), row);
  });

  const emails = async (filter: UserFilter) =>
    (await userRepository.list(db(), filter, { limit: 100, offset: 0 })).map((u) => u.email).sort();

  it.each([
    ['joan', ['joan.smith@example.org']],
    ['SMITH', ['joan.smith@example.org']],
    ['JoAn.SmItH@EXAMPLE', ['joan.smith@example.org']],
    ['maria garcía', ['maria@example.org']],
    ['иван', ['ivan@example.org']],
    ['ПЕТРОВ', ['ivan@example.org']],
    ['50%', ['desk50@example.org']],
    ['%', ['desk50@example.org']],
    ['a_b', ['a_b@example.org']],
    ['_', ['a_b@example.org']],
    ['k\\s', ['slash@example.org']],
    ['nobody', []],
  ])('finds %j by name or e-mail, ignoring case, wildcards taken literally', async (q, expected) => {
    expect(await emails({ q })).toEqual(expected);
  });

  it('filters by role and status, also together with text', async () => {
    expect(await emails({ role: 'manager' })).toEqual(['ivan@example.org', 'maria@example.org']);
    expect(await emails({ status: 'invited' })).toEqual(['desk500@example.org']);
    expect(await emails({ role: 'manager', status: 'active' })).toEqual(['maria@example.org']);
    expect(await emails({ q: 'desk', status: 'active' })).toEqual(['desk50@example.org']);
  });

  it('counts with the same filters, as a number on every engine', async () => {
    const all = await userRepository.count(db());
    expect(typeof all).toBe('number');
    expect(all).toBe(PEOPLE.length);
    expect(await userRepository.count(db(), { role: 'manager' })).toBe(2);
    expect(await userRepository.count(db(), { q: 'desk' })).toBe(2);
    expect(await userRepository.count(db(), { q: 'nobody' })).toBe(0);
  });

  it('sorts by name then e-mail and pages', async () => {
    const all = await userRepository.list(db(), {}, { limit: 100, offset: 0 });
    const names = all.map((u) => u.name);
    expect(names.slice(0, 2)).toEqual(['50% Desk', '500 Desk']);
    const page = await userRepository.list(db(), {}, { limit: 3, offset: 2 });
    expect(page.map((u) => u.id)).toEqual(all.slice(2, 5).map((u) => u.id));
  });

  it('finds by id and by e-mail, and updates', async () => {
    const maria = PEOPLE[1]!;
    expect(await userRepository.findByEmail(db(), 'maria@example.org')).toEqual(maria);
    expect(await userRepository.findById(db(), newId())).toBeUndefined();
    await userRepository.update(db(), maria.id, {
      name: 'María García',
      updated_at: '2026-03-03T00:00:00.000Z',
    });
    expect(await userRepository.findById(db(), maria.id)).toMatchObject({
      name: 'María García',
      email: maria.email,
    });
  });

  it('reports a duplicate e-mail as a unique violation', async () => {
    const error = await userRepository.insert(db(), person('joan.smith@example.org', 'Another Joan')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isForeignKeyViolation(error)).toBe(false);
    // The connection stays usable afterwards.
    expect(await userRepository.count(db())).toBe(PEOPLE.length);
  });

  it('reports a row pointing nowhere as a foreign-key violation', async () => {
    const error = await sessionRepository
      .insert(db(), {
        id: 'x',
        user_id: newId(),
        csrf_token: 'c',
        created_at: AT,
        last_seen_at: AT,
        expires_at: AT,
        ip: null,
        user_agent: null,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });
});
