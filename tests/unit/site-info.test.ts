// validateSiteInfo (SPEC §5.1 #1–#27, §6): normalisation, per-field Chinese errors, warnings that do not block.
import { describe, expect, it } from 'vitest';
import {
  CONAC_MISSING_WARNING,
  emptySiteInfoInput,
  MAX_CONTACTS,
  messagesAt,
  type SiteInfoInput,
  validateSiteInfo,
} from '../../src/domain/site-info.ts';
import { sampleInfo } from '../helpers/factories.ts';

const base = () =>
  sampleInfo({ name: '秦皇岛市海港区教育局', homeUrl: 'https://jyj.hg.gov.cn/', orgCode: '130302', isPortal: false });

function fieldsOf(input: SiteInfoInput): string[] {
  const r = validateSiteInfo(input);
  return r.errors.map((e) => e.field);
}

describe('validateSiteInfo', () => {
  it('accepts the factory sample and keeps its key names', () => {
    const r = validateSiteInfo(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value).sort()).toEqual(Object.keys(base()).sort());
    expect(r.value.principal).toEqual(base().principal);
    expect(r.value.contacts).toEqual(base().contacts);
    expect(r.warnings).toEqual([{ field: 'conacCode', message: CONAC_MISSING_WARNING }]);
  });

  it('normalises full-width input, phone and mobile formats, codes and the URL', () => {
    const r = validateSiteInfo({
      ...base(),
      name: '　秦皇岛市海港区教育局（教育网）　',
      homeUrl: 'ＨＴＴＰＳ：／／JYJ.HG.GOV.CN／',
      orgCode: '１３０３０２',
      principal: {
        name: '王伟',
        title: '主任',
        officePhone: '（0335）3012345',
        mobile: '+86 139-1234-5678',
        email: 'WangWei@Example.GOV.cn',
      },
      icpNo: '冀 icp 备15003849号',
      psbNo: '冀公网安备 13030202002230',
      conacCode: 'ca061130187606827810001',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('秦皇岛市海港区教育局（教育网）');
    expect(r.value.homeUrl).toBe('https://jyj.hg.gov.cn/');
    expect(r.value.orgCode).toBe('130302');
    expect(r.value.principal).toMatchObject({
      officePhone: '0335-3012345',
      mobile: '13912345678',
      email: 'WangWei@example.gov.cn',
    });
    expect(r.value.icpNo).toBe('冀ICP备15003849号');
    expect(r.value.psbNo).toBe('冀公网安备13030202002230号');
    expect(r.value.conacCode).toBe('CA061130187606827810001');
    expect(r.warnings).toEqual([]);
  });

  it('reports every missing required field at its own path, in Chinese', () => {
    const r = validateSiteInfo(emptySiteInfoInput());
    expect(r.ok).toBe(false);
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => e.field).sort()).toEqual(
      [
        'name',
        'homeUrl',
        'orgCode',
        'isPortal',
        'isServicePlatform',
        'sponsorName',
        'principal.name',
        'principal.title',
        'principal.officePhone',
        'principal.mobile',
        'principal.email',
        'contacts.0.name',
        'contacts.0.officePhone',
        'contacts.0.mobile',
        'contacts.0.email',
        'icpNo',
        'psbNo',
      ].sort(),
    );
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(messagesAt(r, 'isPortal').errors).toEqual(['请选择是否本级政府门户网站']);
    expect(messagesAt(r, 'principal.mobile').errors[0]).toMatch(/^请填写网站负责人手机号码/);
  });

  it('names the person in format errors', () => {
    const r = validateSiteInfo({ ...base(), contacts: [{ ...base().contacts[0]!, mobile: '1391234567' }] });
    expect(messagesAt(r, 'contacts.0.mobile').errors[0]).toMatch(/^网站联系人1手机号码格式不正确/);
  });

  it('enforces lengths of names (§5.1)', () => {
    expect(fieldsOf({ ...base(), name: '网' })).toEqual(['name']);
    expect(fieldsOf({ ...base(), name: '网'.repeat(101) })).toEqual(['name']);
    expect(fieldsOf({ ...base(), sponsorAddress: '地'.repeat(201) })).toEqual(['sponsorAddress']);
    expect(fieldsOf({ ...base(), principal: { ...base().principal, title: '职'.repeat(51) } })).toEqual([
      'principal.title',
    ]);
  });

  it('rejects a bad URL, an IP host and a 10-digit site code as org code', () => {
    expect(fieldsOf({ ...base(), homeUrl: 'www.x.gov.cn' })).toEqual(['homeUrl']);
    expect(fieldsOf({ ...base(), homeUrl: 'http://10.1.2.3/' })).toEqual(['homeUrl']);
    const r = validateSiteInfo({ ...base(), orgCode: '1303020001' });
    expect(messagesAt(r, 'orgCode').errors[0]).toContain('10位的网站标识码');
  });

  it('warns (without blocking) on a non-.gov.cn home URL and on province mismatches', () => {
    const r = validateSiteInfo({ ...base(), homeUrl: 'https://www.example.com/', icpNo: '京ICP备05070218号' });
    expect(r.ok).toBe(true);
    expect(messagesAt(r, 'homeUrl').warnings[0]).toContain('.gov.cn');
    expect(messagesAt(r, 'icpNo').warnings[0]).toContain('河北省');
  });

  it('uses the given province over the org code for consistency warnings', () => {
    const r = validateSiteInfo(base(), { provinceCode: '110000' });
    expect(messagesAt(r, 'icpNo').warnings).toHaveLength(1);
    expect(messagesAt(r, 'psbNo').warnings).toHaveLength(1);
  });

  it('accepts 公安备案 「办理中」 with a reminder', () => {
    const r = validateSiteInfo({ ...base(), psbNo: '办理中' });
    expect(r.ok).toBe(true);
    expect(messagesAt(r, 'psbNo').warnings[0]).toContain('30日');
  });

  it('drops blank optional contacts, requires complete started ones, and allows at most three', () => {
    const c = base().contacts[0]!;
    const blank = { name: '', officePhone: '', mobile: '', email: '' };
    const r = validateSiteInfo({ ...base(), contacts: [c, blank, { ...c, name: '赵敏' }] });
    expect(r.ok && r.value.contacts.map((x) => x.name)).toEqual(['李娜', '赵敏']);
    expect(fieldsOf({ ...base(), contacts: [c, { ...blank, name: '赵敏' }] })).toEqual([
      'contacts.1.officePhone',
      'contacts.1.mobile',
      'contacts.1.email',
    ]);
    expect(fieldsOf({ ...base(), contacts: Array.from({ length: MAX_CONTACTS + 1 }, () => c) })).toEqual(['contacts']);
    expect(fieldsOf({ ...base(), contacts: [] })).toContain('contacts.0.name');
  });

  it('checks the optional 中文域名 only when filled, and requires .政务', () => {
    expect(fieldsOf({ ...base(), chineseDomain: '海港区教育局.中国' })).toEqual(['chineseDomain']);
    const r = validateSiteInfo({ ...base(), chineseDomain: '海港区教育局。政务' });
    expect(r.ok && r.value.chineseDomain).toBe('海港区教育局.政务');
  });

  it('keeps an unusual CONAC code as entered with a warning', () => {
    const r = validateSiteInfo({ ...base(), conacCode: 'ABC123' });
    expect(r.ok && r.value.conacCode).toBe('ABC123');
    expect(messagesAt(r, 'conacCode').warnings).toHaveLength(1);
  });

  it('tolerates garbage types from a form without throwing', () => {
    const r = validateSiteInfo({ name: null, principal: null, contacts: [null], isPortal: null });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.field)).toContain('contacts.0.name');
  });
});
