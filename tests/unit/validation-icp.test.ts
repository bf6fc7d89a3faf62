import { describe, expect, it } from 'vitest';
import { checkIcpNo, ICP_RE, icpProvinces } from '../../src/domain/validation/icp.ts';
import { PROVINCES } from '../../src/domain/validation/provinces.ts';
import { errorMessage, okValue, okWarnings } from './validation-helpers.ts';

describe('checkIcpNo (SPEC §6.4)', () => {
  it.each([
    '京ICP备05070218号',
    '京ICP备19014889号',
    '陕ICP备15002899号-4',
    '蜀ICP备10014763号',
    '冀ICP备15003849号',
    '川ICP备123456号',
  ])('accepts %s', (input) => {
    expect(okValue(checkIcpNo(input))).toBe(input);
  });

  it('normalises spaces, full-width characters, case and dashes', () => {
    expect(okValue(checkIcpNo(' 京 ICP 备 05070218 号 '))).toBe('京ICP备05070218号');
    expect(okValue(checkIcpNo('陕ＩＣＰ备１５００２８９９号－４'))).toBe('陕ICP备15002899号-4');
    expect(okValue(checkIcpNo('京icp备05070218号'))).toBe('京ICP备05070218号');
    expect(okValue(checkIcpNo('陕ICP备15002899号—4'))).toBe('陕ICP备15002899号-4');
  });

  it.each([
    '',
    '京ICP备05070218',
    'ICP备05070218号',
    '京ICP备12345号',
    '京ICP备123456789号',
    '港ICP备05070218号',
    '京ICP备05070218号-',
    '京ICP备05070218号-1234',
    '京公网安备11010202000001号',
  ])('rejects %s with an example', (input) => {
    expect(errorMessage(checkIcpNo(input))).toMatch(/ICP备案号/);
  });

  it('explains that an ICP licence number is not a filing number', () => {
    expect(errorMessage(checkIcpNo('京ICP证030173号'))).toContain('ICP经营许可证号');
  });

  it('warns when the abbreviation does not match the org province', () => {
    expect(okWarnings(checkIcpNo('蜀ICP备10014763号', { provinceCode: '51' }))).toEqual([]);
    expect(okWarnings(checkIcpNo('川ICP备10014763号', { provinceCode: '510903' }))).toEqual([]);
    expect(okWarnings(checkIcpNo('新ICP备10014763号', { provinceCode: '660000' }))).toEqual([]);
    const w = okWarnings(checkIcpNo('京ICP备05070218号', { provinceCode: '510000' }));
    expect(w).toEqual(['ICP备案号的省份简称“京”与组织单位所在省份（四川省，简称“蜀”或“川”）不一致，请核对']);
    expect(okWarnings(checkIcpNo('京ICP备05070218号', { provinceCode: '11BM01' }))).toEqual([]);
    // 部委 (bm) orgs have no province: no warning.
    expect(okWarnings(checkIcpNo('京ICP备05070218号', { provinceCode: 'bm0100' }))).toEqual([]);
  });

  it('the regex prefix set equals the abbreviations of the province table', () => {
    const abbrs = new Set(PROVINCES.flatMap((p) => p.icp));
    for (const abbr of abbrs) expect(ICP_RE.test(`${abbr}ICP备12345678号`)).toBe(true);
    expect(
      ICP_RE.source
        .match(/\^\(([^)]*)\)/)?.[1]
        ?.split('|')
        .sort(),
    ).toEqual([...abbrs].sort());
  });

  it('maps an abbreviation back to provinces', () => {
    expect(icpProvinces('蜀ICP备10014763号')).toEqual(['51']);
    expect(icpProvinces('新ICP备10014763号')).toEqual(['65', '66']);
  });
});
