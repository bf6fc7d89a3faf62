import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bmDepartmentOf,
  canonicalOrgCode,
  deriveLocalHierarchy,
  expectedLocalParent,
  formatSiteCode,
  InvalidOrgCodeError,
  ORG_CODE_RE,
  orgCodeFamily,
  PROVINCE_PAIRS,
  parseOrgCode,
  parseSiteCode,
  SITE_CODE_RE,
  SiteSequenceOverflowError,
  sameOrgCode,
} from '../../src/domain/org-code.ts';

function okCode(input: string) {
  const r = parseOrgCode(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.reason}`);
  return r;
}

function reason(input: string): string {
  const r = parseOrgCode(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.reason;
}

describe('parseOrgCode', () => {
  it.each([
    ['110000', 'LOCAL'],
    ['130302', 'LOCAL'],
    ['110102', 'LOCAL'],
    ['429004', 'LOCAL'],
    ['660000', 'LOCAL'],
    ['bm0100', 'BM'],
    ['bm2901', 'BM'],
    ['11BM01', 'PROVINCIAL_BM'],
  ] as const)('accepts %s as %s', (code, family) => {
    expect(okCode(code)).toEqual({ ok: true, code, family });
  });

  it('canonicalises case, full-width characters and spaces', () => {
    expect(okCode('BM0100').code).toBe('bm0100');
    expect(okCode('Bm2901').code).toBe('bm2901');
    expect(okCode('11bm01').code).toBe('11BM01');
    expect(okCode('１３０３０２').code).toBe('130302');
    expect(okCode(' ｂｍ０１００ ').code).toBe('bm0100');
    expect(okCode('110 102').code).toBe('110102');
  });

  it('rejects municipal 「市辖区」/「县」 aggregates with a Chinese reason', () => {
    expect(reason('110100')).toContain('110100 是“市辖区”汇总代码，不是组织单位');
    expect(reason('120100')).toContain('“市辖区”汇总代码');
    expect(reason('310100')).toContain('“市辖区”汇总代码');
    expect(reason('500100')).toContain('“市辖区”汇总代码');
    expect(reason('500200')).toContain('500200 是“县”汇总代码');
  });

  it('rejects 「省直辖县级行政区划」 aggregates', () => {
    for (const code of ['429000', '469000', '419000', '659000']) {
      expect(reason(code)).toContain(`${code} 是“省直辖县级行政区划”汇总代码，不是组织单位`);
    }
  });

  it('accepts ordinary prefecture codes ending in 00 outside municipalities', () => {
    expect(okCode('130300').code).toBe('130300');
    expect(okCode('420100').code).toBe('420100');
  });

  it('rejects unknown province pairs', () => {
    expect(reason('990000')).toContain('“99”不是有效的省级行政区划代码');
    expect(reason('710000')).toContain('省级行政区划代码');
    expect(reason('99BM01')).toContain('省级行政区划代码');
  });

  it('rejects xx00yy (county digits without prefecture digits)', () => {
    expect(reason('130001')).toContain('不是有效的行政区划代码');
  });

  it('rejects wrong shapes', () => {
    for (const bad of ['12345', 'bm01', 'bm010', '1234567', 'bm01000', '11BM1', 'ab0100', '11-000', '']) {
      const r = reason(bad);
      expect(r).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(reason('12345')).toContain('应为6位');
    expect(reason('')).toContain('请填写');
    expect(reason('bm0000')).toContain('部门编号不能为 00');
  });

  it('explains when a 10-character site code was entered instead', () => {
    expect(reason('1303020002')).toContain('其前6位 130302');
    expect(reason('BM01000001')).toContain('bm0100');
  });

  it('accepts exactly the canonical regex shape for every valid province pair (property)', () => {
    const local = fc
      .tuple(fc.constantFrom(...PROVINCE_PAIRS), fc.integer({ min: 1, max: 89 }), fc.integer({ min: 1, max: 99 }))
      .map(([p, c, x]) => `${p}${String(c).padStart(2, '0')}${String(x).padStart(2, '0')}`);
    fc.assert(
      fc.property(local, (code) => {
        const r = parseOrgCode(code);
        expect(r.ok).toBe(true);
        if (r.ok) expect(ORG_CODE_RE.test(r.code)).toBe(true);
      }),
    );
  });

  it('never throws and only returns canonical codes (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = parseOrgCode(s);
        if (r.ok) expect(ORG_CODE_RE.test(r.code)).toBe(true);
      }),
    );
  });
});

describe('canonical helpers', () => {
  it('canonicalOrgCode / sameOrgCode / orgCodeFamily', () => {
    expect(canonicalOrgCode('BM2901')).toBe('bm2901');
    expect(canonicalOrgCode('65bm01')).toBe('65BM01');
    expect(canonicalOrgCode('130302')).toBe('130302');
    expect(sameOrgCode('BM0100', 'bm0100')).toBe(true);
    expect(sameOrgCode('11bm01', '11BM01')).toBe(true);
    expect(sameOrgCode('110000', '110100')).toBe(false);
    expect(orgCodeFamily('bm0100')).toBe('BM');
    expect(orgCodeFamily('11BM01')).toBe('PROVINCIAL_BM');
    expect(orgCodeFamily('130302')).toBe('LOCAL');
    expect(orgCodeFamily('xyz')).toBeNull();
  });
});

describe('deriveLocalHierarchy / expectedLocalParent (SPEC §3.4)', () => {
  it.each([
    ['110000', { level: 1, provinceCode: '110000', cityCode: null, countyCode: null }, null],
    ['130000', { level: 1, provinceCode: '130000', cityCode: null, countyCode: null }, null],
    ['130300', { level: 2, provinceCode: '130000', cityCode: '130300', countyCode: null }, '130000'],
    ['130302', { level: 3, provinceCode: '130000', cityCode: '130300', countyCode: '130302' }, '130300'],
    ['110102', { level: 2, provinceCode: '110000', cityCode: '110102', countyCode: null }, '110000'],
    ['500101', { level: 2, provinceCode: '500000', cityCode: '500101', countyCode: null }, '500000'],
    ['429004', { level: 2, provinceCode: '420000', cityCode: '429004', countyCode: null }, '420000'],
    ['469001', { level: 2, provinceCode: '460000', cityCode: '469001', countyCode: null }, '460000'],
    ['510903', { level: 3, provinceCode: '510000', cityCode: '510900', countyCode: '510903' }, '510900'],
  ] as const)('%s', (code, hierarchy, parent) => {
    expect(deriveLocalHierarchy(code)).toEqual(hierarchy);
    expect(expectedLocalParent(code)).toBe(parent);
  });

  it('throws a typed error for non-local codes', () => {
    expect(() => deriveLocalHierarchy('bm0100')).toThrow(InvalidOrgCodeError);
    expect(() => expectedLocalParent('11BM01')).toThrow(InvalidOrgCodeError);
  });

  it('the expected parent is always one level up and shares the province (property)', () => {
    const code = fc
      .tuple(fc.constantFrom(...PROVINCE_PAIRS), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([p, c, x]) => `${p}${String(c).padStart(2, '0')}${String(x).padStart(2, '0')}`)
      .filter((c) => parseOrgCode(c).ok);
    fc.assert(
      fc.property(code, (c) => {
        const h = deriveLocalHierarchy(c);
        const parent = expectedLocalParent(c);
        if (parent === null) {
          expect(h.level).toBe(1);
        } else {
          expect(deriveLocalHierarchy(parent).level).toBe(h.level - 1);
          expect(parent.slice(0, 2)).toBe(c.slice(0, 2));
        }
      }),
    );
  });
});

describe('bmDepartmentOf', () => {
  it('maps a sub-unit to its department', () => {
    expect(bmDepartmentOf('bm2901')).toBe('bm2900');
    expect(bmDepartmentOf('bm1941')).toBe('bm1900');
    expect(bmDepartmentOf('BM3600')).toBe('bm3600');
    expect(() => bmDepartmentOf('110000')).toThrow(InvalidOrgCodeError);
  });
});

describe('网站标识码', () => {
  it('formats org code + 4-digit sequence', () => {
    expect(formatSiteCode('110102', 2)).toBe('1101020002');
    expect(formatSiteCode('bm0100', 1)).toBe('bm01000001');
    expect(formatSiteCode('BM3600', 2)).toBe('bm36000002');
    expect(formatSiteCode('11bm01', 9)).toBe('11BM010009');
    expect(formatSiteCode('130300', 9999)).toBe('1303009999');
  });

  it('overflows at 10000 with a typed error', () => {
    expect(() => formatSiteCode('130300', 10000)).toThrow(SiteSequenceOverflowError);
    try {
      formatSiteCode('130300', 10000);
    } catch (e) {
      expect(e).toBeInstanceOf(SiteSequenceOverflowError);
      expect((e as SiteSequenceOverflowError).code).toBe('SITE_SEQUENCE_OVERFLOW');
      expect((e as SiteSequenceOverflowError).orgCode).toBe('130300');
    }
  });

  it('rejects bad sequence numbers and org codes', () => {
    expect(() => formatSiteCode('130300', 0)).toThrow(RangeError);
    expect(() => formatSiteCode('130300', 1.5)).toThrow(RangeError);
    expect(() => formatSiteCode('12345', 1)).toThrow(InvalidOrgCodeError);
  });

  it('parses site codes', () => {
    expect(parseSiteCode('1303000020')).toEqual({ ok: true, siteCode: '1303000020', orgCode: '130300', seq: 20 });
    expect(parseSiteCode('BM01000001')).toEqual({ ok: true, siteCode: 'bm01000001', orgCode: 'bm0100', seq: 1 });
    expect(parseSiteCode('11bm010009')).toEqual({ ok: true, siteCode: '11BM010009', orgCode: '11BM01', seq: 9 });
    expect(parseSiteCode(' ３１００００００４４ ')).toMatchObject({ ok: true, siteCode: '3100000044' });
  });

  it('rejects malformed site codes with a reason', () => {
    const r12 = parseSiteCode('310000000044');
    expect(r12.ok).toBe(false);
    if (!r12.ok) expect(r12.reason).toContain('为12位');
    for (const bad of ['', '110000', '11000000001', 'bm0100001', '1100000000']) {
      const r = parseSiteCode(bad);
      expect(r.ok).toBe(false);
    }
  });

  it('round-trips formatSiteCode / parseSiteCode (property)', () => {
    const orgCode = fc.oneof(
      fc
        .tuple(fc.constantFrom(...PROVINCE_PAIRS), fc.integer({ min: 0, max: 9999 }))
        .map(([p, n]) => `${p}${String(n).padStart(4, '0')}`),
      fc.integer({ min: 0, max: 9999 }).map((n) => `bm${String(n).padStart(4, '0')}`),
      fc
        .tuple(fc.constantFrom(...PROVINCE_PAIRS), fc.integer({ min: 0, max: 99 }))
        .map(([p, n]) => `${p}BM${String(n).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(orgCode, fc.integer({ min: 1, max: 9999 }), fc.boolean(), (org, seq, shout) => {
        const code = formatSiteCode(org, seq);
        expect(SITE_CODE_RE.test(code)).toBe(true);
        expect(parseSiteCode(shout ? code.toUpperCase() : code.toLowerCase())).toEqual({
          ok: true,
          siteCode: code,
          orgCode: org,
          seq,
        });
      }),
    );
  });
});
