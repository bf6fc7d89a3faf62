import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '../../src/domain/validation/punycode.ts';
import {
  checkChineseDomain,
  checkHomeUrl,
  checkHost,
  checkHttpUrl,
  differOnlyByWww,
  domainSuffixWarning,
  hostOf,
  normalizeUrlForCompare,
  ZHENGWU_TLD_ASCII,
} from '../../src/domain/validation/url.ts';
import { errorMessage, okValue, okWarnings } from './validation-helpers.ts';

describe('checkHomeUrl (SPEC §5.1 #2, §6.6)', () => {
  it.each([
    ['https://www.beijing.gov.cn/', 'https://www.beijing.gov.cn/'],
    ['http://www.gov.cn', 'http://www.gov.cn/'],
    ['HTTP://WWW.Mofcom.GOV.CN/index.html', 'http://www.mofcom.gov.cn/index.html'],
    ['https://slj.bd.gov.cn:443/', 'https://slj.bd.gov.cn/'],
    ['http://www.x.gov.cn:8080/portal/', 'http://www.x.gov.cn:8080/portal/'],
    ['ｈｔｔｐｓ：／／ｗｗｗ．ｘ．ｇｏｖ．ｃｎ／', 'https://www.x.gov.cn/'],
    ['https://www.x.gov.cn./', 'https://www.x.gov.cn/'],
    ['http://中国政府网.政务/', 'http://中国政府网.政务/'],
    ['http://www.x.gov.cn/#/home', 'http://www.x.gov.cn/#/home'],
    ['http://www.x.gov.cn/政务公开/?q=通知', 'http://www.x.gov.cn/政务公开/?q=通知'],
    ['http://www.x.gov.cn/a%20b/%E6%94%BF', 'http://www.x.gov.cn/a%20b/政'],
  ])('accepts %s → %s without warnings', (input, stored) => {
    const r = checkHomeUrl(input);
    expect(okValue(r)).toBe(stored);
    expect(okWarnings(r)).toEqual([]);
  });

  it('warns, but accepts, hosts outside .gov.cn / .政务', () => {
    const r = checkHomeUrl('https://www.example.com/');
    expect(okValue(r)).toBe('https://www.example.com/');
    expect(okWarnings(r)).toHaveLength(1);
    expect(okWarnings(r)[0]).toContain('.gov.cn');
    expect(okWarnings(r)[0]).toContain('“www.example.com”');
    expect(okWarnings(checkHomeUrl('http://www.例子.cn/'))[0]).toContain('“www.例子.cn”');
  });

  it.each([
    ['', '请填写'],
    ['www.x.gov.cn', 'http://'],
    ['ftp://www.x.gov.cn/', 'http://'],
    ['javascript:alert(1)', 'http://'],
    ['http://', 'http://'],
    ['http://192.168.1.10/', 'IP地址'],
    ['http://[::1]/', 'IP地址'],
    ['http://0x7f.1/', 'IP地址'],
    ['http://localhost/', '域名不完整'],
    ['http://www.x.gov.cn/a b', '空格'],
    ['http://admin:pw@www.x.gov.cn/', '用户名或密码'],
    ['http://www..gov.cn/', '域名'],
    ['http://exa!mple.gov.cn/', '域名'],
  ])('rejects %s', (input, fragment) => {
    const error = errorMessage(checkHomeUrl(input));
    expect(error).toContain(fragment);
    expect(error).toContain('如 https://www.beijing.gov.cn/');
  });

  it('checkHttpUrl names the field it checks', () => {
    expect(errorMessage(checkHttpUrl('abc', '栏目地址第 2 项'))).toMatch(/^栏目地址第 2 项“abc”不是有效的网址/);
  });
});

describe('normalizeUrlForCompare (SPEC §5.5)', () => {
  it('makes the documented variants compare equal', () => {
    const variants = [
      'http://www.x.gov.cn/',
      'https://WWW.X.gov.cn/index.html',
      'www.x.gov.cn:80/index.htm',
      'http://www.x.gov.cn',
      'https://www.x.gov.cn:443/INDEX.SHTML',
      'http://www.x.gov.cn/index.jsp',
      'http://www.x.gov.cn/#top',
      ' ＷＷＷ．Ｘ．ＧＯＶ．ＣＮ ',
      'http://www.x.gov.cn./',
    ];
    const keys = new Set(variants.map(normalizeUrlForCompare));
    expect([...keys]).toEqual(['www.x.gov.cn']);
  });

  it('keeps www., other ports, paths and queries significant', () => {
    expect(normalizeUrlForCompare('http://x.gov.cn/')).not.toBe(normalizeUrlForCompare('http://www.x.gov.cn/'));
    expect(normalizeUrlForCompare('http://www.x.gov.cn:8080/')).toBe('www.x.gov.cn:8080');
    expect(normalizeUrlForCompare('http://www.x.gov.cn/col/')).toBe('www.x.gov.cn/col');
    expect(normalizeUrlForCompare('http://www.x.gov.cn/col/index.html')).toBe('www.x.gov.cn/col/index.html');
    expect(normalizeUrlForCompare('http://www.x.gov.cn/?a=1')).toBe('www.x.gov.cn?a=1');
    expect(normalizeUrlForCompare('http://www.x.gov.cn/Col')).not.toBe(
      normalizeUrlForCompare('http://www.x.gov.cn/col'),
    );
  });

  it('compares the stored form of a Unicode path with what the user typed', () => {
    const stored = checkHomeUrl('http://www.x.gov.cn/政务公开/');
    expect(stored.ok).toBe(true);
    if (stored.ok) expect(normalizeUrlForCompare(stored.value)).toBe(normalizeUrlForCompare('www.x.gov.cn/政务公开'));
  });

  it('compares IDN hosts in punycode form', () => {
    expect(normalizeUrlForCompare('http://中国政府网.政务/')).toBe(`xn--fiqs8sirgfmhq98a.${ZHENGWU_TLD_ASCII}`);
    expect(normalizeUrlForCompare('https://xn--fiqs8sirgfmhq98a.xn--zfr164b/index.html')).toBe(
      normalizeUrlForCompare('中国政府网。政务'),
    );
  });

  it('falls back to lower-cased text for unparsable input', () => {
    expect(normalizeUrlForCompare('HTTP://exa mple')).toBe('exa mple');
  });

  it('is idempotent for valid URLs (property)', () => {
    const label = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 1,
      maxLength: 8,
    });
    const url = fc
      .tuple(
        fc.constantFrom('http://', 'https://', ''),
        fc.boolean(),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', ':80', ':443', ':8080'),
        fc.constantFrom('', '/', '/index.html', '/a/b/', '/a?x=1'),
      )
      .map(
        ([scheme, www, labels, port, path]) => `${scheme}${www ? 'WWW.' : ''}${labels.join('.')}.gov.cn${port}${path}`,
      );
    fc.assert(
      fc.property(url, (u) => {
        const key = normalizeUrlForCompare(u);
        expect(normalizeUrlForCompare(key)).toBe(key);
        expect(key).toBe(key.toLowerCase());
      }),
    );
  });
});

describe('hostOf / differOnlyByWww', () => {
  it('extracts the ASCII host', () => {
    expect(hostOf('https://WWW.X.gov.cn:8443/a')).toBe('www.x.gov.cn');
    expect(hostOf('www.x.gov.cn:80/index.htm')).toBe('www.x.gov.cn');
    expect(hostOf('http://中国政府网.政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(hostOf('http://')).toBeNull();
  });

  it('detects URLs that differ only by www.', () => {
    expect(differOnlyByWww('http://x.gov.cn/', 'https://www.x.gov.cn/index.html')).toBe(true);
    expect(differOnlyByWww('http://www.x.gov.cn/', 'https://www.x.gov.cn/')).toBe(false);
    expect(differOnlyByWww('http://y.gov.cn/', 'http://www.x.gov.cn/')).toBe(false);
  });
});

describe('checkHost (其他域名, SPEC §5.3)', () => {
  it('returns Unicode and punycode forms, lower-cased', () => {
    expect(okValue(checkHost('WWW.Beijing.GOV.CN'))).toEqual({
      unicode: 'www.beijing.gov.cn',
      ascii: 'www.beijing.gov.cn',
    });
    expect(okValue(checkHost('中国政府网.政务'))).toEqual({
      unicode: '中国政府网.政务',
      ascii: 'xn--fiqs8sirgfmhq98a.xn--zfr164b',
    });
    expect(okValue(checkHost('xn--fiqs8sirgfmhq98a.xn--zfr164b')).unicode).toBe('中国政府网.政务');
    expect(okValue(checkHost('www.x.gov.cn.')).ascii).toBe('www.x.gov.cn');
    expect(okWarnings(checkHost('www.x.gov.cn'))).toEqual([]);
    expect(okWarnings(checkHost('www.example.org'))).toHaveLength(1);
  });

  it.each([
    ['', '请填写'],
    ['http://www.x.gov.cn', '不含“http://”和路径'],
    ['www.x.gov.cn/path', '不含“http://”和路径'],
    ['www.x.gov.cn:8080', '不含端口'],
    ['user@www.x.gov.cn', '格式不正确'],
    ['10.0.0.1', 'IP地址'],
    ['gov', '域名不完整'],
    ['www x.gov.cn', '格式不正确'],
  ])('rejects %s', (input, fragment) => {
    expect(errorMessage(checkHost(input))).toContain(fragment);
  });
});

describe('checkChineseDomain', () => {
  it('accepts names ending in .政务', () => {
    expect(okValue(checkChineseDomain('中国政府网.政务')).unicode).toBe('中国政府网.政务');
    expect(okValue(checkChineseDomain('中国政府网。政务')).unicode).toBe('中国政府网.政务');
    expect(okValue(checkChineseDomain('中央编办．政务')).unicode).toBe('中央编办.政务');
  });

  it('rejects other suffixes', () => {
    expect(errorMessage(checkChineseDomain('中国政府网.中国'))).toBe('中文域名须以“.政务”结尾，如 中国政府网.政务');
    expect(errorMessage(checkChineseDomain('www.gov.cn'))).toContain('.政务');
    expect(errorMessage(checkChineseDomain('政务'))).toContain('域名不完整');
  });
});

describe('domainSuffixWarning', () => {
  it('is null for .gov.cn and .政务 only', () => {
    expect(domainSuffixWarning('www.gov.cn')).toBeNull();
    expect(domainSuffixWarning('xn--fiqs8sirgfmhq98a.xn--zfr164b')).toBeNull();
    expect(domainSuffixWarning('www.gov.cn.com')).not.toBeNull();
    expect(domainSuffixWarning('notgov.cn')).not.toBeNull();
  });
});

describe('punycode', () => {
  it('decodes known labels', () => {
    expect(decodePunycode('zfr164b')).toBe('政务');
    expect(decodePunycode('fiqs8sirgfmhq98a')).toBe('中国政府网');
    expect(decodePunycode('mnchen-3ya')).toBe('münchen');
    expect(hostToUnicode('www.xn--fsqu00a.gov.cn')).toBe('www.例子.gov.cn');
  });

  it('rejects malformed input', () => {
    expect(decodePunycode('!!!')).toBeNull();
    expect(decodePunycode('ü-abc')).toBeNull();
    expect(hostToUnicode('xn--!!!.cn')).toBe('xn--!!!.cn');
  });

  it('inverts the WHATWG URL encoder (property)', () => {
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp));
    const label = fc
      .array(fc.oneof(cjk, fc.constantFrom(...'abcxyz019')), { minLength: 1, maxLength: 10 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(label, label, (a, b) => {
        const unicode = `${a}.${b}.cn`;
        const ascii = new URL(`http://${unicode}/`).hostname;
        expect(hostToUnicode(ascii)).toBe(unicode);
      }),
    );
  });
});
