import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/domain/validation/provinces.ts';
import { checkPsbNo, PSB_PENDING, PSB_RE } from '../../src/domain/validation/psb.ts';
import { errorMessage, okValue, okWarnings } from './validation-helpers.ts';

describe('checkPsbNo (SPEC §6.5)', () => {
  it.each([
    ['京公网安备11010202000001号', '京公网安备11010202000001号'],
    ['京公网安备11010202008000号', '京公网安备11010202008000号'],
    ['冀公网安备 13030202002230', '冀公网安备13030202002230号'],
    ['津公网安备 12010302000991号', '津公网安备12010302000991号'],
    ['川公网安备51090302000210号', '川公网安备51090302000210号'],
    ['赣公网安备36010802000136号', '赣公网安备36010802000136号'],
    ['京公网安备１１０１０２０２０００００１号', '京公网安备11010202000001号'],
    [' 京公网安备 1101 0202 0000 01 号', '京公网安备11010202000001号'],
  ])('accepts %s → %s', (input, stored) => {
    expect(okValue(checkPsbNo(input))).toBe(stored);
    expect(okWarnings(checkPsbNo(input))).toEqual([]);
  });

  it('accepts 「办理中」 with a 30-day reminder', () => {
    const r = checkPsbNo('办理中');
    expect(okValue(r)).toBe(PSB_PENDING);
    expect(okWarnings(r)).toHaveLength(1);
    expect(okWarnings(r)[0]).toContain('30日内');
  });

  it.each([
    '',
    '京公网安备1101020200000号',
    '京公网安备110102020000011号',
    '京ICP备05070218号',
    '港公网安备11010202000001号',
    '公网安备11010202000001号',
  ])('rejects %s', (input) => {
    expect(errorMessage(checkPsbNo(input))).toMatch(/公安机关备案号/);
  });

  it('gives specific hints for bare digits and the ICP-style 「蜀」', () => {
    expect(errorMessage(checkPsbNo('11010202000001'))).toContain('缺少省份简称');
    expect(errorMessage(checkPsbNo('蜀公网安备51090302000210号'))).toContain('“川”');
  });

  it('warns when the digits do not belong to the org province', () => {
    expect(okWarnings(checkPsbNo('冀公网安备13030202002230号', { provinceCode: '130302' }))).toEqual([]);
    const w = okWarnings(checkPsbNo('京公网安备11010202000001号', { provinceCode: '13' }));
    expect(w).toEqual(['公安机关备案号的地区代码“11”与组织单位所在省份（河北省，代码 13）不一致，请核对']);
    expect(okWarnings(checkPsbNo('新公网安备65010202000001号', { provinceCode: '660000' }))).toEqual([]);
  });

  it('warns when abbreviation and digits disagree, or the digits are no province', () => {
    expect(okWarnings(checkPsbNo('京公网安备13030202002230号'))[0]).toContain('河北省');
    expect(okWarnings(checkPsbNo('京公网安备99030202002230号'))[0]).toContain('“99”');
  });

  it('the regex prefix set equals the PSB abbreviations of the province table', () => {
    const abbrs = new Set(PROVINCES.flatMap((p) => p.psb));
    expect(
      PSB_RE.source
        .match(/\^\(([^)]*)\)/)?.[1]
        ?.split('|')
        .sort(),
    ).toEqual([...abbrs].sort());
  });
});
