import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHINESE_PUNCTUATION_FULLWIDTH,
  normalizeDashes,
  normalizeName,
  removeWhitespace,
  stripControlChars,
  toHalfWidth,
} from '../../src/domain/text.ts';

describe('toHalfWidth', () => {
  it('converts full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('１３９１２３４５６７８')).toBe('13912345678');
    expect(toHalfWidth('ＡＢＣａｂｃ＠．－')).toBe('ABCabc@.-');
    expect(toHalfWidth('北京\u3000市')).toBe('北京 市');
    expect(toHalfWidth('！～')).toBe('!~');
  });

  it('leaves CJK punctuation outside FF01–FF5E alone', () => {
    expect(toHalfWidth('一、二。《三》「四」')).toBe('一、二。《三》「四」');
  });

  it('keeps the characters a caller asks for, e.g. the 栏目 separator', () => {
    expect(toHalfWidth('动态；通知；ＡＢ')).toBe('动态;通知;AB');
    expect(toHalfWidth('动态；通知；ＡＢ', { keep: '；' })).toBe('动态；通知；AB');
    expect(toHalfWidth('（一）：１', { keep: CHINESE_PUNCTUATION_FULLWIDTH })).toBe('（一）：1');
  });

  it('is idempotent and never touches ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => toHalfWidth(s) === s));
  });

  it('maps every character of FF01–FF5E to the ASCII character 0xFEE0 below', () => {
    for (let cp = 0xff01; cp <= 0xff5e; cp++) {
      expect(toHalfWidth(String.fromCodePoint(cp))).toBe(String.fromCodePoint(cp - 0xfee0));
    }
  });
});

describe('stripControlChars', () => {
  it('removes controls and invisible format characters', () => {
    expect(stripControlChars('a\u0000b\u200bc\ufeffd\u202ee\u007f')).toBe('abcde');
    expect(stripControlChars('a\tb\nc')).toBe('abc');
  });

  it('can keep newlines and tabs, normalising CRLF', () => {
    expect(stripControlChars('a\r\nb\rc\td\u0007', { keepNewlines: true })).toBe('a\nb\nc\td');
  });
});

describe('normalizeName', () => {
  it('trims, converts full-width ASCII, collapses whitespace (SPEC §6.8)', () => {
    expect(normalizeName('  北京市　人民政府  ')).toBe('北京市 人民政府');
    expect(normalizeName('ＸＸ市\t\n政务  服务网')).toBe('XX市 政务 服务网');
    expect(normalizeName('中国\u200b政府网')).toBe('中国政府网');
  });

  it('keeps Chinese punctuation', () => {
    expect(normalizeName('北京市人民政府（首都之窗）')).toBe('北京市人民政府（首都之窗）');
    expect(normalizeName('通知；公告：要闻，动态！？')).toBe('通知；公告：要闻，动态！？');
  });

  it('is idempotent, trimmed, and never has double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const n = normalizeName(s);
        expect(normalizeName(n)).toBe(n);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/\s\s/u);
      }),
    );
  });
});

describe('small helpers', () => {
  it('removeWhitespace and normalizeDashes', () => {
    expect(removeWhitespace(' 1 2\u3000３\t')).toBe('12３');
    expect(normalizeDashes('010－1234—5678–9‐0−1')).toBe('010-1234-5678-9-0-1');
  });
});
