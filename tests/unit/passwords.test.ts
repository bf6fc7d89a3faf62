// Hashing parameters: passwords keep the 19 MiB profile, 校验码 use the lighter one, and every profile 校验码 were
// hashed with so far (the password profile before issue 11, 1 MiB before issue 22) still verifies.

import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { generateCheckCode } from '../../src/domain/codes.ts';
import { hashCheckCode, hashSecret, verifyCheckCodeDummy, verifySecret } from '../../src/server/passwords.ts';

describe('argon2id parameters', () => {
  it('hashes passwords at 19 MiB, t=2 and 校验码 at 256 KiB, t=1', async () => {
    expect(await hashSecret('Passw0rd!x')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashCheckCode(generateCheckCode())).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
  });

  it('verifies 校验码 hashed with any profile used so far, and rejects a wrong one', async () => {
    const code = generateCheckCode();
    // The 1 MiB, t=1 profile of issue 11 (before issue 22) stays in stored hashes until a code is reset.
    const issue11 = await hash(code, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    for (const hashed of [await hashCheckCode(code), issue11, await hashSecret(code)]) {
      expect(await verifySecret(hashed, code)).toBe(true);
      expect(await verifySecret(hashed, `${code.slice(1)}X`)).toBe(false);
    }
    expect(await verifyCheckCodeDummy(code)).toBe(false);
  });
});
