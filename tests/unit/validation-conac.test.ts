import { describe, expect, it } from 'vitest';
import { CONAC_SHAPE_WARNING, checkConacCode } from '../../src/domain/validation/conac.ts';
import { errorMessage, okValue, okWarnings } from './validation-helpers.ts';

describe('checkConacCode (SPEC §6.7)', () => {
  it('accepts CA + 21 digits and a 32-hex id without warnings', () => {
    expect(okValue(checkConacCode('CA061130187606827810001'))).toBe('CA061130187606827810001');
    expect(okValue(checkConacCode(' ca061130187606827810001 '))).toBe('CA061130187606827810001');
    expect(okValue(checkConacCode('ＣＡ０６１１３０１８７６０６８２７８１０００１'))).toBe('CA061130187606827810001');
    expect(okWarnings(checkConacCode('CA061130187606827810001'))).toEqual([]);
    const id = '0123456789ABCDEF0123456789abcdef';
    expect(okValue(checkConacCode(id))).toBe(id.toLowerCase());
  });

  it('only warns about unusual shapes and keeps the value as entered', () => {
    for (const odd of ['CA06113018760682781000', 'XYZ123', ' 党政机关 ']) {
      const r = checkConacCode(odd);
      expect(okValue(r)).toBe(odd.trim());
      expect(okWarnings(r)).toEqual([CONAC_SHAPE_WARNING]);
    }
  });

  it('extracts the code from a pasted embed script or link', () => {
    const script = '<script src="http://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710001.js"></script>';
    expect(okValue(checkConacCode(script))).toBe('CA330000000604299710001');
    const link = 'https://bszs.conac.cn/sitename?method=show&id=0123456789abcdef0123456789ABCDEF';
    expect(okValue(checkConacCode(link))).toBe('0123456789abcdef0123456789abcdef');
    expect(okWarnings(checkConacCode(link))).toHaveLength(1);
  });

  it('asks for a value when empty', () => {
    expect(errorMessage(checkConacCode(''))).toContain('请填写');
  });
});
