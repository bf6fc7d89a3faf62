// Password and code hashing with argon2id (@node-rs/argon2), plus a constant-cost dummy check for unknown users.
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = Argon2id. OWASP's second recommended profile: 19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * The 校验码's argon2id parameters: 1 MiB, t=1, p=1 (~0.5 ms on one core, against ~25 ms for a password).
 *
 * The password profile above stretches secrets that people choose, which dictionaries guess in few tries. A 校验码
 * is not chosen by anyone: 8 characters drawn by the system's CSPRNG from a 31-letter alphabet, 31^8 ≈ 2^39.6, with
 * no structure to guess first. Online guessing is capped by the lock-out after failed logins; what the hash resists
 * is a stolen database, where finding one site's code takes ~2^38.6 argon2id evaluations on average — at 1 MiB each
 * of them is memory-bound on a GPU too (~10^5–10^6 per second for a large one: days to weeks per site, every site
 * salted apart), and the code only opens that one site's entry and can be reset by its unit. Random tokens are
 * commonly stored under a single SHA-256; argon2id at 1 MiB is well above that. The 19 MiB profile, on the other
 * hand, made the 16:00 batch cost ~40 ms per application (10,000 applications ≈ 7 minutes; issue 11).
 *
 * argon2 writes its parameters into each hash, so codes hashed with the older 19 MiB parameters still verify.
 */
const CHECK_CODE_OPTIONS = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashSecret(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/** For system-generated random 校验码 only (see CHECK_CODE_OPTIONS); passwords use `hashSecret`. */
export function hashCheckCode(plain: string): Promise<string> {
  return hash(plain, CHECK_CODE_OPTIONS);
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

let dummyCheckCode: Promise<string> | undefined;
/** As `verifyDummy`, at the cost of verifying a 校验码 (an unknown 标识码 answers as slowly as a wrong 校验码). */
export async function verifyCheckCodeDummy(plain: string): Promise<false> {
  dummyCheckCode ??= hashCheckCode('DUMMYCOD');
  await verifySecret(await dummyCheckCode, plain);
  return false;
}
