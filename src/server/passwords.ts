// Password and code hashing with argon2id (@node-rs/argon2), plus a constant-cost dummy check for unknown users.
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = Argon2id. OWASP's second recommended profile: 19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * The 校验码's argon2id parameters: 256 KiB, t=1, p=1 (~0.12–0.14 ms of CPU on this project's 2-core machine, against
 * ~0.3–0.4 ms at 1 MiB and ~25 ms for a password).
 *
 * The password profile above stretches secrets that people choose, which dictionaries guess in few tries. A 校验码
 * is not chosen by anyone: 8 characters drawn by the system's CSPRNG from a 31-letter alphabet (src/domain/codes.ts),
 * 31^8 ≈ 8.5·10^11 ≈ 2^39.6, with no structure to guess first. Online guessing is counted before the code is checked
 * (attempt-limits.ts: the site locks after repeated failures, the IP is throttled). What the hash resists is a stolen
 * database: finding one site's code takes ~2^38.6 ≈ 4.3·10^11 argon2id evaluations on average. Each touches its
 * 256 KiB about three times (~0.75 MiB of memory traffic), so a large GPU (~1 TB/s) manages ~10^6 per second: about
 * 4–5 GPU-days per site (1 MiB: ~2 weeks), every site salted apart, and the code only opens that one site's
 * 填报 entry, which its unit can reset. Random tokens are commonly stored under a single SHA-256 (2^38.6 of those is
 * under a minute on the same GPU); argon2id at 256 KiB keeps a per-site search in days. The database also holds an
 * AES copy of the code under the server secret (check-code-cipher.ts): whoever has the secret reads codes directly,
 * whatever the hash costs. Issue 11 lowered the profile from 19 MiB, t=2 (the batch took ~7 minutes for 10,000
 * codes); issue 22 from 1 MiB to 256 KiB, because the 16:00 batch shares two cores with the database and 1 MiB
 * cost about a third of its time (docs/BENCHMARKS.md).
 *
 * argon2 writes its parameters into each hash, so codes hashed with older parameters still verify (at their cost).
 */
const CHECK_CODE_OPTIONS = { algorithm: 2, memoryCost: 256, timeCost: 1, parallelism: 1 } as const;

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
