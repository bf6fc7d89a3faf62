import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/domain/messages/index.ts';
import { checkPassword } from '../../src/domain/password-policy.ts';
import { weakPasswordProblem } from '../../src/server/password-strength.ts';

describe('weakPasswordProblem', () => {
  // Each passes the structural policy (length, three classes) yet is among the first guesses of any attacker.
  it.each(['Password123', 'P@ssw0rd123', 'Admin@12345', 'Qwerty@123', 'Abcd@123456', 'Aa123456789', 'Passw0rd!!'])(
    'refuses the common %s',
    async (pw) => {
      expect(checkPassword(pw, 'someone')).toEqual([]);
      expect(await weakPasswordProblem(pw, ['someone'])).toBe(MESSAGES.weakPassword);
    },
  );

  it('counts the account’s own words as known', async () => {
    expect(await weakPasswordProblem('Hebei@2026x', [])).toBeNull();
    expect(await weakPasswordProblem('Hebei@2026', ['hebei'])).toBe(MESSAGES.weakPassword);
  });

  it.each(['Qx7!mZr2#kLp', 'Tax#Double-2026x', 'Province#Change-2026', 'County#Log-Test-2026', 'Qhd-Port#2026'])(
    'accepts %s',
    async (pw) => {
      expect(await weakPasswordProblem(pw, ['hebei', '130000'])).toBeNull();
    },
  );
});
