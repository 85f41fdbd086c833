import { describe, expect, it } from 'vitest';
import { Email, UserCreate } from './user.schema';

describe('Email', () => {
  it.each([
    [' Ann@Example.org ', 'ann@example.org'],
    ['OLEG@EXAMPLE.ORG', 'oleg@example.org'],
  ])('normalizes %j to %j before checking it', (input, expected) => {
    expect(Email.parse(input)).toBe(expected);
  });

  it.each(['not an e-mail', 'a@', '', 42])('refuses %j', (input) => {
    expect(Email.safeParse(input).success).toBe(false);
  });
});

describe('UserCreate', () => {
  it('wants either a password or an invitation, not both or neither', () => {
    const base = { email: 'a@example.org', name: 'A', role: 'staff' };
    expect(UserCreate.safeParse({ ...base, password: 'x' }).success).toBe(true);
    expect(UserCreate.safeParse({ ...base, invite: true }).success).toBe(true);
    expect(UserCreate.safeParse(base).success).toBe(false);
    expect(UserCreate.safeParse({ ...base, invite: true, password: 'x' }).success).toBe(false);
  });
});
