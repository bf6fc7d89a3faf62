// The footer check's pure part: which identifiers a home page shows, compared with the register.
import { describe, expect, it } from 'vitest';
import {
  checkFooter,
  extractFooterIdentifiers,
  type FooterRegister,
  visibleText,
} from '../../src/domain/footer-check.ts';

const GOV_CN: FooterRegister = {
  siteCode: 'bm01000001',
  icpNo: '京ICP备05070218号',
  psbNo: '京公网安备11010202000001号',
  conacCode: 'CA061130187606827810001',
};

const govFooter = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div class="footer">
  <p>主办单位：国务院办公厅&nbsp;&nbsp;运行维护单位：中国政府网运行中心</p>
  <p>版权所有：中国政府网 | 中文域名：中国政府网.政务</p>
  <p>网站标识码bm01000001 &nbsp;<a href="https://beian.miit.gov.cn">京ICP备05070218号</a>
     <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010202000001">京公网安备11010202000001号</a></p>
  <span id="_ideConac"></span>
  <script type="text/javascript" src="http://dcs.conac.cn/js/33/000/0000/CA061130187606827810001.js"></script>
</div></body></html>`;

const statusOf = (html: string, register: FooterRegister) =>
  Object.fromEntries(checkFooter(html, register).findings.map((f) => [f.item, f.status]));

describe('extractFooterIdentifiers', () => {
  it('reads every identifier of a typical footer', () => {
    expect(extractFooterIdentifiers(govFooter)).toEqual({
      siteCodes: ['bm01000001'],
      icpNos: ['京ICP备05070218号'],
      psbDigits: ['11010202000001'],
      conac: { present: true, codes: ['CA061130187606827810001'] },
    });
  });

  it('accepts spaces, full-width colons and digits, a missing 号, the -n suffix, and the 找错 widget', () => {
    const html = `<footer>政府网站标识码：３１００００００００４４ 沪ICP备 12345678 号-2 京ICP备05070218
      冀公网安备 13030202002230
      <script id="_jiucuo_" sitecode='3100000044' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script></footer>`;
    const ids = extractFooterIdentifiers(html);
    expect(ids.siteCodes).toEqual(['310000000044', '3100000044']);
    expect(ids.icpNos).toEqual(['沪ICP备12345678号-2', '京ICP备05070218号']);
    expect(ids.psbDigits).toEqual(['13030202002230']);
    expect(ids.conac).toEqual({ present: false, codes: [] });
  });

  it('ignores commented-out markup and text inside scripts and styles', () => {
    const html = `<!-- 网站标识码1100000001 京ICP备19014889号 --><style>.a{content:"京ICP备11111111号"}</style>
      <script>var s = "网站标识码1200000052";</script><p>无备案信息</p>`;
    expect(extractFooterIdentifiers(html)).toEqual({
      siteCodes: [],
      icpNos: [],
      psbDigits: [],
      conac: { present: false, codes: [] },
    });
    expect(visibleText('<p>a&amp;b&#x4e2d;&#25991;</p>')).toBe(' a&b中文 ');
  });

  it('finds the CONAC emblem by its span, script host or bszs link', () => {
    expect(extractFooterIdentifiers('<span id="_ideConac"></span>').conac.present).toBe(true);
    const link = '<a href="http://bszs.conac.cn/sitename?method=show&id=0123456789abcdef0123456789ABCDEF">标识</a>';
    expect(extractFooterIdentifiers(link).conac).toEqual({
      present: true,
      codes: ['0123456789abcdef0123456789abcdef'],
    });
  });
});

describe('checkFooter', () => {
  it('is all OK for a footer that shows the registered values', () => {
    const report = checkFooter(govFooter, GOV_CN);
    expect(report.problems).toBe(0);
    expect(report.findings.map((f) => [f.item, f.status])).toEqual([
      ['SITE_CODE', 'OK'],
      ['ICP', 'OK'],
      ['PSB', 'OK'],
      ['CONAC', 'OK'],
    ]);
  });

  it('reports a different ICP number in the words of the register check', () => {
    const report = checkFooter(govFooter, { ...GOV_CN, icpNo: '京ICP备19014889号' });
    const icp = report.findings.find((f) => f.item === 'ICP');
    expect(icp?.status).toBe('MISMATCH');
    expect(icp?.message).toBe('ICP备案号与登记不一致：首页为 京ICP备05070218号，登记为 京ICP备19014889号');
    expect(report.problems).toBe(1);
  });

  it('reports a missing 标识码, and a different one as a mismatch', () => {
    const without = govFooter.replace('网站标识码bm01000001', '');
    const missing = checkFooter(without, GOV_CN).findings[0];
    expect(missing).toMatchObject({ item: 'SITE_CODE', status: 'MISSING', found: [] });
    expect(missing?.message).toBe('首页未找到网站标识码（登记为 bm01000001）');

    const other = govFooter.replace('网站标识码bm01000001', '网站标识码1100000001');
    expect(checkFooter(other, GOV_CN).findings[0]).toMatchObject({ status: 'MISMATCH', found: ['1100000001'] });
  });

  it('accepts the 标识码 wherever the page shows it, e.g. only in the 找错 widget', () => {
    const html = `<p>上海市人民政府 版权所有 网站标识码：310000000044</p>
      <script id="_jiucuo_" sitecode='3100000044' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>`;
    expect(statusOf(html, { siteCode: '3100000044', icpNo: '', psbNo: '', conacCode: '' }).SITE_CODE).toBe('OK');
  });

  it('compares ICP numbers by province and number: 蜀/川 alike, the -n suffix optional', () => {
    const page = '<p>川ICP备10014763号-1</p>';
    const base = { siteCode: null, psbNo: '', conacCode: '' };
    expect(statusOf(page, { ...base, icpNo: '蜀ICP备10014763号' }).ICP).toBe('OK');
    expect(statusOf(page, { ...base, icpNo: '蜀ICP备10014763号-3' }).ICP).toBe('OK');
    expect(statusOf(page, { ...base, icpNo: '渝ICP备10014763号' }).ICP).toBe('MISMATCH');
  });

  it('compares 公安 numbers by their 14 digits, from the text or the beian.gov.cn link', () => {
    const linkOnly =
      '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010202000001"><img src="ga.png"></a>';
    const base = { siteCode: null, icpNo: '', conacCode: '' };
    expect(statusOf(linkOnly, { ...base, psbNo: '京公网安备11010202000001号' }).PSB).toBe('OK');
    expect(statusOf(linkOnly, { ...base, psbNo: '京公网安备11010202008000号' }).PSB).toBe('MISMATCH');
  });

  it('says UNREGISTERED when the page shows what the register lacks, SKIPPED when neither has it', () => {
    const report = checkFooter(govFooter, { siteCode: null, icpNo: '', psbNo: '办理中', conacCode: '' });
    expect(report.findings.map((f) => f.status)).toEqual([
      'UNREGISTERED',
      'UNREGISTERED',
      'UNREGISTERED',
      'UNREGISTERED',
    ]);
    expect(report.findings[2]?.message).toBe('首页显示公安机关备案号 11010202000001，但登记信息中未填写，请补充');
    const empty = checkFooter('<p>hello</p>', { siteCode: null, icpNo: '', psbNo: '', conacCode: '' });
    expect(empty.findings.every((f) => f.status === 'SKIPPED')).toBe(true);
    expect(empty.problems).toBe(0);
  });

  it('reports a missing CONAC emblem, and one with another code', () => {
    const noEmblem = govFooter.replace(/<span id="_ideConac">[\s\S]*?<\/script>/, '');
    expect(statusOf(noEmblem, GOV_CN).CONAC).toBe('MISSING');
    const otherCode = govFooter.replace('CA061130187606827810001.js', 'CA000000000000000000001.js');
    expect(statusOf(otherCode, GOV_CN).CONAC).toBe('MISMATCH');
    // A 32-hex id in the register is not compared with a script's CA code.
    expect(statusOf(govFooter, { ...GOV_CN, conacCode: '0123456789abcdef0123456789abcdef' }).CONAC).toBe('OK');
  });

  it('notes when only the first megabyte was read', () => {
    const report = checkFooter('<p>nothing</p>', GOV_CN, { truncated: true });
    expect(report.truncated).toBe(true);
    expect(report.findings[0]?.message).toContain('只检查了前 1 MB');
  });
});
