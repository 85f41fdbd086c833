import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random secret with `bytes` bytes of entropy (32 → 43 characters). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Hex SHA-256: how session ids, API tokens and invitation links are stored. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
