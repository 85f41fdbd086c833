import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | null): Promise<boolean>;
}

/**
 * scrypt with its parameters stored beside the hash (`scrypt$15$8$1$<salt>$<key>`), so the cost can
 * rise later without invalidating old hashes. `logN = 15` costs 32 MiB and ~0.1 s here; tests pass
 * a lower cost. Verifying against a missing hash still does the work, so an unknown e-mail takes
 * as long as a wrong password.
 */
export function createPasswordHasher(logN = 15): PasswordHasher {
  const r = 8;
  const p = 1;
  const options = (n: number) => ({ N: 2 ** n, r, p, maxmem: 2 ** n * r * 256 });

  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await scryptAsync(password.normalize('NFKC'), salt, 32, options(logN));
    return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  };
  const dummy = hash('dummy password that never matches');

  return {
    hash,
    async verify(password, stored) {
      const [scheme, n, rr, pp, salt, key] = (stored ?? (await dummy)).split('$');
      if (scheme !== 'scrypt' || !salt || !key) return false;
      const expected = Buffer.from(key, 'base64url');
      const actual = await scryptAsync(
        password.normalize('NFKC'),
        Buffer.from(salt, 'base64url'),
        expected.length,
        {
          ...options(Number(n)),
          r: Number(rr),
          p: Number(pp),
        },
      );
      return stored !== null && timingSafeEqual(actual, expected);
    },
  };
}
