import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMobile } from '../../src/domain/validation/mobile.ts';
import { errorMessage, okValue, okWarnings } from './validation-helpers.ts';

describe('checkMobile (SPEC §6.1)', () => {
  it.each([
    '13912345678',
    '139 1234 5678',
    '139-1234-5678',
    '+86 139 1234 5678',
    '+8613912345678',
    '8613912345678',
    '0086 13912345678',
    '１３９１２３４５６７８',
    '139－1234－5678',
    '(+86)13912345678',
  ])('accepts %s and stores the bare 11 digits', (input) => {
    expect(okValue(checkMobile(input))).toBe('13912345678');
    expect(okWarnings(checkMobile(input))).toEqual([]);
  });

  it.each(['12912345678', '1391234567', '139123456789', '23912345678', 'abc', '139 1234 567x', '+1 13912345678'])(
    'rejects %s with the documented message',
    (input) => {
      expect(errorMessage(checkMobile(input))).toBe('手机号码格式不正确，应为11位数字，如 13912345678');
    },
  );

  it('asks for a value when empty', () => {
    expect(errorMessage(checkMobile('  '))).toContain('请填写手机号码');
  });

  it('accepts every 1[3-9]xxxxxxxxx number in any separator style (property)', () => {
    const mobile = fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
      )
      .map(([d, rest]) => `1${d}${rest}`);
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '86', '+86 '), fc.constantFrom('', ' ', '-'), (m, prefix, sep) => {
        const typed = `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
        expect(okValue(checkMobile(typed))).toBe(m);
      }),
    );
  });
});
