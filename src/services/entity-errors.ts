import { AppError } from '../core';
import { isUniqueViolation } from '../db/dialect/driver-errors';

/**
 * The row, or `not_found` naming the entity and id: the one wording every service uses.
 * Example: `found(await userRepository.findById(tx, id), 'user', id)`.
 */
export function found<T>(row: T | undefined, entity: string, id: string): T {
  if (row === undefined) throw new AppError('not_found', `No ${entity} with id ${id}`, { entity, id });
  return row;
}

/**
 * A unique-code violation as a 409 naming the `code` field; anything else is rethrown as it is.
 * Example: `catch (e) { duplicateCode(e, 'unit', input.code) }`.
 */
export function duplicateCode(error: unknown, entity: string, code: string | undefined): never {
  if (isUniqueViolation(error)) {
    const article = /^[aeiou]/i.test(entity) ? 'An' : 'A';
    throw new AppError('conflict', `${article} ${entity} with code ${code} already exists`, {
      field: 'code',
    });
  }
  throw error;
}
