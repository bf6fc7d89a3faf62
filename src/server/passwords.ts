// Password and code hashing with argon2id (@node-rs/argon2), plus a constant-cost dummy check for unknown users.
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = Argon2id. OWASP's second recommended profile: 19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifySecret(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification, so a wrong login name cannot be told from a wrong password. */
export async function verifyDummy(plain: string): Promise<false> {
  dummy ??= hashSecret('dummy-password-for-timing');
  await verifySecret(await dummy, plain);
  return false;
}
