import { describe, expect, it } from 'vitest';
import { checkOfficePhone, OFFICE_PHONE_RE } from '../../src/domain/validation/office-phone.ts';
import { errorMessage, okValue } from './validation-helpers.ts';

describe('checkOfficePhone (SPEC §6.2)', () => {
  it.each([
    ['010-62345678', '010-62345678'],
    ['021-51234567', '021-51234567'],
    ['0571-87654321', '0571-87654321'],
    ['0571-87654321-123', '0571-87654321-123'],
    ['0571-8765432', '0571-8765432'],
    ['０５７１－８７６５４３２１－１２３', '0571-87654321-123'],
    ['0571 87654321', '0571-87654321'],
    ['(0571)87654321', '0571-87654321'],
    ['（０５７１）８７６５４３２１', '0571-87654321'],
    ['0571-87654321转123', '0571-87654321-123'],
    ['0571-87654321 分机 123', '0571-87654321-123'],
    ['01062345678', '010-62345678'],
    ['057187654321', '0571-87654321'],
    ['010-6234-5678', '010-62345678'],
    ['0571—87654321', '0571-87654321'],
  ])('accepts landline %s → %s', (input, stored) => {
    expect(okValue(checkOfficePhone(input))).toBe(stored);
    expect(OFFICE_PHONE_RE.test(stored)).toBe(true);
  });

  it.each([
    ['400-123-4567', '400-123-4567'],
    ['4001234567', '400-123-4567'],
    ['800 123 4567', '800-123-4567'],
    ['４００－１２３－４５６７', '400-123-4567'],
  ])('accepts service number %s → %s', (input, stored) => {
    expect(okValue(checkOfficePhone(input))).toBe(stored);
  });

  it('falls back to a mobile number', () => {
    expect(okValue(checkOfficePhone('139-1234-5678'))).toBe('13912345678');
    expect(okValue(checkOfficePhone('+86 13912345678'))).toBe('13912345678');
  });

  it('rejects a subscriber number starting with 0, 1 or 9 (SPEC regex: first digit 2–8)', () => {
    errorMessage(checkOfficePhone('010-12345678'));
    errorMessage(checkOfficePhone('010-02345678'));
    errorMessage(checkOfficePhone('0571-97654321'));
  });

  it.each([
    '',
    '62345678',
    '10-62345678',
    '01-62345678',
    '010-623456',
    '010-623456789',
    '0571-87654321-1234567',
    'tel:010',
    '010-6234-5678-1-2',
  ])('rejects %s', (input) => {
    const error = errorMessage(checkOfficePhone(input));
    expect(error).toMatch(/办公电话/);
  });

  it('says when the area code is missing and gives an example', () => {
    const error = errorMessage(checkOfficePhone('62345678'));
    expect(error).toContain('缺少区号');
    expect(error).toContain('0571-87654321-123');
  });
});
