import { randomBytes } from 'node:crypto';

/** The last id's millisecond and 74 random bits, so ids made in the same millisecond still ascend. */
let lastMs = -1;
let lastRandom = 0n;
const RAND_B_BITS = 62n;

/**
 * A UUID version 7 (RFC 9562): 48 bits of milliseconds, then randomness. Ids sort by creation
 * time, so keyset pagination and "newest first" need no extra index. Within one millisecond the
 * random part grows by a random step (RFC 9562 §6.2, method 2), so ids made by this process in
 * the same millisecond sort in the order they were made, too.
 * Example: `newId(Date.UTC(2026, 0, 1))` → `019b7…-7…-…`.
 */
export function newId(nowMs: number = Date.now()): string {
  const bytes = randomBytes(10);
  // 73 fresh random bits leave room to grow; in the same millisecond, step up by 1 to 2^32.
  const random =
    nowMs === lastMs
      ? lastRandom + 1n + BigInt(bytes.readUInt32BE(0))
      : BigInt(`0x${bytes.toString('hex')}`) >> 7n;
  lastMs = nowMs;
  lastRandom = random;
  const hex =
    nowMs.toString(16).padStart(12, '0') +
    (0x7000n | (random >> RAND_B_BITS)).toString(16) + // version 7, then 12 bits
    ((2n << RAND_B_BITS) | (random & ((1n << RAND_B_BITS) - 1n))).toString(16); // variant 10, then 62 bits
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
