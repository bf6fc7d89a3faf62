// Hashing parameters: passwords keep the 19 MiB profile, 校验码 use the lighter one, and both (and 校验码 hashed
// before the change, with the password profile) verify.
import { describe, expect, it } from 'vitest';
import { generateCheckCode } from '../../src/domain/codes.ts';
import { hashCheckCode, hashSecret, verifyCheckCodeDummy, verifySecret } from '../../src/server/passwords.ts';

describe('argon2id parameters', () => {
  it('hashes passwords at 19 MiB, t=2 and 校验码 at 1 MiB, t=1', async () => {
    expect(await hashSecret('Passw0rd!x')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashCheckCode(generateCheckCode())).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });

  it('verifies 校验码 hashed with either profile, and rejects a wrong one', async () => {
    const code = generateCheckCode();
    for (const hashed of [await hashCheckCode(code), await hashSecret(code)]) {
      expect(await verifySecret(hashed, code)).toBe(true);
      expect(await verifySecret(hashed, `${code.slice(1)}X`)).toBe(false);
    }
    expect(await verifyCheckCodeDummy(code)).toBe(false);
  });
});
